import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
 * A private copy of the database for checks that must change nothing in the data folder.
 * SQLite cannot open a WAL database in place without writing: even a read-only connection
 * creates a -wal and -shm beside it, and a checkpoint on close rewrites pages. The copy holds
 * only encrypted pages, lives in a folder only this user can read, and is deleted when the
 * check is done.
 *
 * A store with a -wal or -shm beside it is open in SkinLedger (which holds them while it runs
 * and removes them when it closes) or was not closed properly: a copy taken then could be half
 * of a write, and a check of it would cry damage that is not there. So that is refused.
 */
/** `check` runs on the copy as found, before migrating: the audit anchor check, as at every open. */
export function openDatabaseSnapshot(databasePath: string, dataKey: Buffer, check?: (db: SqliteDatabase) => void): DatabaseSnapshot {
  if (existsSync(`${databasePath}-wal`) || existsSync(`${databasePath}-shm`)) {
    throw new StoreError('STORE_IN_USE', storeMessages.openOrNotClosed);
  }
  const folder = mkdtempSync(join(tmpdir(), 'skinledger-check-'));
  try {
    const copy = join(folder, 'skinledger.db');
    copyFileSync(databasePath, copy);
    const db = openDatabase(copy, dataKey);
    try {
      check?.(db);
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
