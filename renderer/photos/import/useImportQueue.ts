import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoLabelsInput } from '../../../shared/photos/photo';
import type { PhotoConsentOverride } from '../../../shared/photos/photo-consent';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { errorText } from '../../bridge/error-text';
import { importBatches, largestFileBytes } from './import-batches';
import type { ImportRow } from './import-row';

/** How often the window asks how far a running import has got. */
const progressEveryMs = 400;

/**
 * Reads picked files into memory (never to disk) and sends them to photos.import in batches the
 * bridge accepts, asking for progress while each batch runs. Each file ends as stored or refused
 * with the main side's own sentence, so the list can say exactly what went wrong with which file.
 */
export function useImportQueue(clientId: string) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [running, setRunning] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const update = useCallback((index: number, row: ImportRow) => {
    if (mounted.current) setRows((old) => old.map((existing, i) => (i === index ? row : existing)));
  }, []);

  const run = useCallback(
    async (files: readonly File[], labels: PhotoLabelsInput, extra?: { takenAt?: string; source?: 'file' | 'camera'; override?: PhotoConsentOverride }) => {
      if (files.length === 0) return [] as ImportRow[];
      setRunning(true);
      const start: ImportRow[] = files.map((file) => ({ name: file.name, size: file.size, status: 'waiting' }));
      setRows(start);
      const final: ImportRow[] = [...start];
      const settle = (index: number, row: ImportRow) => {
        final[index] = row;
        update(index, row);
      };
      for (const [index, file] of files.entries()) {
        if (file.size > largestFileBytes) settle(index, { name: file.name, size: file.size, status: 'refused', reason: 'too-large-to-send', message: t('photos.import.tooLargeToSend') });
      }
      const sendable = files.map((_, index) => index).filter((index) => final[index]!.status === 'waiting');
      const batches = importBatches(sendable.map((index) => files[index]!.size)).map((batch) => batch.map((position) => sendable[position]!));

      for (const batch of batches) {
        const sent: { index: number; bytes: Uint8Array<ArrayBuffer> }[] = [];
        for (const index of batch) {
          const file = files[index]!;
          settle(index, { name: file.name, size: file.size, status: 'reading' });
          try {
            sent.push({ index, bytes: new Uint8Array(await file.arrayBuffer()) });
            settle(index, { name: file.name, size: file.size, status: 'checking' });
          } catch {
            settle(index, { name: file.name, size: file.size, status: 'refused', reason: 'unreadable', message: t('photos.import.unreadable') });
          }
        }
        if (sent.length === 0) continue;
        const jobId = crypto.randomUUID();
        const poll = window.setInterval(() => {
          call('photos.importProgress', { jobId })
            .then((progress) => {
              if (!progress) return;
              // Files finish in order: the first `done` of this batch have been checked.
              sent.slice(0, progress.done).forEach(({ index }) => {
                const row = final[index]!;
                if (row.status === 'checking') settle(index, { name: row.name, size: row.size, status: 'checked' });
              });
            })
            .catch(() => undefined);
        }, progressEveryMs);
        try {
          const results = await call('photos.import', {
            clientId,
            jobId,
            labels,
            ...(extra?.override ? { override: extra.override } : {}),
            files: sent.map(({ index, bytes }) => ({ fileName: files[index]!.name, bytes, source: extra?.source ?? 'file', ...(extra?.takenAt ? { takenAt: extra.takenAt } : {}) })),
          });
          for (const result of results) {
            const sentFile = sent[result.index];
            if (!sentFile) continue;
            const file = files[sentFile.index]!;
            settle(
              sentFile.index,
              result.outcome === 'imported'
                ? { name: file.name, size: file.size, status: 'imported', photo: result.photo }
                : { name: file.name, size: file.size, status: 'refused', reason: result.reason, message: result.message },
            );
          }
        } catch (error) {
          const message = errorText(t, asBridgeError(error));
          for (const { index } of sent) settle(index, { name: files[index]!.name, size: files[index]!.size, status: 'refused', reason: 'failed', message });
        } finally {
          window.clearInterval(poll);
        }
      }
      if (mounted.current) setRunning(false);
      return final;
    },
    [clientId, t, update],
  );

  return { rows, running, run, clear: () => setRows([]) };
}
