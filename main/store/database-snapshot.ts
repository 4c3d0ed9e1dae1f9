import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from './migrations';
import { openDatabase, type SqliteDatabase } from './open-database';
import { databaseDamage } from './storage-failure';
import { StoreError, storeMessages } from './store-error';

export interface DatabaseSnapshot {
  db: SqliteDatabase;
  /** The copy's file, for checks that read raw pages. */
  path: string;
  /** Closes the copy and deletes it. */
  remove(): void;
}

/**
 * A private copy of the database (and of its -wal, after a crash) for checks that must change
 * nothing in the data folder. SQLite cannot open a WAL database in place without writing: even
 * a read-only connection creates a -wal and -shm beside it, and a checkpoint on close rewrites
 * pages. The copy holds only encrypted pages, lives in a folder only this user can read, and is
 * deleted when the check is done. A SkinLedger that has the store open is refused first, so the
 * copy is never taken half-way through its writes.
 */
export function openDatabaseSnapshot(databasePath: string, dataKey: Buffer): DatabaseSnapshot {
  refuseIfInUse(databasePath);
  const folder = mkdtempSync(join(tmpdir(), 'skinledger-check-'));
  try {
    const copy = join(folder, 'skinledger.db');
    copyFileSync(databasePath, copy);
    if (existsSync(`${databasePath}-wal`)) copyFileSync(`${databasePath}-wal`, `${copy}-wal`);
    const db = openDatabase(copy, dataKey);
    try {
      // The copy is brought to this version's schema, so the checks read the tables they know.
      migrate(db);
    } catch (error) {
      db.close();
      throw databaseDamage(error) ?? error;
    }
    return {
      db,
      path: copy,
      remove() {
        if (db.open) db.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

const plainSqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Asks for a shared lock on the live file without a key: SQLite takes the lock, then fails to
 * read page 1 (encrypted) before it would look for a WAL, so nothing is created. A SkinLedger
 * holding the store answers SQLITE_BUSY.
 */
function refuseIfInUse(databasePath: string): void {
  const head = Buffer.alloc(plainSqliteHeader.length);
  const fd = openSync(databasePath, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  // An unencrypted SQLite file would be read (and its WAL opened) by the probe: it is not a store.
  if (head.equals(plainSqliteHeader)) throw new StoreError('DATABASE_UNREADABLE', storeMessages.databaseUnreadable);
  const probe = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    probe.prepare('SELECT 1 FROM sqlite_master').get();
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) throw new StoreError('STORE_IN_USE', storeMessages.inUse, { cause: error });
  } finally {
    probe.close();
  }
}
