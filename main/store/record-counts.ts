import type { SqliteDatabase } from './open-database';

/**
 * The summary counts, by the tables that hold them. Clients, sessions, consents and photos
 * arrive with later features; until their table exists the count is 0.
 */
const countedTables = {
  clients: 'client',
  sessions: 'treatment_session',
  consents: 'consent',
  photos: 'photo',
  audit: 'audit_event',
} as const;

export type RecordCounts = Record<keyof typeof countedTables, number>;

export function countRecords(db: SqliteDatabase): RecordCounts {
  const existing = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((row) => row.name));
  const counts = {} as RecordCounts;
  for (const [label, table] of Object.entries(countedTables) as [keyof RecordCounts, string][]) {
    // Table names come from the constant above, never from input.
    counts[label] = existing.has(table) ? (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n : 0;
  }
  return counts;
}

export function formatCounts(counts: RecordCounts): string {
  return `clients=${counts.clients} sessions=${counts.sessions} consents=${counts.consents} photos=${counts.photos} audit=${counts.audit}`;
}
