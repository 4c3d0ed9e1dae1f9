import { randomUUID } from 'node:crypto';
import type { PhotoImportRequestInput } from '../../shared/contract/photo-channels';
import { PhotoImportRequest } from '../../shared/contract/photo-channels';
import type { PhotographyChoices, PhotographyChoicesLookup } from '../../shared/consents/photography';
import type { PhotoImportFileResult, PhotoImportProgress } from '../../shared/photos/import-result';
import { bytesPerMb, maxInputPixels, previewLongEdge, thumbnailLongEdge } from '../../shared/photos/limits';
import type { PhotoLabels } from '../../shared/photos/photo';
import { photoIntake, photoIntakeMessages, type PhotoConsentOverride } from '../../shared/photos/photo-consent';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import { ImportProgressBoard } from './import-progress';
import type { PhotoErasure } from './photo-erasure';
import type { PhotoFileStore } from './photo-file-store';
import { refusalMessage } from './photo-messages';
import { PhotoWorkerFailure, type PhotoProcessor } from './photo-processor';
import type { PhotoRecords } from './photo-records';
import type { PhotoSettingsStore } from './photo-settings-store';
import { wallClockToIso, withLocalOffset } from './taken-at';

/** What the import needs of the rest of the photos feature. */
export interface PhotoImportParts {
  db: SqliteDatabase;
  audit: AuditLog;
  clock: Clock;
  files: PhotoFileStore;
  processor: PhotoProcessor;
  /** The client's photography choices in force now, from the consents feature. */
  choicesFor: PhotographyChoicesLookup;
  records: PhotoRecords;
  settings: PhotoSettingsStore;
  erasure: PhotoErasure;
}

/**
 * Bringing photos in: each file through the worker (decoded, oriented, stripped, resized), then
 * stored as three encrypted files and one row, or refused with its reason. The consent gate and
 * the clinic's size limit apply before anything is written.
 */
export class PhotoImport {
  private readonly progress = new ImportProgressBoard();
  constructor(private readonly parts: PhotoImportParts) {}

  /**
   * Each file in turn through the worker: stored (three encrypted files, one row, one audit
   * row) or refused with its reason. A refused file leaves nothing behind; the others go in.
   */
  async import(by: string, input: PhotoImportRequestInput, onProgress?: (done: number, total: number) => void): Promise<PhotoImportFileResult[]> {
    const { records } = this.parts;
    const request = PhotoImportRequest.parse(input);
    records.assertClient(request.clientId);
    for (const file of request.files) records.assertSession(request.clientId, (file.labels ?? request.labels).sessionId);
    const override = this.assertPhotoConsent(by, request.clientId, request.override ?? null);
    const { maxFileSizeMb } = this.parts.settings.get();
    const jobId = request.jobId;
    if (jobId) this.progress.start(jobId, request.files.length);
    const results: PhotoImportFileResult[] = [];
    try {
      for (const [index, file] of request.files.entries()) {
        const labels = file.labels ?? request.labels;
        results.push(await this.importOne(by, request.clientId, index, file, labels, maxFileSizeMb, override));
        if (jobId) this.progress.advance(jobId, index + 1);
        onProgress?.(index + 1, request.files.length);
      }
    } finally {
      if (jobId) this.progress.finish(jobId);
    }
    return results;
  }

  importProgress(jobId: string): PhotoImportProgress | null {
    return this.progress.get(jobId);
  }

  /**
   * No photo comes into a record without a photography consent in force that covers the
   * clinical record, unless an admin overrides with a reason; the override's reason goes on each
   * photo it lets in. A refusal is an error, and like every error it writes nothing (the screen
   * has said so before anything was sent).
   */
  private assertPhotoConsent(by: string, clientId: string, override: PhotoConsentOverride | null): PhotoConsentOverride | null {
    const role = this.parts.db.prepare('SELECT role FROM staff WHERE id = ?').pluck().get(by) as string | undefined;
    const intake = photoIntake(this.parts.choicesFor(clientId), override, role === 'admin');
    if (intake.allowed) return intake.overridden ? override : null;
    throw new StoreError(intake.reason === 'override-admins-only' ? 'FORBIDDEN' : 'NEEDS_OVERRIDE', photoIntakeMessages[intake.reason]);
  }

