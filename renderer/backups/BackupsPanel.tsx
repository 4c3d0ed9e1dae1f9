import { Button, Group, Stack, Text } from '@mantine/core';
import { IconCloudUpload, IconFileImport, IconFolder } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSettings, ChosenBackup } from '../../shared/contract/backup-channels';
import type { BridgeError } from '../../shared/errors';
import { notifySuccess } from '../app/notify';
import { useSession } from '../app/session-context';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useBridgeQuery } from '../hooks/useBridgeQuery';
import { SettingsSection } from '../settings/SettingsSection';
import { PageLoading } from '../shell/PageLoading';
import { BackupKeepForm } from './BackupKeepForm';
import { BackupList } from './BackupList';
import { BackupOutcome } from './BackupOutcome';
import { BackupProgressBar } from './BackupProgressBar';
import { KeptAsideStores } from './KeptAsideStores';
import { RestoreDialog } from './RestoreDialog';
import { useRunBackup } from './useRunBackup';

type Picked = Extract<ChosenBackup, { chosen: true }>;

/** Settings → Backups (admins): where backups go, how many are kept, the list, and restore. */
export function BackupsPanel() {
  const { t } = useTranslation();
  const session = useSession();
  const settings = useBridgeQuery('backup.settings.get', {});
  const list = useBridgeQuery('backup.list', {});
  const [shown, setShown] = useState<BackupSettings | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [restoring, setRestoring] = useState<{ picked: Picked | null } | null>(null);
  const reloadList = useCallback(() => void list.reload(), [list]);
  const backup = useRunBackup(reloadList);

  if (settings.loading && !settings.data) return <PageLoading />;
  const current = shown ?? settings.data;
  if (!current) return <ErrorAlert error={settings.error} />;

  const chooseFolder = async () => {
    setFailure(null);
    setChoosing(true);
    try {
      const answer = await call('backup.chooseFolder', {});
      if (answer.chosen) {
        setShown(answer.settings);
        notifySuccess(t('backups.settings.folderChosenTitle'), t('backups.settings.folderChosenMessage'));
        await list.reload();
      }
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setChoosing(false);
    }
  };

  return (
    <Stack gap="lg">
      <SettingsSection title={t('backups.settings.folderTitle')} description={t('backups.settings.folderHelp')}>
        <Group gap="sm" wrap="nowrap" align="center">
          <IconFolder size={20} aria-hidden />
          <Text data-testid="backup-folder" fw={current.folder ? 600 : undefined} c={current.folder ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
            {current.folder ?? t('backups.settings.folderNone')}
          </Text>
        </Group>
        <ErrorAlert error={failure} />
        <Group gap="sm">
          <Button variant={current.folder ? 'default' : 'filled'} onClick={() => void chooseFolder()} loading={choosing}>
            {current.folder ? t('backups.settings.changeFolder') : t('backups.settings.chooseFolder')}
          </Button>
          {current.folder ? (
            <Button leftSection={<IconCloudUpload size={18} aria-hidden />} onClick={() => void backup.run()} loading={backup.running}>
              {t('backups.card.runNow')}
            </Button>
          ) : null}
        </Group>
        {backup.running ? <BackupProgressBar progress={backup.progress} /> : null}
        <BackupOutcome result={backup.result} />
        <ErrorAlert error={backup.failure} />
      </SettingsSection>

      <SettingsSection title={t('backups.settings.keepTitle')} description={t('backups.settings.keepHelp')}>
        <BackupKeepForm settings={current} onSaved={setShown} />
      </SettingsSection>

      <SettingsSection title={t('backups.settings.listTitle')} description={t('backups.settings.listHelp')}>
        {!current.folder ? (
          <Text c="dimmed">{t('backups.settings.listNoFolder')}</Text>
        ) : list.data ? (
          <BackupList entries={list.data} onChanged={reloadList} onRestore={(picked) => setRestoring({ picked })} />
        ) : (
          <ErrorAlert error={list.error} />
        )}
      </SettingsSection>

      <SettingsSection title={t('backups.settings.restoreOtherTitle')} description={t('backups.settings.restoreOtherHelp')}>
        <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => setRestoring({ picked: null })} w="fit-content">
          {t('backups.settings.restoreOther')}
        </Button>
      </SettingsSection>

      <SettingsSection title={t('backups.keptAside.title')} description={t('backups.keptAside.help')}>
        <KeptAsideStores />
      </SettingsSection>

      <RestoreDialog
        opened={restoring !== null}
        mode="replaceStore"
        picked={restoring?.picked ?? null}
        onFinished={(result) => {
          setRestoring(null);
          // The store was replaced and everyone signed out: the app shows sign-in.
          if (result) void session.refresh();
        }}
      />
    </Stack>
  );
}
