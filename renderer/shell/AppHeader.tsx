import { AppShell, Avatar, Button, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconKey, IconLock, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session-context';
import { BrandMark } from '../brand/BrandMark';
import { initials } from './initials';
import { useNavigation } from './navigation';
import { ShortcutKeys } from './ShortcutKeys';
import classes from './AppHeader.module.css';

/** Which clinic, who is at the keyboard, and the Lock button always within reach. */
export function AppHeader() {
  const { t } = useTranslation();
  const { status, staff, lock, signOut } = useSession();
  const { go } = useNavigation();

  return (
    <AppShell.Header className={classes.header}>
      <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <BrandMark size={34} tone="dark" />
          <div>
            <Text fw={600} size="md" lh={1.2} className={classes.clinic}>
              {status.clinicName ?? t('app.name')}
            </Text>
            <Text size="xs" c="dimmed" lh={1.2}>
              {t('app.name')}
            </Text>
          </div>
        </Group>
        <Group gap="md" wrap="nowrap">
          <Menu position="bottom-end" width={240} shadow="md">
            <Menu.Target>
              <UnstyledButton className={classes.account}>
                <VisuallyHidden>{t('shell.accountMenu')} </VisuallyHidden>
                <Group gap="sm" wrap="nowrap">
                  <Avatar color="sage" radius="xl" size={36} aria-hidden>
                    {initials(staff.name)}
                  </Avatar>
                  <div>
                    <Text size="sm" fw={600} lh={1.2}>
                      {staff.name}
                    </Text>
                    <Text size="xs" c="dimmed" lh={1.2}>
                      {t(`roles.${staff.role}.name`)}
                    </Text>
                  </div>
                  <IconChevronDown size={16} aria-hidden />
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconKey size={18} aria-hidden />} onClick={() => go({ page: 'settings', settingsTab: 'password' })}>
                {t('shell.changeMyPassword')}
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item leftSection={<IconLogout size={18} aria-hidden />} onClick={signOut}>
                {t('shell.signOut')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button
            variant="light"
            leftSection={<IconLock size={18} aria-hidden />}
            rightSection={<ShortcutKeys letter="L" size="xs" />}
            onClick={() => lock('button')}
            aria-keyshortcuts="Control+L Meta+L"
          >
            {t('shell.lock')}
          </Button>
        </Group>
      </Group>
    </AppShell.Header>
  );
}
