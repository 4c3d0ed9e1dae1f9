import { sha256Hex } from '../crypto/sha256';
import type { SqliteDatabase } from '../store/open-database';
import { PhotoFileError, type PhotoFileStore } from './photo-file-store';
import { photoFileKinds, type PhotoFileKind } from './photo-file-names';

export interface PhotoFileCheck {
  checked: number;
  damaged: { photoId: string; kind: PhotoFileKind; problem: 'missing' | 'damaged' | 'hash-mismatch' }[];
}

/**
 * Decrypts every file of every photo and checks it against the hash recorded at import:
 * what `verify` reports. A file swapped for another photo's fails to decrypt (its id is
 * sealed with it); a changed byte fails the tag.
 */
export function checkPhotoFiles(db: SqliteDatabase, files: PhotoFileStore): PhotoFileCheck {
  const rows = db.prepare('SELECT id, sha256, preview_sha256, thumbnail_sha256 FROM photo ORDER BY imported_at, id').all() as {
    id: string;
    sha256: string;
    preview_sha256: string;
    thumbnail_sha256: string;
  }[];
  const damaged: PhotoFileCheck['damaged'] = [];
  for (const row of rows) {
    const expected: Record<PhotoFileKind, string> = { original: row.sha256, preview: row.preview_sha256, thumb: row.thumbnail_sha256 };
    for (const kind of photoFileKinds) {
      try {
        const bytes = files.read(row.id, kind);
        if (sha256Hex(bytes) !== expected[kind]) damaged.push({ photoId: row.id, kind, problem: 'hash-mismatch' });
      } catch (error) {
        if (!(error instanceof PhotoFileError)) throw error;
        damaged.push({ photoId: row.id, kind, problem: error.problem });
      }
    }
  }
  return { checked: rows.length, damaged };
}
