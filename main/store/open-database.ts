import { accessSync, closeSync, constants, mkdtempSync, openSync, readSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { keepCompiledStatements } from './statement-cache';
import { storageFailure } from './storage-failure';
import { StoreError, storeMessages } from './store-error';

export type SqliteDatabase = Database.Database;

interface OpenOptions {
  create?: boolean;
  readonly?: boolean;
}

/**
 * Opens the SQLCipher v4 database with the raw 256-bit data key (no second KDF: the key is
 * random, the slow KDF lives in the key slots), proves the key by reading a page before anything
 * else touches the file (SQLite3MultipleCiphers answers PRAGMA key with "ok" even when it is
 * wrong), then sets durability and locking. Never creates a file unless asked to.
 */
export function openDatabase(path: string, dataKey: Buffer, options: OpenOptions = {}): SqliteDatabase {
  if (dataKey.length !== 32) throw new Error('The data key must be 32 bytes');
  // SQLite opens a file it may not write read-only without a word, and the first write then
  // fails in a way that reads like damage. Say what it is before anything is tried.
  if (!options.readonly && !options.create) refuseReadOnly(path);
  let db: SqliteDatabase;
  try {
    db = new Database(path, { fileMustExist: !options.create, readonly: options.readonly ?? false, timeout: 1500 });
  } catch (error) {
    if (isCode(error, 'SQLITE_CANTOPEN')) throw new StoreError('DATABASE_MISSING', storeMessages.databaseMissing, { cause: error });
    throw new StoreError('DATABASE_UNREADABLE', storeMessages.databaseUnreadable, { cause: error });
  }
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
    proveKey(db, path, dataKey, options.create ?? false);
    if (!options.readonly) {
      // One writer at a time, held for as long as the app runs: a second copy of SkinLedger (or
      // a CLI write) on the same folder is refused instead of interleaving with this one.
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
      // FULL: a consent the screen calls "saved" survives a power cut, not only a crash.
      db.pragma('synchronous = FULL');
      db.exec('BEGIN EXCLUSIVE; COMMIT;');
    }
    db.pragma('foreign_keys = ON');
    // Freed space is zeroed (inside the encryption), so an edited or erased record leaves no old
    // text in free pages: not in the live file, and not in a backup, which copies the
    // checkpointed file page for page.
    db.pragma('secure_delete = ON');
    // SQLite3MultipleCiphers does not encrypt SQLite's temporary files: a large sort or index
    // build must never spill decrypted rows to the OS temp folder, so temporary data stays in memory.
    db.pragma('temp_store = MEMORY');
    // 32 MiB of decrypted pages: search and profile reads stay in memory instead of decrypting
    // the same pages again on every keystroke. A front-desk PC has the memory to spare.
    db.pragma('cache_size = -32768');
    keepCompiledStatements(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    if (isCode(error, 'SQLITE_BUSY') || isCode(error, 'SQLITE_LOCKED')) {
      throw new StoreError('STORE_IN_USE', storeMessages.inUse, { cause: error });
    }
    if (isCode(error, 'SQLITE_READONLY')) throw new StoreError('DATA_FOLDER_READ_ONLY', storeMessages.readOnly, { cause: error });
    if (isCode(error, 'SQLITE_FULL') || isCode(error, 'SQLITE_IOERR')) throw diskFailure(error, path);
    if (isCode(error, 'SQLITE_CORRUPT')) throw new StoreError('DATABASE_DAMAGED', storeMessages.databaseDamaged, { cause: error });
    throw new StoreError('DATABASE_UNREADABLE', storeMessages.databaseUnreadable, { cause: error });
  }
}

function proveKey(db: SqliteDatabase, path: string, dataKey: Buffer, creating: boolean): void {
  try {
    db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
  } catch (error) {
    if (isCode(error, 'SQLITE_BUSY') || isCode(error, 'SQLITE_LOCKED')) throw error;
    // A full disk refuses the -wal and -shm SQLite makes before it reads: not the file's fault.
    if (isCode(error, 'SQLITE_FULL') || isCode(error, 'SQLITE_IOERR') || isCode(error, 'SQLITE_READONLY')) throw diskFailure(error, path);
    // Page 1 opened with the key but the schema behind it did not: that is damage, not a key
    // that does not fit (a first page that fails its HMAC cannot tell those two apart).
    if (isCode(error, 'SQLITE_CORRUPT')) throw new StoreError('DATABASE_DAMAGED', storeMessages.databaseDamaged, { cause: error });
    if (!creating && writtenBySqlCipher3(path, dataKey)) throw new StoreError('DATABASE_UNREADABLE', storeMessages.databaseOldFormat, { cause: error });
    throw new StoreError('DATABASE_UNREADABLE', storeMessages.databaseUnreadable, { cause: error });
  }
  // An emptied file reads as a valid, empty database: for an existing store that is damage.
  if (!creating && (db.pragma('user_version', { simple: true }) as number) === 0) {
    throw new StoreError('DATABASE_UNREADABLE', storeMessages.databaseUnreadable);
  }
}

/**
 * Whether the first page opens with this key under SQLCipher 3's settings: a store written by
 * an old tool, which deserves its own message rather than "damaged". Tried on a private copy of
 * the first 64 KiB (encrypted bytes only), because SQLite creates a -wal and -shm beside any
 * file it opens, even read-only, and the data folder must not change.
 */
function writtenBySqlCipher3(path: string, dataKey: Buffer): boolean {
  let folder: string | null = null;
  try {
    folder = mkdtempSync(join(tmpdir(), 'skinledger-probe-'));
    const head = Buffer.alloc(64 * 1024);
    const fd = openSync(path, 'r');
    let length: number;
    try {
      length = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    const probe = join(folder, 'probe.db');
    writeFileSync(probe, head.subarray(0, length), { mode: 0o600 });
    const db = new Database(probe, { fileMustExist: true });
    try {
      db.pragma(`cipher = 'sqlcipher'`);
      db.pragma('legacy = 3');
      db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
      db.pragma('user_version', { simple: true });
      return true;
    } finally {
      db.close();
    }
  } catch {
    return false;
  } finally {
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * SQLite reports a full disk met while making its -shm as an I/O error, which would read as a
 * failing drive. The folder's free space tells the two apart.
 */
function diskFailure(error: unknown, path: string): unknown {
  if (!isCode(error, 'SQLITE_READONLY') && freeBytes(dirname(path)) < 1024 * 1024) {
    return new StoreError('SAVE_FAILED', storeMessages.diskFull, { cause: error });
  }
  return storageFailure(error) ?? error;
}

function freeBytes(folder: string): number {
  try {
    const stats = statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && String((error as { code: unknown }).code).startsWith(code);
}

/** The database and its folder (where the WAL and lock files go) must be writable. */
function refuseReadOnly(path: string): void {
  for (const target of [dirname(path), path]) {
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      if (isCode(error, 'EACCES') || isCode(error, 'EPERM') || isCode(error, 'EROFS')) {
        throw new StoreError('DATA_FOLDER_READ_ONLY', storeMessages.readOnly, { cause: error });
      }
      // A missing file is reported by the open below, with its own message.
    }
  }
}
