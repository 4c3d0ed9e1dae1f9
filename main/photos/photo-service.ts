import { randomUUID } from 'node:crypto';
import type { PhotoImageBytes, PhotoImportRequestInput } from '../../shared/contract/photo-channels';
import { PhotoImportRequest } from '../../shared/contract/photo-channels';
import type { PhotographyChoices, PhotographyChoicesLookup } from '../../shared/consents/photography';
import type { LandmarkPair, PhotoAlignment } from '../../shared/photos/alignment';
import type { PhotoImportFileResult, PhotoImportProgress } from '../../shared/photos/import-result';
import { bytesPerMb, maxInputPixels, previewLongEdge, thumbnailLongEdge } from '../../shared/photos/limits';
import { PhotoLabels, type Photo, type PhotoStage, type PhotoView } from '../../shared/photos/photo';
import { photoIntake, photoIntakeMessages, type PhotoConsentOverride } from '../../shared/photos/photo-consent';
import { PhotoSettings, photoSettingsDefaults } from '../../shared/photos/photo-settings';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { sha256Hex } from '../crypto/sha256';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import { ImportProgressBoard } from './import-progress';
import { PhotoAlignments } from './photo-alignments';
import { PhotoErasure } from './photo-erasure';
import { checkPhotoFiles, type PhotoFileCheck } from './photo-file-check';
import { jpegSize } from './jpeg-size';
import type { PhotoFileStore } from './photo-file-store';
import { refusalMessage } from './photo-messages';
import { PhotoWorkerFailure, type PhotoProcessor } from './photo-processor';
import { photoSelect, toPhoto, type PhotoRow } from './photo-rows';
import { wallClockToIso, withLocalOffset } from './taken-at';


export type { PhotoFileCheck } from './photo-file-check';

const photoNotFound = () => new StoreError('NOT_FOUND', 'That photo does not exist (it may have been deleted).');

/**
 * Before/after photos: import (in the worker), the gallery, labels, alignment, delete and the
 * checks `verify` runs. Every read of a client's photos and every change is audited with ids
 * only: never a note, a file name or anything about the skin.
 */
