import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { assembleServices, type Services } from '../../main/app';
import { systemClock } from '../../main/clock';
import { fastScryptForTests } from '../support/fast-scrypt';
import { seedDemoClinic } from '../../main/demo/demo-seeder';
import { migrate } from '../../main/store/migrations';
import { keepCompiledStatements } from '../../main/store/statement-cache';
import { Vault } from '../../main/vault/vault';

export interface BenchStore {
  services: Services;
  staffId: string;
  folder: string;
}

/** The real thing: an encrypted store made as set-up makes it. */
export async function encryptedStore(folder: string): Promise<BenchStore & { dataKey: Buffer }> {
  const vault = new Vault(folder, { clock: systemClock, scrypt: fastScryptForTests });
  const created = await vault.create({ name: 'Bench Admin', password: 'bench password 1' });
  const services = assembleServices(vault, created.db, created.dataKey, systemClock);
  services.staff.recordFounder(created.adminStaffId, 'Bench Admin');
  return { services, staffId: created.adminStaffId, folder, dataKey: Buffer.from(created.dataKey) };
}

/**
 * The baseline: the same schema, pragmas and rows in a plain, unencrypted SQLite file, driven by
 * the same code, so the ratio between the two is what encryption costs plus anything we add. Made
 * from the seeded encrypted store: every table copied into the unencrypted file through an
 * attachment with no key. The same rows exactly, in a fraction of the time a second seeding of a
 * million sessions takes.
 */
export function plainCopyOf(ours: BenchStore, folder: string): BenchStore {
  const path = join(folder, 'plain.db');
  openPlain(folder).close();
  const db = ours.services.db;
  const virtual = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).all() as { name: string }[]).map((row) => row.name);
  const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[])
    .map((row) => row.name)
    // A full-text index is copied as its own tables hold it (it keeps no text to insert again).
    .filter((name) => !virtual.includes(name));
  db.pragma('foreign_keys = OFF');
  // better-sqlite3's defensive mode refuses writes to a full-text index's own tables.
  db.unsafeMode(true);
  db.prepare('ATTACH DATABASE ? AS plain KEY ?').run(path, '');
  try {
    db.transaction(() => {
      for (const table of tables) {
        const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((row) => `"${row.name}"`).join(', ');
        db.exec(`INSERT OR REPLACE INTO plain."${table}" (${columns}) SELECT ${columns} FROM main."${table}"`);
      }
    })();
  } finally {
    db.exec('DETACH DATABASE plain');
    db.unsafeMode(false);
    db.pragma('foreign_keys = ON');
  }
  return plainServices(folder, openPlain(folder), ours.staffId);
}

function openPlain(folder: string) {
  const db = new Database(join(folder, 'plain.db'));
  // In the order the store's own open sets them: exclusive before WAL keeps the log's index in
  // this process's memory, and the lock taken at once.
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('BEGIN EXCLUSIVE; COMMIT;');
  db.pragma('cache_size = -32768');
  db.pragma('foreign_keys = ON');
  // The same statement reuse as the encrypted store, so the ratio is the cipher's and ours.
  keepCompiledStatements(db);
  migrate(db);
  return db;
}

function plainServices(folder: string, db: ReturnType<typeof openPlain>, staffId: string): BenchStore {
  const vault = new Vault(folder, { clock: systemClock });
  const services = assembleServices(vault, db, Buffer.alloc(32), systemClock);
  return { services, staffId, folder };
}

export function seed(store: BenchStore, clients: number, sessionsPerClient: number, onProgress?: (done: number, total: number) => void) {
  return seedDemoClinic(store.services, store.staffId, { clients, seed: 2026, batchSize: 2000, sessionsPerClient, ...(onProgress ? { onProgress } : {}) });
}
