import { Button, Group, Stack } from '@mantine/core';
import { IconFileDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../shared/errors';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { ErrorAlert } from '../errors/ErrorAlert';

export interface CopyButtonsProps {
  print: () => Promise<{ printed: boolean }>;
  save: () => Promise<{ saved: boolean }>;
  /** Accessible names that say which record: "Print session of 04/03/2026 10:00". */
  printLabel: string;
  saveLabel: string;
  printedMessage: string;
  savedMessage: string;
}

/** Print and Save as PDF for one record: main renders the PDF, the desktop's dialogs decide where it goes. */
export function CopyButtons(props: CopyButtonsProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'print' | 'save' | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const run = async (which: 'print' | 'save') => {
    setBusy(which);
    setFailure(null);
    try {
      if (which === 'print') {
        if ((await props.print()).printed) notifySuccess(t('copies.printedTitle'), props.printedMessage);
      } else if ((await props.save()).saved) notifySuccess(t('copies.savedTitle'), props.savedMessage);
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconPrinter size={16} aria-hidden />}
          loading={busy === 'print'}
          disabled={busy === 'save'}
          onClick={() => void run('print')}
          aria-label={props.printLabel}
        >
          {t('copies.print')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconFileDownload size={16} aria-hidden />}
          loading={busy === 'save'}
          disabled={busy === 'print'}
          onClick={() => void run('save')}
          aria-label={props.saveLabel}
        >
          {t('copies.savePdf')}
        </Button>
      </Group>
      <ErrorAlert error={failure} />
    </Stack>
  );
}
