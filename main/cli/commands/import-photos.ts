import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { contract } from '../../../shared/contract';
import { treatmentAreas } from '../../../shared/clinical/areas';
import type { PhotoImportFileResult } from '../../../shared/photos/import-result';
import { bytesPerMb, maxBytesPerImport, maxFilesPerImport } from '../../../shared/photos/limits';
import { PhotoLabels, photoStages, photoViews } from '../../../shared/photos/photo';
import { refusalMessage } from '../../photos/photo-messages';
import { CliFailure, requiredFlag, UsageError, type CliCommand } from '../command';
import { signIn } from '../sign-in';
import { dataFlag, userFlag } from './flags';

interface FileToImport {
  path: string;
  name: string;
  size: number;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T | null): T | null {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag} must be one of: ${allowed.join(', ')}.`);
  return value as T;
}

/**
 * Bulk import for a clinic moving from a folder of photos: the same worker, checks and
 * messages as the import screen, a line per file, the good ones stored even when others are
 * refused (then exit 1, so a script notices).
 */
export const importPhotosCommand: CliCommand = {
  words: ['import-photos'],
  summary: 'Import photos for one client, with the same checks as the app (a result line per file; exit 1 if any was refused). Clinicians.',
  flags: [
    dataFlag,
    userFlag,
    { name: 'client', placeholder: 'ID', summary: 'The client\u2019s id (see "clients list").', required: true },
    { name: 'view', placeholder: 'V', summary: `The view: ${photoViews.join(', ')} (default front).`, required: false },
    { name: 'stage', placeholder: 'S', summary: `The stage: ${photoStages.join(', ')} (default before).`, required: false },
    { name: 'area', placeholder: 'A', summary: 'For --view close-up: the treated area shown (e.g. cheek-left).', required: false },
    {
      name: 'without-consent',
      placeholder: 'REASON',
      summary: 'Admins: import although no photography consent covers the clinical record (e.g. a clinic\u2019s older photos); the reason is kept on each photo.',
      required: false,
    },
  ],
  operands: { placeholder: 'FILE', summary: 'The photo files (JPEG, PNG or HEIC).' },
  async run(context) {
    const labels = PhotoLabels.safeParse({
      view: oneOf(context.flags.view, photoViews, 'view', 'front'),
      stage: oneOf(context.flags.stage, photoStages, 'stage', 'before'),
      area: oneOf(context.flags.area, treatmentAreas, 'area', null),
    });
    if (!labels.success) throw new UsageError(labels.error.issues[0]?.message ?? 'Check --view and --area.');
    const session = await signIn(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: contract['photos.import'].access,
      command: 'import-photos',
    });
    try {
      const { services, staff } = session;
      const clientId = requiredFlag(context, 'client');
      services.clients.get(clientId);
      const { maxFileSizeMb } = services.photos.settings();
      let refused = 0;
      let stored = 0;
      const report = (file: FileToImport, result: Pick<PhotoImportFileResult, 'outcome'> & { message?: string; photo?: { id: string; takenAt: string } }) => {
        if (result.outcome === 'imported' && result.photo) {
          stored++;
          context.io.out(`imported ${file.path} photo=${result.photo.id} taken=${result.photo.takenAt}`);
        } else {
          refused++;
          context.io.out(`refused  ${file.path} ${result.message ?? ''}`);
        }
      };

      const files: FileToImport[] = [];
      for (const path of context.operands) {
        let size: number;
        try {
          const stats = statSync(path);
          if (!stats.isFile()) throw new Error('not a file');
          size = stats.size;
        } catch {
          report({ path, name: basename(path), size: 0 }, { outcome: 'refused', message: 'No such file (or it is a folder).' });
          continue;
        }
        // Checked before reading, so a 4 GB video is never loaded to be refused.
        if (size > maxFileSizeMb * bytesPerMb) {
          report({ path, name: basename(path), size }, { outcome: 'refused', message: refusalMessage('too-large', { maxFileSizeMb, format: null }) });
          continue;
        }
        files.push({ path, name: basename(path), size });
      }

      const total = context.operands.length;
      let done = total - files.length;
      for (const batch of batches(files)) {
        const reason = context.flags['without-consent'];
        const results = await services.photos.import(staff.id, {
          clientId,
          labels: labels.data,
          ...(reason ? { override: { reason } } : {}),
          files: batch.map((file) => ({ fileName: file.name, bytes: readFileSync(file.path) })),
        });
        for (const result of results) {
          const file = batch[result.index]!;
          report(file, result.outcome === 'imported' ? { outcome: 'imported', photo: result.photo } : { outcome: 'refused', message: result.message });
          context.io.progress('Importing photos', ++done, total);
        }
      }
      if (refused > 0) throw new CliFailure(`${refused} of ${total} file${total === 1 ? ' was' : 's were'} refused; ${stored} stored.`);
      context.io.err(`${stored} photo${stored === 1 ? '' : 's'} stored.`);
    } finally {
      await session.services.photos.close();
      session.close();
    }
  },
};

/** Groups of files within the bridge's per-call limits, so the CLI and the window import alike. */
function* batches(files: readonly FileToImport[]): Generator<FileToImport[]> {
  let batch: FileToImport[] = [];
  let bytes = 0;
  for (const file of files) {
    if (batch.length > 0 && (batch.length >= maxFilesPerImport || bytes + file.size > maxBytesPerImport)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(file);
    bytes += file.size;
  }
  if (batch.length > 0) yield batch;
}
