import { Spotlight, spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { IconHome, IconKey, IconLock, IconSearch, IconSettings, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session-context';
import classes from './CommandSpotlight.module.css';
import { useNavigation } from './navigation';

/**
 * Ctrl/Cmd+K: jump anywhere by typing. For now the places and Lock; client search joins it when
 * client records exist. Opens from inside text fields too (keyboard first).
 */
export function CommandSpotlight() {
  const { t } = useTranslation();
  const { staff, lock } = useSession();
  const { go } = useNavigation();
  const isAdmin = staff.role === 'admin';
  // Spotlight keeps its open state in a module-level store; locking unmounts the app, and the
  // search must not greet the next person already open (with the last query in it).
  useEffect(() => () => spotlight.close(), []);

  const actions = useMemo<SpotlightActionData[]>(() => {
    const icon = (Icon: typeof IconHome) => <Icon size={22} stroke={1.6} aria-hidden />;
    const list: SpotlightActionData[] = [
      { id: 'home', label: t('nav.home'), description: t('spotlight.homeHint'), leftSection: icon(IconHome), onClick: () => go({ page: 'home' }) },
      { id: 'clients', label: t('nav.clients'), description: t('spotlight.clientsHint'), leftSection: icon(IconUsers), onClick: () => go({ page: 'clients' }) },
      { id: 'settings', label: t('nav.settings'), description: t('spotlight.settingsHint'), leftSection: icon(IconSettings), onClick: () => go({ page: 'settings' }) },
    ];
    if (isAdmin) {
      list.push({
        id: 'staff',
        label: t('settings.tabs.staff'),
        description: t('spotlight.staffHint'),
        leftSection: icon(IconUsersGroup),
        onClick: () => go({ page: 'settings', settingsTab: 'staff' }),
      });
    }
    list.push(
      {
        id: 'password',
        label: t('shell.changeMyPassword'),
        description: t('spotlight.passwordHint'),
        leftSection: icon(IconKey),
        onClick: () => go({ page: 'settings', settingsTab: 'password' }),
      },
      { id: 'lock', label: t('shell.lock'), description: t('spotlight.lockHint'), leftSection: icon(IconLock), onClick: () => lock('shortcut') },
    );
    return list;
  }, [t, go, lock, isAdmin]);

  return (
    <Spotlight
      actions={actions}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      nothingFound={t('spotlight.nothingFound')}
      highlightQuery
      title={t('spotlight.title')}
      classNames={{ header: classes.header, action: classes.action, actionDescription: classes.actionDescription }}
      searchProps={{
        leftSection: <IconSearch size={20} stroke={1.6} aria-hidden />,
        placeholder: t('spotlight.placeholder'),
        'aria-label': t('spotlight.searchLabel'),
      }}
    />
  );
}
