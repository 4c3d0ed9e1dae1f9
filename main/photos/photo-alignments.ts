import type { LandmarkPair, PhotoAlignment } from '../../shared/photos/alignment';
import type { Photo } from '../../shared/photos/photo';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';

/**
 * The landmarks a clinician placed to line up two photos of one client, kept per ordered pair.
 * Viewing, saving and clearing are audited (ids only); the export reads them without a row of
 * its own, as it audits itself.
 */
export class PhotoAlignments {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  view(by: string, first: Photo, second: Photo): PhotoAlignment | null {
    const row = this.db.prepare('SELECT * FROM photo_alignment WHERE first_photo_id = ? AND second_photo_id = ?').get(first.id, second.id) as AlignmentRow | undefined;
    this.audit.append({ staffId: by, action: 'photo.alignment.view', entity: 'photo', entityId: first.id, detail: `client=${first.clientId} second=${second.id}` });
    return row ? toAlignment(row) : null;
  }

  save(by: string, firstPhoto: Photo, secondPhoto: Photo, first: LandmarkPair, second: LandmarkPair): PhotoAlignment {
    const firstId = firstPhoto.id;
    const secondId = secondPhoto.id;
    if (firstPhoto.clientId !== secondPhoto.clientId) throw new StoreError('INVALID_INPUT', 'Both photos must belong to the same client.');
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO photo_alignment (first_photo_id, second_photo_id, first_points, second_points, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (first_photo_id, second_photo_id) DO UPDATE SET first_points = excluded.first_points,
             second_points = excluded.second_points, saved_at = excluded.saved_at, saved_by = excluded.saved_by`,
        )
        .run(firstId, secondId, JSON.stringify(first), JSON.stringify(second), this.clock.now().toISOString(), by);
      this.audit.append({ staffId: by, action: 'photo.alignment.save', entity: 'photo', entityId: firstId, detail: `client=${firstPhoto.clientId} second=${secondId}` });
    })();
    const row = this.db.prepare('SELECT * FROM photo_alignment WHERE first_photo_id = ? AND second_photo_id = ?').get(firstId, secondId) as AlignmentRow;
    return toAlignment(row);
  }

  clear(by: string, first: Photo, secondId: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM photo_alignment WHERE first_photo_id = ? AND second_photo_id = ?').run(first.id, secondId);
      this.audit.append({ staffId: by, action: 'photo.alignment.clear', entity: 'photo', entityId: first.id, detail: `client=${first.clientId} second=${secondId}` });
    })();
  }

  saved(firstId: string, secondId: string): PhotoAlignment | null {
    const row = this.db.prepare('SELECT * FROM photo_alignment WHERE first_photo_id = ? AND second_photo_id = ?').get(firstId, secondId) as AlignmentRow | undefined;
    return row ? toAlignment(row) : null;
  }
}

interface AlignmentRow {
  first_photo_id: string;
  second_photo_id: string;
  first_points: string;
  second_points: string;
  saved_at: string;
  saved_by: string;
}

function toAlignment(row: AlignmentRow): PhotoAlignment {
  return {
    firstId: row.first_photo_id,
    secondId: row.second_photo_id,
    first: JSON.parse(row.first_points) as LandmarkPair,
    second: JSON.parse(row.second_points) as LandmarkPair,
    savedAt: row.saved_at,
    savedBy: row.saved_by,
  };
}
