import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupProgress } from '../../shared/contract/backup-channels';
import { percentDone } from './when';

/** How far a backup, check or restore has come, in words and as a bar a screen reader can read. */
export function BackupProgressBar({ progress }: { progress: BackupProgress | null }) {
  const { t } = useTranslation();
  const percent = progress ? percentDone(progress.done, progress.total) : 0;
  const label = progress ? t('backups.progress.label', { activity: t(`backups.progress.activity.${progress.activity}`), phase: t(`backups.progress.phase.${progress.phase}`) }) : t('common.loading');
  return (
    <Stack gap={6} data-testid="backup-progress">
      <Text size="sm" aria-live="polite">
        {label}
      </Text>
      <Progress value={percent} animated={!progress} size="lg" aria-label={label} />
    </Stack>
  );
}
