import { Button, Group } from '@mantine/core';
import { IconDeviceFloppy, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../../shared/errors';
import { notifySuccess } from '../../app/notify';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';

/**
 * Print (the exact stored PDF, to the system's print dialog) and Save as PDF… (through a save
 * dialog the user chooses). The window never holds a file path and never writes anything itself.
 */
export function ConsentFileActions({ consentId, withAftercare, size = 'md' }: { consentId: string; withAftercare: boolean; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'print' | 'save' | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);

  const print = async () => {
    setBusy('print');
    setFailure(null);
    try {
      const { printed } = await call('consents.print', { consentId, withAftercare });
      if (printed) notifySuccess(t('consents.files.printedTitle'), withAftercare ? t('consents.files.printedWithAftercareMessage') : t('consents.files.printedMessage'));
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(null);
    }
  };
  const save = async () => {
    setBusy('save');
    setFailure(null);
    try {
      const { saved } = await call('consents.savePdf', { consentId });
      if (saved) notifySuccess(t('consents.files.savedTitle'), t('consents.files.savedMessage'));
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Group gap="sm">
        <Button size={size} leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => void print()} loading={busy === 'print'} disabled={busy !== null && busy !== 'print'}>
          {withAftercare ? t('consents.files.printWithAftercare') : t('consents.files.print')}
        </Button>
        <Button
          size={size}
          variant="default"
          leftSection={<IconDeviceFloppy size={18} aria-hidden />}
          onClick={() => void save()}
          loading={busy === 'save'}
          disabled={busy !== null && busy !== 'save'}
        >
          {t('consents.files.save')}
        </Button>
      </Group>
      <ErrorAlert error={failure} />
    </>
  );
}
