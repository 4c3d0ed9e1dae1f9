import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
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
 * Why VACUUM INTO and not the online backup API: better-sqlite3 opens the backup's destination
 * itself, without a key, and SQLite3MultipleCiphers refuses a backup from an encrypted database
 * to a plain one ("backup is not supported with incompatible source and target databases"). So
 * the backup API cannot give an encrypted copy through this binding, and a plain copy is never
 * acceptable. VACUUM INTO is SQLite's other way to copy a live database consistently (one read
 * transaction, WAL included); the file it attaches inherits the main database's cipher and key.
 * tests/unit/backup pins both facts for this build.
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
    db.prepare('VACUUM INTO ?').run(path);
  } catch (error) {
    rmSync(path, { force: true });
    throw new StoreError('CONFLICT', backupMessages.snapshotFailed, { cause: error });
  }
  if (startsWithPlainSqliteHeader(path)) {
    // A build where the copy does not inherit the key: remove it at once and refuse.
    rmSync(path, { force: true });
    throw new Error('VACUUM INTO wrote an unencrypted copy; backups are disabled on this build');
  }
  chmodSync(path, 0o600);
  return { path, size: statSync(path).size };
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
