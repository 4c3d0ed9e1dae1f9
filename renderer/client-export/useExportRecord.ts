import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../shared/errors';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';

/**
 * "Export record" (right of access): the main side asks where, in the save dialog, and writes
 * the same export as the CLI. The outcome is said in a notification (no client data in it); a
 * failure is kept for the page to show where the button is.
 */
export function useExportRecord(clientId: string) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const run = async () => {
    setBusy(true);
    setFailure(null);
    const id = notifications.show({ loading: true, title: t('clientExport.working'), message: '', autoClose: false, withCloseButton: false });
    try {
      const result = await call('clients.exportRecord', { clientId });
      notifications.hide(id);
      if (result.outcome === 'saved') notifySuccess(t('clientExport.savedTitle'), t('clientExport.savedMessage', { files: result.files, folderName: result.folderName }));
    } catch (error) {
      notifications.hide(id);
      setFailure(asBridgeError(error));
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, failure };
}
