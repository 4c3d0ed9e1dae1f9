import Database from 'better-sqlite3-multiple-ciphers';
import { openServices, type Services } from '../../main/app';
import { systemClock } from '../../main/clock';
import { Vault } from '../../main/vault/vault';

/** Opens a store made by `init` in this process, as its admin, to arrange what a test needs. */
export async function openAsStaff(dataDir: string, name: string, password: string): Promise<{ services: Services; staffId: string; dataKey: Buffer }> {
  const vault = new Vault(dataDir, { clock: systemClock });
  const { dataKey, staffId } = await vault.unlockWithPassword(name, password);
  // New slots are made at production cost: the CLI under test accepts no other.
  const services = openServices(dataDir, dataKey, { clock: systemClock });
  return { services, staffId, dataKey };
}

/** Leaves free pages in the file: a table filled with blobs, then dropped. */
export function leaveFreePages(services: Services, pages: number): void {
  services.db.exec('CREATE TABLE scratch (filler BLOB)');
  const insert = services.db.prepare('INSERT INTO scratch VALUES (randomblob(3000))');
  for (let i = 0; i < pages; i++) insert.run();
  services.db.exec('DROP TABLE scratch');
}

/** Page numbers that belong to a table or index (what PRAGMA integrity_check walks). */
export function pagesInUse(services: Services): Set<number> {
  const rows = services.db.prepare('SELECT pageno FROM dbstat').all() as { pageno: number }[];
  return new Set(rows.map((row) => row.pageno));
}

/** Opens a copy of a database file with the data key and runs PRAGMA integrity_check on it. */
export function integrityCheckOf(path: string, dataKey: Buffer): string {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db.close();
  }
}

export function flipByte(bytes: Buffer, pageSize: number, pageNumber: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[(pageNumber - 1) * pageSize + 200]! ^= 0x01;
  return copy;
}
