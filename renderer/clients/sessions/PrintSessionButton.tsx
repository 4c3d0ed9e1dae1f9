import { Button, Stack } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../../shared/errors';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';

/** The session on paper, as the record holds it: consent relied on and every exception included. */
export function PrintSessionButton({ sessionId, when }: { sessionId: string; when: string }) {
  const { t } = useTranslation();
  const [printing, setPrinting] = useState(false);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const print = async () => {
    setPrinting(true);
    setFailure(null);
    try {
      const { printed } = await call('sessions.print', { id: sessionId });
      if (printed) notifySuccess(t('sessionBasis.print.printedTitle'), t('sessionBasis.print.printedMessage'));
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setPrinting(false);
    }
  };
  return (
    <Stack gap="xs">
      <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} loading={printing} onClick={() => void print()} aria-label={t('sessionBasis.print.label', { when })}>
        {t('sessionBasis.print.button')}
      </Button>
      <ErrorAlert error={failure} />
    </Stack>
  );
}
