import { Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentSummary, WithdrawablePart } from '../../../shared/contract/consent-channels';
import type { BridgeError } from '../../../shared/errors';
import { Dialog } from '../../app/Dialog';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';

const photoParts = ['clinicalRecord', 'teaching', 'marketingFaceVisible', 'marketingFaceHidden'] as const;

/**
 * A withdrawal: the whole consent, or one photography use the client had allowed. Recorded as a
 * new dated entry (the signed consent itself never changes), with an optional note.
 */
export function WithdrawDialog({ consent, opened, onClose, onWithdrawn }: { consent: ConsentSummary; opened: boolean; onClose: () => void; onWithdrawn: () => void }) {
  const { t } = useTranslation();
  const [parts, setParts] = useState<WithdrawablePart[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);
  const withdrawn = new Set(consent.withdrawals.flatMap((withdrawal) => withdrawal.parts));
  const offered: WithdrawablePart[] = ['consent', ...photoParts.filter((part) => consent.photography?.[part] && !withdrawn.has(part))];

  const toggle = (part: WithdrawablePart, on: boolean) => setParts((current) => (on ? [...current, part] : current.filter((p) => p !== part)));
  const submit = async () => {
    if (parts.length === 0) {
      setError(t('consents.withdraw.choose'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await call('consents.withdraw', { consentId: consent.id, parts, note: note.trim() });
      notifySuccess(t('consents.withdraw.doneTitle'), t('consents.withdraw.done'));
      setParts([]);
      setNote('');
      onWithdrawn();
    } catch (failed) {
      setFailure(asBridgeError(failed));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog opened={opened} onClose={onClose} title={t('consents.withdraw.title')} size="lg">
      <Stack gap="md">
        <Text>{t('consents.withdraw.intro', { title: consent.title })}</Text>
        <Stack gap="xs" role="group" aria-label={t('consents.withdraw.what')}>
          <Text fw={600} size="sm">
            {t('consents.withdraw.what')}
          </Text>
          {offered.map((part) => (
            <Checkbox
              key={part}
              label={t(`consents.withdraw.parts.${part}`)}
              checked={parts.includes(part)}
              onChange={(event) => {
                toggle(part, event.currentTarget.checked);
                setError(null);
              }}
            />
          ))}
          {error ? (
            <Text size="sm" c="red.8" role="alert">
              {error}
            </Text>
          ) : null}
        </Stack>
        <Textarea
          label={t('consents.withdraw.note')}
          description={t('consents.withdraw.noteHint')}
          value={note}
          maxLength={500}
          autosize
          minRows={2}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void submit()} loading={busy}>
            {t('consents.withdraw.confirm')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