export class PhotoService {
  private readonly progress = new ImportProgressBoard();
  private readonly alignments: PhotoAlignments;
  private readonly erasure: PhotoErasure;
  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly files: PhotoFileStore,
    private readonly processor: PhotoProcessor,
    /** The client's photography choices in force now, from the consents feature. */
    readonly choicesFor: PhotographyChoicesLookup,
  ) {
    this.alignments = new PhotoAlignments(db, audit, clock);
    this.erasure = new PhotoErasure(db, audit, clock, files);
  }

  settings(): PhotoSettings {
    const row = this.db.prepare(`SELECT value FROM setting WHERE key = 'photos'`).get() as { value: string } | undefined;
    if (!row) return photoSettingsDefaults;
    const parsed = PhotoSettings.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : photoSettingsDefaults;
  }

  updateSettings(by: string, input: PhotoSettings): PhotoSettings {
    const settings = PhotoSettings.parse(input);
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT INTO setting (key, value) VALUES ('photos', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
        .run(JSON.stringify(settings));
      this.audit.append({ staffId: by, action: 'photo.settings.update', entity: 'setting', entityId: 'photos', detail: `maxFileSizeMb=${settings.maxFileSizeMb}` });
    })();
    return settings;
  }

  /**
   * Each file in turn through the worker: stored (three encrypted files, one row, one audit
   * row) or refused with its reason. A refused file leaves nothing behind; the others go in.
   */
  async import(by: string, input: PhotoImportRequestInput, onProgress?: (done: number, total: number) => void): Promise<PhotoImportFileResult[]> {
    const request = PhotoImportRequest.parse(input);
    this.assertClient(request.clientId);
    for (const file of request.files) this.assertSession(request.clientId, (file.labels ?? request.labels).sessionId);
    const override = this.assertPhotoConsent(by, request.clientId, request.override ?? null);
    const { maxFileSizeMb } = this.settings();
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

  /**
   * No photo comes into a record without a photography consent in force that covers the
   * clinical record, unless an admin overrides with a reason; the override's reason goes on each
   * photo it lets in. A refusal is an error, and like every error it writes nothing (the screen
   * has said so before anything was sent).
   */
  private assertPhotoConsent(by: string, clientId: string, override: PhotoConsentOverride | null): PhotoConsentOverride | null {
    const role = this.db.prepare('SELECT role FROM staff WHERE id = ?').pluck().get(by) as string | undefined;
    const intake = photoIntake(this.choicesFor(clientId), override, role === 'admin');
    if (intake.allowed) return intake.overridden ? override : null;
    throw new StoreError(intake.reason === 'override-admins-only' ? 'FORBIDDEN' : 'NEEDS_OVERRIDE', photoIntakeMessages[intake.reason]);
  }

  importProgress(jobId: string): PhotoImportProgress | null {
    return this.progress.get(jobId);
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
      processed = await this.processor.process({ bytes: file.bytes, maxPixels: maxInputPixels, previewLongEdge, thumbnailLongEdge });
    } catch (error) {
      // The process is gone with this file in it; the rest of the batch goes on in a new one.
      if (error instanceof PhotoWorkerFailure) return refused('could-not-process', null);
      throw error;
    }
    if (!processed.ok) return refused(processed.reason, processed.format);
    const duplicate = this.db
      .prepare('SELECT id FROM photo WHERE client_id = ? AND source_sha256 = ?')
      .get(clientId, processed.sourceSha256) as { id: string } | undefined;
    if (duplicate) return refused('duplicate', null, duplicate.id);

    const id = randomUUID();
    const now = this.clock.now().toISOString();
    const exifTaken = processed.exifTakenAt ? wallClockToIso(processed.exifTakenAt) : null;
    const [takenAt, takenAtSource] = file.takenAt
      ? [file.takenAt, file.source === 'camera' ? 'camera' : 'entered']
      : exifTaken
        ? [exifTaken, 'exif']
        : [withLocalOffset(this.clock.now()), 'imported'];
    const choices: PhotographyChoices | null = this.choicesFor(clientId);
    // The files are written before their row, so they are queued for removal first, in a commit
    // of their own: a process that dies before the row's commit leaves no file without a record
    // (the next open removes them). The row's transaction takes them off the queue.
    this.queueFileRemoval(id);
    try {
      this.files.write(id, 'original', processed.original);
      this.files.write(id, 'preview', processed.preview);
      this.files.write(id, 'thumb', processed.thumbnail);
      this.db.transaction(() => {
        this.db.prepare('DELETE FROM photo_file_removal WHERE photo_id = ?').run(id);
        this.db
          .prepare(
            `INSERT INTO photo (id, client_id, session_id, view, area, stage, taken_at, taken_at_source, note, width, height, format,
              sha256, source_sha256, preview_sha256, thumbnail_sha256, choices_when_taken, imported_at, imported_by, updated_at,
              consent_override_reason, consent_override_by)
             VALUES (@id, @client_id, @session_id, @view, @area, @stage, @taken_at, @taken_at_source, @note, @width, @height, @format,
              @sha256, @source_sha256, @preview_sha256, @thumbnail_sha256, @choices, @now, @by, @now, @override_reason, @override_by)`,
          )
          .run({
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
        this.audit.append({ staffId: by, action: 'photo.import', entity: 'photo', entityId: id, detail: `client=${clientId} source=${file.source}${overridden}` });
      })();
    } catch (error) {
      // The row and its files go in together or not at all.
      this.files.remove(id);
      this.finishFileRemovals();
      throw error;
    }
    return { outcome: 'imported', index, fileName: file.fileName, photo: this.get(id) };
  }

  /** A read without an audit row, for callers that audit the larger action. */
  get(id: string): Photo {
    const row = this.db.prepare(`${photoSelect} WHERE p.id = ?`).get(id) as PhotoRow | undefined;
    if (!row) throw photoNotFound();
    return toPhoto(row);
  }

  /** The client's gallery, oldest first: audited as one read of the client's photos. */
  list(by: string, filter: { clientId: string; views?: PhotoView[] | undefined; stages?: PhotoStage[] | undefined; sessionId?: string | undefined }) {
    this.assertClient(filter.clientId);
    const rows = this.db.prepare(`${photoSelect} WHERE p.client_id = ? ORDER BY p.taken_at, p.imported_at, p.id`).all(filter.clientId) as PhotoRow[];
    const views = filter.views && filter.views.length > 0 ? new Set(filter.views) : null;
    const stages = filter.stages && filter.stages.length > 0 ? new Set(filter.stages) : null;
    const photos = rows
      .map(toPhoto)
      .filter((photo) => (!views || views.has(photo.view)) && (!stages || stages.has(photo.stage)) && (!filter.sessionId || photo.sessionId === filter.sessionId));
    this.audit.append({ staffId: by, action: 'photo.gallery', entity: 'client', entityId: filter.clientId, detail: `photos=${photos.length}` });
    return { photos, choicesInForce: this.choicesFor(filter.clientId) };
  }

  /** Thumbnails for the gallery grid (already audited by the list); unknown ids are left out. */
  thumbnails(ids: readonly string[]): PhotoImageBytes[] {
    const out: PhotoImageBytes[] = [];
    const known = this.db.prepare('SELECT id FROM photo WHERE id = ?');
    for (const id of new Set(ids)) {
      const row = known.get(id) as { id: string } | undefined;
      if (!row) continue;
      const bytes = this.files.readForScreen(id, 'thumb');
      out.push({ id, bytes: new Uint8Array(bytes), mimeType: 'image/jpeg', ...jpegSize(bytes) });
    }
    return out;
  }

  /** A photo opened to look at: audited. */
  view(by: string, id: string, kind: 'preview' | 'original'): PhotoImageBytes {
    const photo = this.get(id);
    const bytes = this.files.readForScreen(id, kind);
    this.audit.append({ staffId: by, action: 'photo.view', entity: 'photo', entityId: id, detail: `client=${photo.clientId} size=${kind}` });
    if (kind === 'original') return { id, bytes: new Uint8Array(bytes), mimeType: photo.format === 'png' ? 'image/png' : 'image/jpeg', width: photo.width, height: photo.height };
    return { id, bytes: new Uint8Array(bytes), mimeType: 'image/jpeg', ...jpegSize(bytes) };
  }

  /** The decrypted preview for an export (audited by the export). */
  previewBytes(id: string): Buffer {
    return this.files.readForScreen(id, 'preview');
  }

  /** Every photo of the client, oldest first, without an audit row: for the record export, which audits each photo it writes. */
  forClientExport(clientId: string): Photo[] {
    this.assertClient(clientId);
    return (this.db.prepare(`${photoSelect} WHERE p.client_id = ? ORDER BY p.taken_at, p.imported_at, p.id`).all(clientId) as PhotoRow[]).map(toPhoto);
  }

  /**
   * The decrypted stored original (oriented, metadata stripped) for the client's record export,
   * checked against the hash recorded at import and audited with ids only. A missing or damaged
   * file stops the export with a clear message rather than leaving the photo out unnoticed.
   */
  originalForExport(by: string, id: string): Buffer {
    const photo = this.get(id);
    const bytes = this.files.readForScreen(id, 'original');
    if (sha256Hex(bytes) !== photo.sha256) {
      throw new StoreError('NOT_FOUND', 'A photo cannot be exported: its stored file does not match the one imported. Run a check (verify) and restore it from a backup.');
    }
    this.audit.append({ staffId: by, action: 'photo.export-record', entity: 'photo', entityId: id, detail: `client=${photo.clientId}` });
    return bytes;
  }

  update(by: string, id: string, input: PhotoLabels): Photo {
    const before = this.get(id);
    const labels = PhotoLabels.parse(input);
    this.assertSession(before.clientId, labels.sessionId);
    const changed = (['view', 'area', 'stage', 'sessionId', 'note'] as const).filter((key) => before[key] !== labels[key]);
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE photo SET view = ?, area = ?, stage = ?, session_id = ?, note = ?, updated_at = ? WHERE id = ?')
        .run(labels.view, labels.area, labels.stage, labels.sessionId, labels.note, this.clock.now().toISOString(), id);
      this.audit.append({ staffId: by, action: 'photo.update', entity: 'photo', entityId: id, detail: `client=${before.clientId} changed=${changed.join(',')}` });
    })();
    return this.get(id);
  }

  /** Admins only (the contract says so): the row, its alignments and its encrypted files go. The reason stays in the audit trail only as its length. */
  delete(by: string, id: string, reason: string): void {
    this.erasure.delete(by, this.get(id), reason);
  }

  /**
   * For the retention and erasure feature: every photo of a client, rows and files. The caller
   * audits the erasure as a whole; each photo is noted too so the trail shows what went.
   */
  eraseClientPhotos(by: string | null, clientId: string): number {
    return this.erasure.eraseClient(by, clientId);
  }

  /** The retention purge's row eraser, run inside the purge's transaction (see PhotoErasure). */
  erasePhotoRows(clientId: string): void {
    this.erasure.eraseRows(clientId);
  }

  /** Removes the files of photos whose rows are gone; returns how many are still waiting (see PhotoErasure). */
  finishFileRemovals(): number {
    return this.erasure.finishFileRemovals();
  }

  /** Inside the transaction that deletes the photo's row, or before an import writes its files. */
  private queueFileRemoval(id: string): void {
    this.db.prepare('INSERT OR IGNORE INTO photo_file_removal (photo_id, queued_at) VALUES (?, ?)').run(id, this.clock.now().toISOString());
  }

  alignment(by: string, firstId: string, secondId: string): PhotoAlignment | null {
    return this.alignments.view(by, this.get(firstId), this.get(secondId));
  }

  saveAlignment(by: string, firstId: string, secondId: string, first: LandmarkPair, second: LandmarkPair): PhotoAlignment {
    return this.alignments.save(by, this.get(firstId), this.get(secondId), first, second);
  }

  clearAlignment(by: string, firstId: string, secondId: string): void {
    this.alignments.clear(by, this.get(firstId), secondId);
  }

  /** The saved alignment without an audit row (the export audits itself). */
  savedAlignment(firstId: string, secondId: string): PhotoAlignment | null {
    return this.alignments.saved(firstId, secondId);
  }

  /** Every file of every photo against the hash recorded at import: what `verify` reports. */
  checkFiles(): PhotoFileCheck {
    return checkPhotoFiles(this.db, this.files);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM photo').get() as { n: number }).n;
  }

  async close(): Promise<void> {
    await this.processor.close();
    this.files.close();
  }

  private assertClient(clientId: string): void {
    if (!this.db.prepare('SELECT 1 FROM client WHERE id = ?').get(clientId)) throw new StoreError('NOT_FOUND', 'That client record does not exist.');
  }

  private assertSession(clientId: string, sessionId: string | null): void {
    if (sessionId === null) return;
    const row = this.db.prepare('SELECT client_id FROM treatment_session WHERE id = ?').get(sessionId) as { client_id: string } | undefined;
    if (!row || row.client_id !== clientId) {
      throw new StoreError('INVALID_INPUT', 'That session is not one of this client\u2019s sessions.');
    }
  }
}
