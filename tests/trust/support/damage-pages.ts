import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { systemClock } from '../../../main/clock';
import { fastScryptForTests } from '../../support/fast-scrypt';
import { Vault } from '../../../main/vault/vault';
import { tempFolder } from '../../support/temp-folder';
import { adminName, adminPassword } from './trust-clinic';

export async function dataKeyOf(dataDir: string): Promise<Buffer> {
  const { dataKey } = await new Vault(dataDir, { clock: systemClock, scrypt: fastScryptForTests }).unlockWithPassword(adminName, adminPassword);
  return dataKey;
}

/** Opens a SQLCipher file directly, with either version's settings (3 for an old tool's file). */
export function openWithKey(path: string, dataKey: Buffer, legacy: 3 | 4): Database.Database {
  const db = new Database(path);
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma(`legacy = ${legacy}`);
  db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
  return db;
}

/** Every page of a table's b-tree, found on a copy so the store itself is not opened. */
export async function pagesOfTable(dataDir: string, table: string): Promise<{ pages: number[]; pageSize: number; pageCount: number }> {
  const scratch = tempFolder();
  try {
    const copy = join(scratch.path, 'copy.db');
    writeFileSync(copy, readFileSync(join(dataDir, 'skinledger.db')));
    const db = openWithKey(copy, await dataKeyOf(dataDir), 4);
    try {
      const pages = (db.prepare('SELECT pageno FROM dbstat WHERE name = ?').all(table) as { pageno: number }[]).map((row) => row.pageno);
      return { pages, pageSize: db.pragma('page_size', { simple: true }) as number, pageCount: db.pragma('page_count', { simple: true }) as number };
    } finally {
      db.close();
    }
  } finally {
    scratch.remove();
  }
}

export function flipBytesInPages(path: string, pageSize: number, pages: readonly number[]): void {
  const bytes = readFileSync(path);
  for (const page of pages) bytes[(page - 1) * pageSize + 300]! ^= 0xff;
  writeFileSync(path, bytes);
}
