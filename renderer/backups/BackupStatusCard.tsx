import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCloudUpload, IconDatabaseExport, IconSettings } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../shared/contract/backup-channels';
import { useSession } from '../app/session-context';
import { ErrorAlert } from '../errors/ErrorAlert';
import { HomeCard } from '../home/HomeCard';
import { useBridgeQuery } from '../hooks/useBridgeQuery';
import { useNavigation } from '../shell/navigation';
import { BackupOutcome } from './BackupOutcome';
import { BackupProgressBar } from './BackupProgressBar';
import { NetworkShareWarning } from './NetworkShareWarning';
import { useRunBackup } from './useRunBackup';
import { useDates } from '../hooks/useDates';

/**
 * Home's word on backups: when the last good one was made and where, when the next is due, and a
 * plain warning when the clinic's records are at risk. Everyone sees it; only admins can act.
 */
export function BackupStatusCard() {
  const { t } = useTranslation();
  const dates = useDates();
  const { staff, status: appStatus } = useSession();
  const { go } = useNavigation();
  const isAdmin = staff.role === 'admin';
  const status = useBridgeQuery('backup.status', {});
  const settings = useBridgeQuery('backup.settings.get', {}, isAdmin);
  const reload = useCallback(() => void status.reload(), [status]);
  const backup = useRunBackup(reload);

  const data = status.data;
  const when = (iso: string) => dates.dateTime(iso);
  const wholeDays = Math.floor(data?.lastSuccessAgeDays ?? 0);
  const agoText = wholeDays < 1 ? t('backups.ago.today') : t('backups.ago.days', { count: wholeDays });

  return (
    <HomeCard icon={<IconDatabaseExport size={22} />} title={t('backups.card.title')}>
      {status.error ? <ErrorAlert error={status.error} /> : null}
      {data ? (
        <Stack gap="sm" data-testid="backup-card">
          <Warning status={data} isAdmin={isAdmin} />
          <NetworkShareWarning kind={appStatus.dataFolderOnNetwork} />
          <Stack component="dl" gap={4} m={0}>
            <Fact label={t('backups.card.lastGood')} value={data.lastSuccessAt ? `${when(data.lastSuccessAt)} (${agoText})` : t('backups.card.lastGoodNone')} />
            {isAdmin && settings.data?.folder ? <Fact label={t('backups.card.where')} value={settings.data.folder} /> : null}
            {data.lastSuccessFile ? <Fact label={t('backups.card.file')} value={data.lastSuccessFile} /> : null}
            <Fact label={t('backups.card.next')} value={data.nextDueAt ? when(data.nextDueAt) : t('backups.card.nextWhenFolder')} />
          </Stack>
          {data.lastError && data.warning !== 'none' ? (
            <Text size="sm" c="red.8">
              {t('backups.card.lastFailed', { message: data.lastError.message })}
            </Text>
          ) : null}
          {backup.running ? <BackupProgressBar progress={backup.progress} /> : null}
          <ErrorAlert error={backup.failure} />
          {isAdmin ? (
            <Group gap="sm">
              {data.configured ? (
                <Button leftSection={<IconCloudUpload size={18} aria-hidden />} onClick={() => void backup.run()} loading={backup.running}>
                  {t('backups.card.runNow')}
                </Button>
              ) : null}
              <Button variant="default" leftSection={<IconSettings size={18} aria-hidden />} onClick={() => go({ page: 'settings', settingsTab: 'backups' })}>
                {t('backups.card.openSettings')}
              </Button>
            </Group>
          ) : null}
          <BackupOutcome result={backup.result} />
        </Stack>
      ) : null}
    </HomeCard>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text component="dt" size="sm" c="dimmed" style={{ flexShrink: 0 }}>
        {label}:
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Group>
  );
}

function Warning({ status, isAdmin }: { status: BackupStatus; isAdmin: boolean }) {
  const { t } = useTranslation();
  if (status.warning === 'none') {
    return (
      <Text size="sm" c="sage.9" fw={600}>
        {t('backups.card.ok')}
      </Text>
    );
  }
  const text =
    status.warning === 'not-configured'
      ? t('backups.card.notConfigured')
      : status.warning === 'never'
        ? t('backups.card.never')
        : t('backups.card.overdue', { count: Math.floor(status.lastSuccessAgeDays ?? 0), limit: status.warnAfterDays });
  const next = isAdmin ? (status.warning === 'not-configured' ? t('backups.card.notConfiguredAdmin') : null) : t('backups.card.askAdmin');
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} data-testid="backup-warning">
      <Text size="sm">{text}</Text>
      {next ? (
        <Text size="sm" mt={4}>
          {next}
        </Text>
      ) : null}
    </Alert>
  );
}
