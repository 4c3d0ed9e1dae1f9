import { Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupListEntry, ChosenBackup } from '../../shared/contract/backup-channels';
import type { BridgeError } from '../../shared/errors';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { ErrorAlert } from '../errors/ErrorAlert';
import { formatKilobytes } from '../i18n/format';
import { formatMoment } from './when';

type Picked = Extract<ChosenBackup, { chosen: true }>;

/** The backups in the folder, newest first, each with "Check" (read it in full) and "Restore…". */
export function BackupList({ entries, onChanged, onRestore }: { entries: BackupListEntry[]; onChanged: () => void; onRestore: (picked: Picked) => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);

  const verify = async (file: string) => {
    setFailure(null);
    setBusy(file);
    try {
      const checked = await call('backup.verify', { file });
      notifySuccess(t('backups.settings.verifiedTitle'), t('backups.settings.verifiedMessage', { file, clients: checked.counts.clients, sessions: checked.counts.sessions }));
      onChanged();
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(null);
    }
  };

  const restore = async (file: string) => {
    setFailure(null);
    setBusy(file);
    try {
      const picked = await call('backup.restore.pickListed', { file });
      if (picked.chosen) onRestore(picked);
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(null);
    }
  };

  if (entries.length === 0) return <Text c="dimmed">{t('backups.settings.listEmpty')}</Text>;
  return (
    <>
      <ErrorAlert error={failure} />
      <Table verticalSpacing={6} data-testid="backup-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('backups.settings.columns.made')}</Table.Th>
            <Table.Th scope="col">{t('backups.settings.columns.file')}</Table.Th>
            <Table.Th scope="col">{t('backups.settings.columns.size')}</Table.Th>
            <Table.Th scope="col">{t('backups.settings.columns.state')}</Table.Th>
            <Table.Th scope="col">{t('backups.settings.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const usable = entry.readable && entry.sameStore;
            return (
              <Table.Tr key={entry.file}>
                <Table.Td>{entry.createdAt ? formatMoment(entry.createdAt, i18n.language) : t('common.none')}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.file}</Table.Td>
                <Table.Td>{formatKilobytes(entry.sizeBytes, i18n.language)}</Table.Td>
                <Table.Td>
                  <StateBadge entry={entry} />
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      disabled={!usable || busy !== null}
                      loading={busy === entry.file}
                      aria-label={t('backups.settings.verifyFor', { file: entry.file })}
                      onClick={() => void verify(entry.file)}
                    >
                      {t('backups.settings.verify')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      disabled={!entry.readable || busy !== null}
                      aria-label={t('backups.settings.restoreFor', { file: entry.file })}
                      onClick={() => void restore(entry.file)}
                    >
                      {t('backups.settings.restore')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** In words, not a pill: a narrow table column must not cut "Checked" to "CHE…". */
function StateBadge({ entry }: { entry: BackupListEntry }) {
  const { t } = useTranslation();
  const [color, text] = !entry.readable
    ? ['red.8', t('backups.settings.state.unreadable')]
    : !entry.sameStore
      ? ['orange.9', t('backups.settings.state.otherStore')]
      : entry.verified
        ? ['sage.9', t('backups.settings.state.verified')]
        : ['dimmed', t('backups.settings.state.unchecked')];
  return (
    <Text size="sm" fw={600} c={color}>
      {text}
    </Text>
  );
}
