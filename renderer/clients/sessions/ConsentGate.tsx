import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconShieldExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { overrideReasonMax } from '../../../shared/clinical/session';
import type { KindStatus } from '../../../shared/contract/consent-channels';
import { Dialog } from '../../app/Dialog';
import { LengthHint } from '../../forms/LengthHint';
import { ConsentNeededNotice } from '../../consents/needed/ConsentNeeded';

const minimumReason = 5;

/**
 * No valid treatment consent on the session's date: sign it now, or record an override with a
 * reason. The override is kept on the screen until the session is saved; main stores and audits it.
 */
export function ConsentGate({ clientId, status, reason, onReason }: { clientId: string; status: KindStatus | null; reason: string | null; onReason: (reason: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (reason !== null) {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconShieldExclamation aria-hidden />}
        title={t('sessionBasis.consentGate.inForceTitle')}
        role="region"
        aria-label={t('sessionBasis.consentGate.inForceTitle')}
      >
        <Group justify="space-between" align="center" gap="sm" wrap="nowrap">
          <Text size="sm">{t('sessionBasis.consentGate.inForce', { reason })}</Text>
          <Button variant="default" size="compact-md" style={{ flexShrink: 0 }} onClick={() => setOpen(true)}>
            {t('sessionBasis.consentGate.changeReason')}
          </Button>
        </Group>
        <OverrideDialog opened={open} initial={reason} onClose={() => setOpen(false)} onConfirm={(next) => (onReason(next), setOpen(false))} />
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('sessionBasis.consentGate.title')} role="alert">
        <Stack gap="sm">
          <Text size="sm">{t('sessionBasis.consentGate.text')}</Text>
          <Group>
            <Button variant="default" color="red" onClick={() => setOpen(true)}>
              {t('sessionBasis.consentGate.override')}
            </Button>
          </Group>
        </Stack>
      </Alert>
      <ConsentNeededNotice clientId={clientId} status={status} forNewSession />
      <OverrideDialog opened={open} initial="" onClose={() => setOpen(false)} onConfirm={(next) => (onReason(next), setOpen(false))} />
    </Stack>
  );
}

function OverrideDialog({ opened, initial, onClose, onConfirm }: { opened: boolean; initial: string; onClose: () => void; onConfirm: (reason: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const confirm = () => {
    if (text.trim().length < minimumReason) setError(t('sessionBasis.consentGate.reasonTooShort'));
    // Too long: the counter at the field already says so and by how much.
    else if (text.trim().length <= overrideReasonMax) onConfirm(text.trim());
  };
  return (
    <Dialog opened={opened} onClose={onClose} title={t('sessionBasis.consentGate.dialogTitle')}>
      <Stack gap="md">
        <Text size="sm">{t('sessionBasis.consentGate.dialogIntro')}</Text>
        <Textarea
          label={t('sessionBasis.consentGate.reason')}
          description={
            <>
              {t('sessionBasis.consentGate.reasonHint')} <LengthHint length={text.length} max={overrideReasonMax} />
            </>
          }
          withAsterisk
          autosize
          minRows={3}
          maxRows={8}
          value={text}
          error={error}
          data-autofocus
          onChange={(event) => (setText(event.currentTarget.value), setError(null))}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.8" onClick={confirm}>
            {t('sessionBasis.consentGate.confirm')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
