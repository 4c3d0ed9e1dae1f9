import { statSync } from 'node:fs';
import type { SqliteDatabase } from '../store/open-database';
import { checkpointsHeld, holdCheckpoints } from '../store/quiet-checkpoints';
import { StoreError } from '../store/store-error';
import { backupMessages } from './backup-messages';

export interface HeldDatabaseFile {
  path: string;
  /** The file's length at the checkpoint: the bytes to copy. */
  size: number;
  /** Throws CONFLICT if the file was written after all (then the copy is not one state). */
  assertUnchanged(): void;
  release(): void;
}

/**
 * The live database file, held still while it is read into the backup, without a second copy
 * on the disk.
 *
 * Why this is one consistent state: in WAL mode SQLite writes the database file only when it
 * checkpoints; every commit goes to the -wal file. So after a full checkpoint (every committed
 * page moved into the file, the log emptied) the file is the whole store as of that moment, and
 * it stays exactly that for as long as no checkpoint runs, however many commits land in the log
 * meanwhile. Here SQLite's own checkpoint inside a commit is switched off and the app's quiet
 * checkpoints are told to wait (holdCheckpoints) until `release`. The connection holds the
 * file's exclusive lock (locking_mode EXCLUSIVE), so no other process checkpoints it either.
 *
 * A read transaction on a second connection would do the same, but the exclusive lock keeps
 * every other connection out, and a transaction on the app's own connection would swallow the
 * clinic's writes. The file's size and modification time are compared after the copy as a last
 * guard: any write to it fails the backup rather than producing a mixed copy.
 *
 * The copy is the file's own bytes, encrypted exactly as the store is: nothing is decrypted.
 * tests/unit/backup pins this for this build (writes during the copy are not in it; the copy opens).
 */
export function holdDatabaseFile(db: SqliteDatabase): HeldDatabaseFile {
  if (db.inTransaction || db.memory || db.readonly) throw new StoreError('CONFLICT', backupMessages.snapshotFailed);
  if (db.pragma('locking_mode', { simple: true }) !== 'exclusive' || db.pragma('journal_mode', { simple: true }) !== 'wal') {
    throw new StoreError('CONFLICT', backupMessages.snapshotFailed);
  }
  const autoPages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  const release = holdCheckpoints(db);
  let released = false;
  const releaseAll = () => {
    if (released) return;
    released = true;
    release();
    if (db.open) db.pragma(`wal_autocheckpoint = ${autoPages}`);
  };
  try {
    db.pragma('wal_autocheckpoint = 0');
    const [moved] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    if (!moved || moved.busy !== 0 || moved.log !== moved.checkpointed) throw new StoreError('CONFLICT', backupMessages.snapshotFailed);
    const before = statSync(db.name, { bigint: true });
    return {
      path: db.name,
      size: Number(before.size),
      assertUnchanged() {
        const after = statSync(db.name, { bigint: true });
        if (after.size !== before.size || after.mtimeNs !== before.mtimeNs || !checkpointsHeld(db)) {
          throw new StoreError('CONFLICT', backupMessages.changedDuringBackup);
        }
      },
      release: releaseAll,
    };
  } catch (error) {
    releaseAll();
    throw error;
  }
}
