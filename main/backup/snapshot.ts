import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, constants, copyFileSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import { backupMessages } from './backup-messages';

const snapshotPrefix = '.backup-snapshot-';
const sqlitePlainHeader = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * A consistent copy of the live database, still encrypted with the data key, in a hidden file in
 * the data folder (never a temp folder).
 *
 * How: the live connection holds the database file's exclusive lock for as long as the store is
 * open (locking_mode EXCLUSIVE, see openDatabase), so no other process can read or write it. A
 * full checkpoint moves every committed page out of the write-ahead log into the file, and the
 * file is then copied as it is, page for page, in the same synchronous turn: no transaction is
 * open and nothing of this process can write in between, so this is never "copying the file
 * mid-transaction". The copy is the live file's own bytes, encrypted exactly as the store is:
 * nothing is ever decrypted on the way. It is what SQLite's online backup API would produce
 * (pages as they are, free pages included), and it takes milliseconds where VACUUM INTO, which
 * decrypts, rebuilds and re-encrypts every page, takes about a second per 70 MB.
 *
 * Why not the backup API itself: better-sqlite3 opens the backup's destination without a key,
 * and SQLite3MultipleCiphers refuses a backup from an encrypted database to a plain one
 * ("backup is not supported with incompatible source and target databases").
 *
 * When the lock or the checkpoint is not as described (a connection not in exclusive WAL mode,
 * a checkpoint that could not move every page), it falls back to VACUUM INTO: one read
 * transaction, WAL included; the file it attaches inherits the main database's cipher and key.
 * tests/unit/backup pins these facts for this build.
 *
 * It runs synchronously on the live connection, so no write of this process can land between
 * the copy and whatever the caller reads in the same turn (the key file, the counts).
 */
export function takeSnapshot(db: SqliteDatabase, dataDir: string): { path: string; size: number } {
  if (db.inTransaction) throw new StoreError('CONFLICT', backupMessages.snapshotFailed);
  // Sorting for the copy's indexes may spill to temporary files, which SQLite3MultipleCiphers
  // does not encrypt; in memory they never reach the disk.
  db.pragma('temp_store = MEMORY');
  const path = join(dataDir, `${snapshotPrefix}${randomUUID()}.db`);
  try {
    if (!copyCheckpointedFile(db, path)) db.prepare('VACUUM INTO ?').run(path);
  } catch (error) {
    rmSync(path, { force: true });
    throw new StoreError('CONFLICT', backupMessages.snapshotFailed, { cause: error });
  }
  if (startsWithPlainSqliteHeader(path)) {
    // A build where the copy does not inherit the key: remove it at once and refuse.
    rmSync(path, { force: true });
    throw new Error('The database snapshot is unencrypted; backups are disabled on this build');
  }
  chmodSync(path, 0o600);
  return { path, size: statSync(path).size };
}

/** The checkpointed file copied byte for byte; false (nothing written) when its conditions do not hold. */
function copyCheckpointedFile(db: SqliteDatabase, path: string): boolean {
  if (db.memory || db.readonly) return false;
  if (db.pragma('locking_mode', { simple: true }) !== 'exclusive' || db.pragma('journal_mode', { simple: true }) !== 'wal') return false;
  const [moved] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  if (!moved || moved.busy !== 0 || moved.log !== moved.checkpointed) return false;
  copyFileSync(db.name, path, constants.COPYFILE_EXCL);
  return true;
}

export function startsWithPlainSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(sqlitePlainHeader.length);
    const read = readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(sqlitePlainHeader);
  } finally {
    closeSync(fd);
  }
}

export function isPlainSqliteHeader(bytes: Buffer): boolean {
  return bytes.length >= sqlitePlainHeader.length && bytes.subarray(0, sqlitePlainHeader.length).equals(sqlitePlainHeader);
}

/** Snapshots left by a backup that was killed half-way (encrypted, but no longer needed). */
export function removeLeftoverSnapshots(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    if (name.startsWith(snapshotPrefix)) rmSync(join(dataDir, name), { force: true });
  }
}
