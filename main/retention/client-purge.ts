import type { PurgeReason } from '../../shared/retention/retention-rules';
import type { AuditLog } from '../audit/audit-log';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import type { ClientRowEraser } from './client-erasers';

/**
 * Tables that keep a client's id on purpose after a purge, or only during one. The audit trail
 * outlives a purge (ids only), and so does its index of which rows concern which client.
 */
const keptAfterPurge = new Set(['client_tombstone', 'client_purge_in_progress', 'audit_client_link']);

/** Every table with a client_id column: a purge proves each holds nothing of the client. */
function tablesWithClientId(db: SqliteDatabase): string[] {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  return tables.filter((table) => !keptAfterPurge.has(table) && (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).includes('client_id'));
}

export interface PurgeRecord {
  by: string;
  clientId: string;
  reason: PurgeReason;
  note: string;
  at: string;
}

/**
 * Removes every row of one client in one transaction: the registered erasers (dependants), then
 * the search index, the list order and the client row, then a check that no table with a
 * client_id still names them. The tombstone and the audit row are written in the same
 * transaction, so either the client is gone with a tombstone, or nothing happened.
 * secure_delete overwrites the freed space, and the search index is rebuilt (FTS5 keeps deleted
 * words in its segments until they are merged), so the words are gone from the file too.
 */
export function purgeClientRows(db: SqliteDatabase, audit: AuditLog, erasers: readonly ClientRowEraser[], record: PurgeRecord): number {
  const previousSecureDelete = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    return db.transaction(() => {
      const client = db.prepare('SELECT rowid FROM client WHERE id = ?').get(record.clientId) as { rowid: number } | undefined;
      if (!client) throw new StoreError('NOT_FOUND', 'That client record does not exist.');
      db.prepare('INSERT INTO client_purge_in_progress (client_id) VALUES (?)').run(record.clientId);
      const changesBefore = db.prepare('SELECT total_changes()').pluck().get() as number;
      for (const erase of erasers) erase(db, record.clientId);
      db.prepare('DELETE FROM client_search WHERE rowid = ?').run(client.rowid);
      db.prepare('DELETE FROM client_order WHERE client_rowid = ?').run(client.rowid);
      db.prepare('DELETE FROM client WHERE id = ?').run(record.clientId);
      const removed = (db.prepare('SELECT total_changes()').pluck().get() as number) - changesBefore;
      for (const table of tablesWithClientId(db)) {
        if (db.prepare(`SELECT 1 FROM "${table}" WHERE client_id = ? LIMIT 1`).get(record.clientId)) {
          throw new Error(`purge left rows in ${table}: register an eraser for it in main/app.ts`);
        }
      }
      db.prepare(`INSERT INTO client_search (client_search) VALUES ('optimize')`).run();
      db.prepare('DELETE FROM client_purge_in_progress WHERE client_id = ?').run(record.clientId);
      db.prepare('INSERT INTO client_tombstone (client_id, purged_at, purged_by, reason, note) VALUES (?, ?, ?, ?, ?)').run(record.clientId, record.at, record.by, record.reason, record.note);
      audit.append({ staffId: record.by, action: 'client.purged', entity: 'client', entityId: record.clientId, detail: `reason=${record.reason} rows=${removed}` });
      return removed;
    })();
  } finally {
    db.pragma(`secure_delete = ${previousSecureDelete ? 'ON' : 'OFF'}`);
  }
}
