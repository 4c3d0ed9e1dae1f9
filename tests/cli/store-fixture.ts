import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openServices, type Services } from '../../main/app';
import { systemClock } from '../../main/clock';
import { readKeySlotFile, verifyKeySlotFile } from '../../main/crypto/key-slot-file';
import { nameTagFor } from '../../main/crypto/key-slots';
import { Vault } from '../../main/vault/vault';

/**
 * Data keys this process has already unwrapped, by store, name, password and the exact staff
 * slots they came from. Every CLI run pays production scrypt, on purpose; the test's own look
 * inside the store between runs need not pay it again while the slot it opened is unchanged.
 */
const unwrapped = new Map<string, { dataKey: Buffer; staffId: string }>();

/** Opens a store made by `init` in this process, as its admin, to arrange what a test needs. */
export async function openAsStaff(dataDir: string, name: string, password: string): Promise<{ services: Services; staffId: string; dataKey: Buffer }> {
  const known = unwrappedBefore(dataDir, name, password) ?? (await unwrap(dataDir, name, password));
  // Callers wipe the key they are given: each gets its own copy.
  const dataKey = Buffer.from(known.dataKey);
  // New slots are made at production cost: the CLI under test accepts no other.
  const services = openServices(dataDir, dataKey, { clock: systemClock });
  return { services, staffId: known.staffId, dataKey };
}

function slotsMemo(dataDir: string, name: string, password: string): string {
  const file = readKeySlotFile(join(dataDir, 'keyslots.json'));
  const tag = nameTagFor(file.storeId, name);
  return JSON.stringify([dataDir, name, password, file.slots.filter((slot) => slot.kind === 'staff' && slot.nameTag === tag)]);
}

/** The key unwrapped before from these very slots, if the key file's MAC still holds under it. */
function unwrappedBefore(dataDir: string, name: string, password: string): { dataKey: Buffer; staffId: string } | undefined {
  try {
    const known = unwrapped.get(slotsMemo(dataDir, name, password));
    if (known && verifyKeySlotFile(readKeySlotFile(join(dataDir, 'keyslots.json')), known.dataKey) === 'authentic') return known;
  } catch {
    // A damaged or altered file: the vault below says what is wrong, as it would have anyway.
  }
  return undefined;
}

async function unwrap(dataDir: string, name: string, password: string): Promise<{ dataKey: Buffer; staffId: string }> {
  const vault = new Vault(dataDir, { clock: systemClock });
  const opened = await vault.unlockWithPassword(name, password);
  const known = { dataKey: Buffer.from(opened.dataKey), staffId: opened.staffId };
  opened.dataKey.fill(0);
  // Keyed by the slots as they are after the sign-in, which may have re-sealed one.
  unwrapped.set(slotsMemo(dataDir, name, password), known);
  return known;
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
