import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../main/store/open-database';
import { createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';
import { tableHashes } from '../../trust/support/store-fingerprint';

/** Written into client records; must never appear in a backup file's bytes. */
export const marker = 'MARKER-Backup-Zoë-Nguyễn-7c1e';

/**
 * A clinic to back up: a real encrypted store with clients, and files under the data folder the
 * way photos and PDFs will be kept (random bytes stand in for their encrypted contents). `bigFile`
 * makes the backup span several 1 MiB parts.
 */
export async function backupClinic(options: { clients?: number; bigFile?: boolean } = {}) {
  const folder = tempFolder('skinledger-backup-');
  const dataDir = join(folder.path, 'data');
  const backupsDir = join(folder.path, 'backups');
  mkdirSync(backupsDir);
  const clock = new TestClock();
  const store = await createTestStore(dataDir, clock);
  for (let i = 0; i < (options.clients ?? 5); i++) {
    store.services.clients.create(store.admin.id, { firstName: `${marker}-${i}`, lastName: 'Client', notes: `${marker} notes` }, { allowDuplicate: true });
  }
  mkdirSync(join(dataDir, 'photos', 'ab'), { recursive: true });
  mkdirSync(join(dataDir, 'pdfs'));
  writeFileSync(join(dataDir, 'photos', 'ab', 'photo-1.enc'), randomBytes(options.bigFile ? 2_600_000 : 50_000));
  writeFileSync(join(dataDir, 'pdfs', 'consent-1.enc'), randomBytes(10_000));
  return { ...store, folder, dataDir, backupsDir, clock };
}

export type BackupClinic = Awaited<ReturnType<typeof backupClinic>>;

/**
 * Every table's ordered dump, hashed: what a backup must bring back, whatever the file bytes (IVs
 * and page numbers change). The schema is compared without root page numbers, which VACUUM
 * renumbers; the audit trail up to `auditRows` (a restore adds its own row after); the settings
 * but the backup record.
 */
export function logicalContent(db: ReturnType<typeof openDatabase>, auditRows: number): Record<string, string> {
  const hashes = Object.fromEntries(tableHashes(db));
  hashes['sqlite_schema'] = sha256(JSON.stringify(db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all()));
  // A restore records the backup it came from (what Home names): the one row it changes on purpose.
  hashes['setting'] = sha256(JSON.stringify(db.prepare("SELECT * FROM setting WHERE key <> 'backup.status' ORDER BY key").all()));
  hashes['audit_event'] = sha256(JSON.stringify(db.prepare('SELECT * FROM audit_event WHERE seq <= ? ORDER BY seq').all(auditRows)));
  return hashes;
}

export function auditRowCount(db: ReturnType<typeof openDatabase>): number {
  return db.prepare('SELECT count(*) FROM audit_event').pluck().get() as number;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The logical content of a closed store's database, opened read-only with the key. */
export function logicalContentOf(dataDir: string, dataKey: Buffer, auditRows: number): Record<string, string> {
  const db = openDatabase(join(dataDir, 'skinledger.db'), dataKey, { readonly: true });
  try {
    return logicalContent(db, auditRows);
  } finally {
    db.close();
  }
}

export function auditActionsOf(dataDir: string, dataKey: Buffer): string[] {
  const db = openDatabase(join(dataDir, 'skinledger.db'), dataKey, { readonly: true });
  try {
    return db.prepare('SELECT action FROM audit_event ORDER BY seq').pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** Where each sealed part of a backup file starts and ends (its length prefix included). */
export function partsOf(bytes: Buffer): { start: number; end: number }[] {
  const headerLength = bytes.readUInt32BE(8);
  let offset = 8 + 4 + headerLength + 32;
  const parts: { start: number; end: number }[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    parts.push({ start: offset, end: offset + 4 + length });
    offset += 4 + length;
  }
  return parts;
}
