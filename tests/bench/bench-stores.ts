import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { assembleServices, type Services } from '../../main/app';
import { systemClock } from '../../main/clock';
import { fastScryptForTests } from '../../main/crypto/kdf';
import { foldStaffName } from '../../main/crypto/key-slots';
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
 * the same code. The ratio between the two is what encryption costs plus anything we add.
 */
export function plainStore(folder: string): BenchStore {
  const db = new Database(join(folder, 'plain.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('cache_size = -32768');
  db.pragma('foreign_keys = ON');
  // The same statement reuse as the encrypted store, so the ratio is the cipher's and ours.
  keepCompiledStatements(db);
  migrate(db);
  const staffId = randomUUID();
  const now = new Date().toISOString();
  db.prepare(`INSERT INTO staff (id, name, name_folded, role, active, created_at, updated_at) VALUES (?, 'Bench Admin', ?, 'admin', 1, ?, ?)`).run(
    staffId,
    foldStaffName('Bench Admin'),
    now,
    now,
  );
  const vault = new Vault(folder, { clock: systemClock });
  const services = assembleServices(vault, db, Buffer.alloc(32), systemClock);
  return { services, staffId, folder };
}

export function seed(store: BenchStore, clients: number, sessionsPerClient: number, onProgress?: (done: number, total: number) => void) {
  return seedDemoClinic(store.services, store.staffId, { clients, seed: 2026, batchSize: 2000, sessionsPerClient, ...(onProgress ? { onProgress } : {}) });
}
