import Database from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase } from '../store/open-database';

/**
 * Copies the open database into `path` and re-encrypts the copy under `newKey`. SQLite3
 * MultipleCiphers has no sqlcipher_export; VACUUM INTO writes a compact copy under the live
 * key (no free pages carried over), and PRAGMA rekey then rewrites every page of the copy under
 * the new one. The copy is never in the clear: it is born encrypted. Rekeying needs a rollback
 * journal, so the copy is opened here without the live store's WAL settings.
 */
export function copyReencrypted(live: SqliteDatabase, path: string, oldKey: Buffer, newKey: Buffer): void {
  live.prepare('VACUUM INTO ?').run(path);
  const copy = new Database(path, { fileMustExist: true });
  try {
    copy.pragma(`cipher = 'sqlcipher'`);
    copy.pragma('legacy = 4');
    copy.pragma(`key = "x'${oldKey.toString('hex')}'"`);
    // Proves the old key opens the copy before any page is rewritten.
    copy.prepare('SELECT count(*) FROM sqlite_master').get();
    copy.pragma('journal_mode = DELETE');
    copy.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
  } finally {
    copy.close();
  }
}
