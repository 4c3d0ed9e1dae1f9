import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openDatabase } from '../../../main/store/open-database';
import { keySlotFileName } from '../../../main/crypto/key-slot-file';
import { databaseFileName } from '../../../main/store/data-folder';
import { Vault } from '../../../main/vault/vault';
import { systemClock } from '../../../main/clock';
import { filesUnder } from '../../support/temp-folder';
import { loginThrottleFileName } from '../../../main/session/login-throttle';

export interface StoreContent {
  /** Every table's rows in key order, one JSON line each (SQLCipher's bytes differ on every write; rows do not). */
  tables: Map<string, string[]>;
  /**
   * SHA-256 of every file in the data folder but the live database: photos, PDFs, whatever
   * features add; for the key file, of its key slots (its audit head and checksum move on with
   * every audit row written since, by design).
   */
  files: Record<string, string>;
}

const liveDatabase = new Set([databaseFileName, `${databaseFileName}-wal`, `${databaseFileName}-shm`, `${databaseFileName}-journal`]);

/**
 * What a closed store holds, read with its recovery key: generic on purpose, so tables and
 * files that later features add (consents, photos) are compared without this helper changing.
 */
export function storeContent(dataDir: string, recoveryKey: string): StoreContent {
  const dataKey = new Vault(dataDir, { clock: systemClock }).unlockWithRecoveryKey(recoveryKey);
  const db = openDatabase(join(dataDir, databaseFileName), dataKey, { readonly: true });
  dataKey.fill(0);
  const tables = new Map<string, string[]>();
  try {
    const list = (db.pragma('table_list') as { schema: string; name: string; type: string; ncol: number; wr: number }[])
      .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const { name, ncol, wr } of list) {
      const order = wr ? Array.from({ length: ncol }, (_, i) => i + 1).join(', ') : 'rowid';
      const rows = db
        .prepare(`SELECT * FROM "${name.replaceAll('"', '""')}" ORDER BY ${order}`)
        .raw(true)
        .all() as unknown[][];
      tables.set(
        name,
        rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : typeof value === 'bigint' ? `${value}n` : value))),
      );
    }
  } finally {
    db.close();
  }
  const files: Record<string, string> = {};
  for (const file of filesUnder(dataDir)) {
    const name = relative(dataDir, file);
    // The wrong-password counts are this PC's sign-in state, not records: a backup leaves them out.
    if (liveDatabase.has(name) || name === loginThrottleFileName) continue;
    files[name] = createHash('sha256')
      .update(name === keySlotFileName ? keySlotsOf(file) : readFileSync(file))
      .digest('hex');
  }
  return { tables, files };
}

function keySlotsOf(file: string): string {
  const body = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return JSON.stringify([body.format, body.version, body.storeId, body.createdAt, body.slots]);
}
