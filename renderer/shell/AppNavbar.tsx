import { AppShell, Group, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArchive, IconCalendarEvent, IconHome, IconPackage, IconListDetails, IconSearch, IconSettings, IconUsers, IconZoomScan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session-context';
import { commandSpotlight } from './command-spotlight-store';
import { sectionOf, useNavigation, type Page } from './navigation';
import { ShortcutKeys } from './ShortcutKeys';
import classes from './AppNavbar.module.css';

const items: { page: Page; icon: typeof IconHome; clinicians?: true; admins?: true }[] = [
  { page: 'home', icon: IconHome },
  { page: 'diary', icon: IconCalendarEvent },
  { page: 'clients', icon: IconUsers },
  { page: 'lotRecall', icon: IconZoomScan, clinicians: true },
  { page: 'stock', icon: IconPackage, clinicians: true },
  { page: 'auditTrail', icon: IconListDetails, admins: true },
  { page: 'retention', icon: IconArchive, admins: true },
  { page: 'settings', icon: IconSettings },
];

/** Home, Clients, Lot recall (clinicians), Audit trail and Retention (admins), Settings (later issues add theirs) and the search/jump box. */
export function AppNavbar() {
  const { t } = useTranslation();
  const { staff } = useSession();
  const { place, go } = useNavigation();
  const section = sectionOf(place.page);

  return (
    <AppShell.Navbar p="md" className={classes.navbar} aria-label={t('shell.navigation')}>
      <AppShell.Section>
        <UnstyledButton className={classes.search} onClick={() => commandSpotlight.open()} aria-keyshortcuts="Control+K Meta+K">
          <Group justify="space-between" wrap="nowrap">
            <Group gap={8} wrap="nowrap">
              <IconSearch size={18} aria-hidden className={classes.searchIcon} />
              <Text size="sm">{t('shell.search')}</Text>
            </Group>
            <ShortcutKeys letter="K" size="xs" />
          </Group>
        </UnstyledButton>
      </AppShell.Section>
      <AppShell.Section grow mt="lg">
        <Stack gap={4}>
          {items
            .filter((item) => (!item.clinicians || staff.role !== 'reception') && (!item.admins || staff.role === 'admin'))
            .map(({ page, icon: Icon }) => {
              const active = section === page;
              return (
                <NavLink
                  key={page}
                  component="button"
                  type="button"
                  className={classes.link}
                  label={
                    page === 'diary'
                      ? t('diary.nav')
                      : page === 'auditTrail'
                        ? t('auditTrail.nav')
                        : page === 'retention'
                          ? t('auditTrail.retention.nav')
                          : t(`nav.${page as 'home' | 'clients' | 'lotRecall' | 'stock' | 'settings'}`)
                  }
                  leftSection={<Icon size={22} stroke={1.6} aria-hidden />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={() => go({ page })}
                />
              );
            })}
        </Stack>
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
