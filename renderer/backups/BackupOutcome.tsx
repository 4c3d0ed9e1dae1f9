import { Group, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BackupRunResult } from '../../shared/contract/backup-channels';
import { useDates } from '../hooks/useDates';

/**
 * What "Back up now" did, beside the button that did it (a toast in a corner is easily missed):
 * the file written, and when.
 */
export function BackupOutcome({ result }: { result: BackupRunResult | null }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (!result) return null;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" role="status">
      <IconCircleCheck size={18} color="var(--mantine-color-sage-8)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
      <Text size="sm" c="sage.9" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {t('backups.done.inline', { file: result.file, clients: t('backups.clientCount', { count: result.counts.clients }), when: dates.dateTime(result.createdAt) })}
      </Text>
    </Group>
  );
}
