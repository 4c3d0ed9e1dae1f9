import { Alert, Button, Group, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionReportRow } from '../../shared/contract/audit-channels';
import { purgeReasons, type PurgeReason } from '../../shared/retention/retention-rules';
import type { BridgeError } from '../../shared/errors';
import { Dialog } from '../app/Dialog';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { ErrorAlert } from '../errors/ErrorAlert';

const fold = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * The last step before a client's records are gone for good: what goes, what stays, a reason,
 * a note without health details, and the client's name typed out. The purge button stays off
 * until the name matches; the main side checks it again.
 */
export function PurgeDialog({ client, onClose, onPurged }: { client: RetentionReportRow | null; onClose: () => void; onPurged: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<PurgeReason>('retention-period-ended');
  const [note, setNote] = useState('');
  const [typed, setTyped] = useState('');
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [purging, setPurging] = useState(false);
  const [filesWarning, setFilesWarning] = useState(false);

  const close = () => {
    setReason('retention-period-ended');
    setNote('');
    setTyped('');
    setFailure(null);
    onClose();
  };
  const matches = client !== null && fold(typed) === fold(client.name);
  const noteOk = note.trim().length >= 5;

  const purge = async () => {
    if (!client || !matches || !noteOk) return;
    setFailure(null);
    setPurging(true);
    try {
      const result = await call('retention.purge', { clientId: client.clientId, reason, note: note.trim(), confirmation: typed });
      notifySuccess(t('auditTrail.retention.dialog.doneTitle'), t('auditTrail.retention.dialog.doneMessage'));
      setFilesWarning(!result.filesErased);
      close();
      onPurged();
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setPurging(false);
    }
  };

  return (
    <>
      {filesWarning ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} withCloseButton onClose={() => setFilesWarning(false)} closeButtonLabel={t('common.closeDialog')}>
          {t('auditTrail.retention.dialog.filesNotErased')}
        </Alert>
      ) : null}
      <Dialog opened={client !== null} onClose={close} title={t('auditTrail.retention.dialog.title')} size="xl">
        {client ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void purge();
            }}
          >
            <Stack gap="md">
              <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('auditTrail.retention.dialog.warning')}>
                <Text size="sm">
                  {t('auditTrail.retention.dialog.what', { name: client.name })} {t('auditTrail.retention.dialog.backups')}
                </Text>
              </Alert>
              <Radio.Group label={t('auditTrail.retention.dialog.reason')} value={reason} onChange={(value) => setReason(value as PurgeReason)}>
                <Stack gap={4} mt={4}>
                  {purgeReasons.map((option) => (
                    <Radio key={option} value={option} label={t(`auditTrail.retention.dialog.reasons.${option}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Textarea
                label={t('auditTrail.retention.dialog.note')}
                description={t('auditTrail.retention.dialog.noteHint')}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
                maxLength={500}
                autosize
                minRows={1}
                required
              />
              <TextInput
                label={t('auditTrail.retention.dialog.confirm')}
                description={t('auditTrail.retention.dialog.confirmHint', { name: client.name })}
                value={typed}
                onChange={(event) => setTyped(event.currentTarget.value)}
                autoComplete="off"
                spellCheck={false}
                required
              />
              <ErrorAlert error={failure} />
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" color="red.9" leftSection={<IconTrash size={18} aria-hidden />} disabled={!matches || !noteOk} loading={purging}>
                  {t('auditTrail.retention.dialog.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Dialog>
    </>
  );
}
