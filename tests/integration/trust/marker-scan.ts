import type { SqliteDatabase } from '../../../main/store/open-database';

/**
 * Every value of every table, FTS5 shadow tables included (their blobs read as text), searched
 * for each marker, case-insensitively. Returns "table: marker" for each hit.
 */
export function scanForMarkers(db: SqliteDatabase, markers: readonly string[]): string[] {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  const lowered = markers.map((marker) => marker.toLowerCase());
  const hits = new Set<string>();
  for (const table of tables) {
    // The FTS5 virtual table itself is contentless: its words live in its shadow tables, read here.
    if ((db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).pluck().get(table) as string).startsWith('CREATE VIRTUAL TABLE')) continue;
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw(true).iterate() as IterableIterator<unknown[]>) {
      for (const value of row) {
        const text = (Buffer.isBuffer(value) ? value.toString('latin1') : String(value)).toLowerCase();
        lowered.forEach((marker, index) => {
          if (text.includes(marker)) hits.add(`${table}: ${markers[index]}`);
        });
      }
    }
  }
  return [...hits].sort();
}
