import type { PhotoImageBytes } from '../../shared/contract/photo-channels';
import { PhotoLabels, type Photo, type PhotoStage, type PhotoView } from '../../shared/photos/photo';
import type { PhotographyChoicesLookup } from '../../shared/consents/photography';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { sha256Hex } from '../crypto/sha256';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import { jpegSize } from './jpeg-size';
import type { PhotoFileStore } from './photo-file-store';
import { photoSelect, toPhoto, type PhotoRow } from './photo-rows';

const photoNotFound = () => new StoreError('NOT_FOUND', 'That photo does not exist (it may have been deleted).');

/**
 * The photos already stored: the gallery, the pictures opened to look at or exported, and their
 * labels. Every read of a client's photos and every change is audited with ids only: never a
 * note, a file name or anything about the skin.
 */
export class PhotoRecords {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly files: PhotoFileStore,
    private readonly choicesFor: PhotographyChoicesLookup,
  ) {}

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
    const photos = rows.map(toPhoto).filter((photo) => (!views || views.has(photo.view)) && (!stages || stages.has(photo.stage)) && (!filter.sessionId || photo.sessionId === filter.sessionId));
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

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM photo').get() as { n: number }).n;
  }

  assertClient(clientId: string): void {
    if (!this.db.prepare('SELECT 1 FROM client WHERE id = ?').get(clientId)) throw new StoreError('NOT_FOUND', 'That client record does not exist.');
  }

  assertSession(clientId: string, sessionId: string | null): void {
    if (sessionId === null) return;
    const row = this.db.prepare('SELECT client_id FROM treatment_session WHERE id = ?').get(sessionId) as { client_id: string } | undefined;
    if (!row || row.client_id !== clientId) {
      throw new StoreError('INVALID_INPUT', 'That session is not one of this client\u2019s sessions.');
    }
  }
}
