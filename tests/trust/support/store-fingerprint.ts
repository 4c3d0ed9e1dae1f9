import { createHash } from 'node:crypto';
import type { SqliteDatabase } from '../../../main/store/open-database';

/**
 * A logical dump of every table (rows in rowid order, every column), hashed per table. Compared
 * before and after a call; file bytes would not do, SQLCipher re-encrypts pages with fresh IVs.
 */
export function tableHashes(db: SqliteDatabase): Map<string, string> {
  // Virtual tables are skipped: their shadow tables (the full-text index's b-trees) are listed too.
  const tables = (db.pragma('table_list') as { schema: string; name: string; type: string; ncol: number; wr: number }[])
    .filter((t) => t.schema === 'main' && t.type === 'table')
    .sort((a, b) => a.name.localeCompare(b.name));
  const hashes = new Map<string, string>();
  for (const table of tables) {
    const hash = createHash('sha256');
    const order = table.wr ? Array.from({ length: table.ncol }, (_, i) => i + 1).join(', ') : 'rowid';
    const select = `SELECT * FROM "${table.name.replaceAll('"', '""')}" ORDER BY ${order}`;
    for (const row of db.prepare(select).raw(true).iterate() as IterableIterator<unknown[]>) {
      hash.update(JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : Buffer.isBuffer(value) ? value.toString('hex') : value)));
      hash.update('\n');
    }
    hashes.set(table.name, hash.digest('hex'));
  }
  return hashes;
}

/** Cheap signs of any write on this connection: rows changed (even if rolled back) and schema. */
export function writeCounters(db: SqliteDatabase): string {
  // One statement (the connection keeps it compiled) instead of db.pragma, which compiles its
  // PRAGMA at every call: the fuzzer asks twice per payload.
  const [changes, schema] = db.prepare('SELECT total_changes(), schema_version FROM pragma_schema_version').raw(true).get() as [number, number];
  return `${changes}:${schema}`;
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name));
}
