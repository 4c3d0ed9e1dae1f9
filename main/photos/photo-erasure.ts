import type { Photo } from '../../shared/photos/photo';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../store/open-database';
import type { PhotoFileStore } from './photo-file-store';

/**
 * Deleting photos: one photo (with its reason), all of a client's (erasure), or the rows alone
 * inside a retention purge. Rows go in a transaction that queues their files; the files go only
 * after it commits, since a rollback cannot bring a file back.
 */
export class PhotoErasure {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly files: PhotoFileStore,
  ) {}

  delete(by: string, photo: Photo, reason: string): void {
    const id = photo.id;
    this.db.transaction(() => {
      this.removeRows(id);
      this.audit.append({ staffId: by, action: 'photo.delete', entity: 'photo', entityId: id, detail: `client=${photo.clientId} reason-chars=${reason.trim().length}` });
    })();
    this.finishFileRemovals();
  }

  eraseClient(by: string | null, clientId: string): number {
    const ids = this.idsOf(clientId);
    this.db.transaction(() => {
      for (const id of ids) this.removeRows(id);
      if (ids.length > 0) this.audit.append({ staffId: by, action: 'photo.erase-client', entity: 'client', entityId: clientId, detail: `photos=${ids.length}` });
    })();
    this.finishFileRemovals();
    return ids.length;
  }

  /**
   * The retention purge's row eraser, run inside the purge's transaction: deletes the client's
   * photo rows and alignments (the purge writes its own audit row and tombstone) and queues
   * their files for removal in the same transaction, for finishFileRemovals once it has committed.
   */
  eraseRows(clientId: string): void {
    for (const id of this.idsOf(clientId)) this.removeRows(id);
  }

  /**
   * Removes the files of every photo whose rows are gone (queued in the transaction that deleted
   * them), then their queue entries: after a purge or a delete has committed, and at every open
   * for a process that died in between. A file that cannot be removed now (a drive gone, a lock)
   * stays queued for the next time; returns how many are still waiting.
   */
  finishFileRemovals(): number {
    const ids = this.db.prepare('SELECT photo_id FROM photo_file_removal ORDER BY queued_at, photo_id').pluck().all() as string[];
    let waiting = 0;
    for (const id of ids) {
      try {
        this.files.remove(id);
      } catch {
        waiting++;
        continue;
      }
      this.db.prepare('DELETE FROM photo_file_removal WHERE photo_id = ?').run(id);
    }
    return waiting;
  }

  private idsOf(clientId: string): string[] {
    return (this.db.prepare('SELECT id FROM photo WHERE client_id = ?').all(clientId) as { id: string }[]).map((row) => row.id);
  }

  /** Inside a transaction: the photo's alignments and row, and its files queued for removal. */
  private removeRows(id: string): void {
    this.db.prepare('DELETE FROM photo_alignment WHERE first_photo_id = ? OR second_photo_id = ?').run(id, id);
    this.db.prepare('DELETE FROM photo WHERE id = ?').run(id);
    this.db.prepare('INSERT OR IGNORE INTO photo_file_removal (photo_id, queued_at) VALUES (?, ?)').run(id, this.clock.now().toISOString());
  }
}
