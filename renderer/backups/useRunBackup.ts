import { useCallback, useState } from 'react';
import type { BackupProgress, BackupRunResult } from '../../shared/contract/backup-channels';
import type { BridgeError } from '../../shared/errors';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { i18n } from '../i18n';
import { usePolling } from './usePolling';

export interface RunBackup {
  running: boolean;
  progress: BackupProgress | null;
  failure: BridgeError | null;
  /** The last backup this button made, shown beside it. */
  result: BackupRunResult | null;
  run: () => Promise<BackupRunResult | null>;
}

/** "Back up now": the call runs to the end in main; its progress is read from backup.status meanwhile. */
export function useRunBackup(onFinished?: () => void): RunBackup {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [result, setResult] = useState<BackupRunResult | null>(null);

  const ask = useCallback(async () => {
    const status = await call('backup.status', {});
    setProgress(status.running);
  }, []);
  usePolling(running, ask);

  const run = useCallback(async () => {
    setFailure(null);
    setResult(null);
    setProgress(null);
    setRunning(true);
    try {
      const made = await call('backup.runNow', {});
      setResult(made);
      notifySuccess(i18n.t('backups.done.title'), i18n.t('backups.done.message', { file: made.file, clients: i18n.t('backups.clientCount', { count: made.counts.clients }) }));
      return made;
    } catch (error) {
      setFailure(asBridgeError(error));
      return null;
    } finally {
      setRunning(false);
      setProgress(null);
      onFinished?.();
    }
  }, [onFinished]);

  return { running, progress, failure, result, run };
}
