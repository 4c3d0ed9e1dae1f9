import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeptAsideStore } from '../../shared/contract/backup-channels';
import type { BridgeError } from '../../shared/errors';
import { Dialog } from '../app/Dialog';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useBridgeQuery } from '../hooks/useBridgeQuery';
import { useDates } from '../hooks/useDates';
import { formatFileSize } from '../i18n/format';

/**
 * The stores earlier restores moved aside (whole copies of the records, kept in case the restore
 * was the wrong one), each with when and how big, and "Delete…" behind a confirmation that says
 * what they hold. Admins only, like the rest of Settings → Backups; the main side audits it.
 */
export function KeptAsideStores() {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const clock = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const list = useBridgeQuery('backup.keptAside.list', {});
  const [shown, setShown] = useState<KeptAsideStore[] | null>(null);
  const [confirming, setConfirming] = useState<KeptAsideStore | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [failure, setFailure] = useState<BridgeError | null>(null);

  const stores = shown ?? list.data;
  if (!stores) return <ErrorAlert error={list.error} />;

  const close = () => {
    setConfirming(null);
    setFailure(null);
  };
  const remove = async (store: KeptAsideStore) => {
    setFailure(null);
    setDeleting(true);
    try {
      setShown(await call('backup.keptAside.delete', { name: store.name }));
      notifySuccess(t('backups.keptAside.deletedTitle'), t('backups.keptAside.deletedMessage', { folder: store.name }));
      setConfirming(null);
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setDeleting(false);
    }
  };

  if (stores.length === 0) return <Text c="dimmed">{t('backups.keptAside.none')}</Text>;
  return (
    <>
      <Table verticalSpacing={6} aria-label={t('backups.keptAside.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('backups.keptAside.columns.movedAside')}</Table.Th>
            <Table.Th scope="col">{t('backups.keptAside.columns.folder')}</Table.Th>
            <Table.Th scope="col">{t('backups.keptAside.columns.size')}</Table.Th>
            <Table.Th scope="col">{t('backups.settings.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stores.map((store) => (
            <Table.Tr key={store.name}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {store.movedAsideAt ? (
                  <>
                    {dates.dayOf(store.movedAsideAt)}
                    <br />
                    <Text span size="sm" c="dimmed">
                      {clock.format(new Date(store.movedAsideAt))}
                    </Text>
                  </>
                ) : (
                  t('common.none')
                )}
              </Table.Td>
              <Table.Td style={{ width: '100%', minWidth: 160, overflowWrap: 'anywhere' }}>
                <Text size="sm">{store.name}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatFileSize(store.sizeBytes, i18n.language)}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  color="red.9"
                  leftSection={<IconTrash size={16} aria-hidden />}
                  aria-label={t('backups.keptAside.deleteFor', { folder: store.name })}
                  onClick={() => setConfirming(store)}
                >
                  {t('backups.keptAside.delete')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Dialog opened={confirming !== null} onClose={close} title={t('backups.keptAside.confirmTitle')} size="lg">
        {confirming ? (
          <Stack gap="md">
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('backups.keptAside.confirmWarning')}>
              <Text size="sm">
                {t('backups.keptAside.confirmWhat', {
                  folder: confirming.name,
                  when: confirming.movedAsideAt ? `${dates.dayOf(confirming.movedAsideAt)} ${clock.format(new Date(confirming.movedAsideAt))}` : t('common.none'),
                  size: formatFileSize(confirming.sizeBytes, i18n.language),
                })}
              </Text>
            </Alert>
            <Text size="sm">{t('backups.keptAside.confirmCheck')}</Text>
            <ErrorAlert error={failure} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button color="red.9" leftSection={<IconTrash size={18} aria-hidden />} loading={deleting} onClick={() => void remove(confirming)}>
                {t('backups.keptAside.confirmDelete')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Dialog>
    </>
  );
}
