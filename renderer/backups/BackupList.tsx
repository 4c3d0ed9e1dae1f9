import { Button, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupListEntry, ChosenBackup } from '../../shared/contract/backup-channels';
import type { BridgeError } from '../../shared/errors';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { ErrorAlert } from '../errors/ErrorAlert';
import { formatKilobytes } from '../i18n/format';
import { useDates } from '../hooks/useDates';

type Picked = Extract<ChosenBackup, { chosen: true }>;

/** The backups in the folder, newest first, each with "Check" (read it in full) and "Restore…". */
export function BackupList({ entries, onChanged, onRestore }: { entries: BackupListEntry[]; onChanged: () => void; onRestore: (picked: Picked) => void }) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const clock = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);

  const verify = async (file: string) => {
    setFailure(null);
    setBusy(file);
    try {
      const checked = await call('backup.verify', { file });
      notifySuccess(
        t('backups.settings.verifiedTitle'),
        t('backups.settings.verifiedMessage', { file, clients: t('backups.clientCount', { count: checked.counts.clients }), sessions: t('backups.sessionCount', { count: checked.counts.sessions }) }),
      );
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
            <Table.Th scope="col">{t('backups.settings.columns.state')}</Table.Th>
            <Table.Th scope="col">{t('backups.settings.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const usable = entry.readable && entry.sameStore;
            return (
              <Table.Tr key={entry.file}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {entry.createdAt ? (
                    <>
                      {dates.dayOf(entry.createdAt)}
                      <br />
                      <Text span size="sm" c="dimmed">
                        {clock.format(new Date(entry.createdAt))}
                      </Text>
                    </>
                  ) : (
                    t('common.none')
                  )}
                </Table.Td>
                {/* The file name takes the room left and breaks only at its dashes and dots; its size below it. */}
                <Table.Td style={{ width: '100%', minWidth: 160 }}>
                  <Text size="sm">
                    <FileName name={entry.file} />
                  </Text>
                  <Text size="sm" c="dimmed">
                    {formatKilobytes(entry.sizeBytes, i18n.language)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StateBadge entry={entry} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={6} align="stretch">
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
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** A file name that may break after its dashes, dots and underscores (never mid-word). */
function FileName({ name }: { name: string }) {
  const parts = name.split(/(?<=[-_.])/);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
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