  private async importOne(
    by: string,
    clientId: string,
    index: number,
    file: { fileName: string; bytes: Uint8Array; takenAt?: string | undefined; source: 'file' | 'camera' },
    labels: PhotoLabels,
    maxFileSizeMb: number,
    override: PhotoConsentOverride | null,
  ): Promise<PhotoImportFileResult> {
    const { db, audit, clock, files, processor } = this.parts;
    const refused = (reason: Parameters<typeof refusalMessage>[0], format: string | null, duplicateOf: string | null = null): PhotoImportFileResult => ({
      outcome: 'refused',
      index,
      fileName: file.fileName,
      reason,
      message: refusalMessage(reason, { maxFileSizeMb, format }),
      duplicateOf,
    });
    if (file.bytes.length > maxFileSizeMb * bytesPerMb) return refused('too-large', null);
    let processed;
    try {
      processed = await processor.process({ bytes: file.bytes, maxPixels: maxInputPixels, previewLongEdge, thumbnailLongEdge });
    } catch (error) {
      // The process is gone with this file in it; the rest of the batch goes on in a new one.
      if (error instanceof PhotoWorkerFailure) return refused('could-not-process', null);
      throw error;
    }
    if (!processed.ok) return refused(processed.reason, processed.format);
    const duplicate = db.prepare('SELECT id FROM photo WHERE client_id = ? AND source_sha256 = ?').get(clientId, processed.sourceSha256) as { id: string } | undefined;
    if (duplicate) return refused('duplicate', null, duplicate.id);

    const id = randomUUID();
    const now = clock.now().toISOString();
    const exifTaken = processed.exifTakenAt ? wallClockToIso(processed.exifTakenAt) : null;
    const [takenAt, takenAtSource] = file.takenAt ? [file.takenAt, file.source === 'camera' ? 'camera' : 'entered'] : exifTaken ? [exifTaken, 'exif'] : [withLocalOffset(clock.now()), 'imported'];
    const choices: PhotographyChoices | null = this.parts.choicesFor(clientId);
    // The files are written before their row, so they are queued for removal first, in a commit
    // of their own: a process that dies before the row's commit leaves no file without a record
    // (the next open removes them). The row's transaction takes them off the queue.
    this.queueFileRemoval(id);
    try {
      files.write(id, 'original', processed.original);
      files.write(id, 'preview', processed.preview);
      files.write(id, 'thumb', processed.thumbnail);
      db.transaction(() => {
        db.prepare('DELETE FROM photo_file_removal WHERE photo_id = ?').run(id);
        db.prepare(
          `INSERT INTO photo (id, client_id, session_id, view, area, stage, taken_at, taken_at_source, note, width, height, format,
              sha256, source_sha256, preview_sha256, thumbnail_sha256, choices_when_taken, imported_at, imported_by, updated_at,
              consent_override_reason, consent_override_by)
             VALUES (@id, @client_id, @session_id, @view, @area, @stage, @taken_at, @taken_at_source, @note, @width, @height, @format,
              @sha256, @source_sha256, @preview_sha256, @thumbnail_sha256, @choices, @now, @by, @now, @override_reason, @override_by)`,
        ).run({
          id,
          client_id: clientId,
          session_id: labels.sessionId,
          view: labels.view,
          area: labels.area,
          stage: labels.stage,
          taken_at: takenAt,
          taken_at_source: takenAtSource,
          note: labels.note,
          width: processed.width,
          height: processed.height,
          format: processed.format,
          sha256: processed.sha256,
          source_sha256: processed.sourceSha256,
          preview_sha256: processed.previewSha256,
          thumbnail_sha256: processed.thumbnailSha256,
          choices: choices ? JSON.stringify(choices) : null,
          now,
          by,
          override_reason: override ? override.reason : null,
          override_by: override ? by : null,
        });
        // The override's reason stays on the photo; the trail notes that one was used, and its length.
        const overridden = override ? ` consent-override=yes reason-chars=${override.reason.length}` : '';
        audit.append({ staffId: by, action: 'photo.import', entity: 'photo', entityId: id, detail: `client=${clientId} source=${file.source}${overridden}` });
      })();
    } catch (error) {
      // The row and its files go in together or not at all.
      files.remove(id);
      this.parts.erasure.finishFileRemovals();
      throw error;
    }
    return { outcome: 'imported', index, fileName: file.fileName, photo: this.parts.records.get(id) };
  }

  /** Before an import writes its files (see importOne). */
  private queueFileRemoval(id: string): void {
    this.parts.db.prepare('INSERT OR IGNORE INTO photo_file_removal (photo_id, queued_at) VALUES (?, ?)').run(id, this.parts.clock.now().toISOString());
  }
}
