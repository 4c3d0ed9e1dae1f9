import type { PhotoImageBytes, PhotoImportRequestInput } from '../../shared/contract/photo-channels';
import type { PhotographyChoicesLookup } from '../../shared/consents/photography';
import type { LandmarkPair, PhotoAlignment } from '../../shared/photos/alignment';
import type { PhotoImportFileResult, PhotoImportProgress } from '../../shared/photos/import-result';
import type { Photo, PhotoLabels, PhotoStage, PhotoView } from '../../shared/photos/photo';
import type { PhotoSettings } from '../../shared/photos/photo-settings';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../store/open-database';
import { PhotoAlignments } from './photo-alignments';
import { PhotoErasure } from './photo-erasure';
import { checkPhotoFiles, type PhotoFileCheck } from './photo-file-check';
import type { PhotoFileStore } from './photo-file-store';
import { PhotoImport } from './photo-import';
import type { PhotoProcessor } from './photo-processor';
import { PhotoRecords } from './photo-records';
import { PhotoSettingsStore } from './photo-settings-store';

export type { PhotoFileCheck } from './photo-file-check';

/**
 * Before/after photos, as the rest of the app reaches them: import (photo-import.ts), the
 * stored photos and their labels (photo-records.ts), alignment (photo-alignments.ts), delete
 * and erasure (photo-erasure.ts), the checks `verify` runs (photo-file-check.ts) and the
 * clinic's photo settings (photo-settings-store.ts). Each part audits what it does.
 */
export class PhotoService {
  private readonly photoSettings: PhotoSettingsStore;
  private readonly records: PhotoRecords;
  private readonly importer: PhotoImport;
  private readonly alignments: PhotoAlignments;
  private readonly erasure: PhotoErasure;
  constructor(
    private readonly db: SqliteDatabase,
    audit: AuditLog,
    clock: Clock,
    private readonly files: PhotoFileStore,
    private readonly processor: PhotoProcessor,
    /** The client's photography choices in force now, from the consents feature. */
    readonly choicesFor: PhotographyChoicesLookup,
  ) {
    this.photoSettings = new PhotoSettingsStore(db, audit);
    this.records = new PhotoRecords(db, audit, clock, files, choicesFor);
    this.alignments = new PhotoAlignments(db, audit, clock);
    this.erasure = new PhotoErasure(db, audit, clock, files);
    this.importer = new PhotoImport({ db, audit, clock, files, processor, choicesFor, records: this.records, settings: this.photoSettings, erasure: this.erasure });
  }

  settings(): PhotoSettings {
    return this.photoSettings.get();
  }

  updateSettings(by: string, input: PhotoSettings): PhotoSettings {
    return this.photoSettings.update(by, input);
  }

  /** See PhotoImport.import. */
  import(by: string, input: PhotoImportRequestInput, onProgress?: (done: number, total: number) => void): Promise<PhotoImportFileResult[]> {
    return this.importer.import(by, input, onProgress);
  }

  importProgress(jobId: string): PhotoImportProgress | null {
    return this.importer.importProgress(jobId);
  }

  /** A read without an audit row, for callers that audit the larger action. */
  get(id: string): Photo {
    return this.records.get(id);
  }

  /** The client's gallery, oldest first: audited as one read of the client's photos. */
  list(by: string, filter: { clientId: string; views?: PhotoView[] | undefined; stages?: PhotoStage[] | undefined; sessionId?: string | undefined }) {
    return this.records.list(by, filter);
  }

  /** Thumbnails for the gallery grid (already audited by the list); unknown ids are left out. */
  thumbnails(ids: readonly string[]): PhotoImageBytes[] {
    return this.records.thumbnails(ids);
  }

  /** A photo opened to look at: audited. */
  view(by: string, id: string, kind: 'preview' | 'original'): PhotoImageBytes {
    return this.records.view(by, id, kind);
  }

  /** The decrypted preview for an export (audited by the export). */
  previewBytes(id: string): Buffer {
    return this.records.previewBytes(id);
  }

  /** Every photo of the client, oldest first, without an audit row: for the record export, which audits each photo it writes. */
  forClientExport(clientId: string): Photo[] {
    return this.records.forClientExport(clientId);
  }

  /** The stored original for the client's record export, checked against its hash and audited (see PhotoRecords). */
  originalForExport(by: string, id: string): Buffer {
    return this.records.originalForExport(by, id);
  }

  update(by: string, id: string, input: PhotoLabels): Photo {
    return this.records.update(by, id, input);
  }

  /** Admins only (the contract says so): the row, its alignments and its encrypted files go. The reason stays in the audit trail only as its length. */
  delete(by: string, id: string, reason: string): void {
    this.erasure.delete(by, this.records.get(id), reason);
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

  alignment(by: string, firstId: string, secondId: string): PhotoAlignment | null {
    return this.alignments.view(by, this.records.get(firstId), this.records.get(secondId));
  }

  saveAlignment(by: string, firstId: string, secondId: string, first: LandmarkPair, second: LandmarkPair): PhotoAlignment {
    return this.alignments.save(by, this.records.get(firstId), this.records.get(secondId), first, second);
  }

  clearAlignment(by: string, firstId: string, secondId: string): void {
    this.alignments.clear(by, this.records.get(firstId), secondId);
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
    return this.records.count();
  }

  async close(): Promise<void> {
    await this.processor.close();
    this.files.close();
  }
}
