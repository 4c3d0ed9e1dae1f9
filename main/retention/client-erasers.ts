import type { SqliteDatabase } from '../store/open-database';

/**
 * Removes one kind of row belonging to a client, inside the purge's transaction. Each feature
 * that stores rows about a client registers one in main/app.ts (consents and photos add theirs),
 * listed before anything their rows point at. The client row and its search index go last, by
 * the purge itself; foreign keys then refuse the purge if a table was forgotten.
 */
export type ClientRowEraser = (db: SqliteDatabase, clientId: string) => void;

/**
 * Removes a client's files (photos, PDFs) after the rows are gone and committed: a file cannot be
 * brought back by a rollback, so it is never removed before the rows are.
 */
export type ClientFileEraser = (clientId: string) => void | Promise<void>;

const sessionsOf = `SELECT id FROM treatment_session WHERE client_id = ?`;

/** The client's records from migrations 001-002, dependants first. */
export const clientRecordErasers: readonly ClientRowEraser[] = [
  (db, clientId) => db.prepare('DELETE FROM screening_override WHERE client_id = ?').run(clientId),
  (db, clientId) => db.prepare('DELETE FROM medical_history WHERE client_id = ?').run(clientId),
  (db, clientId) => db.prepare(`DELETE FROM session_lot WHERE session_id IN (${sessionsOf})`).run(clientId),
  // Allowed by its trigger only while this client is marked as being purged.
  (db, clientId) => db.prepare(`DELETE FROM session_amendment WHERE session_id IN (${sessionsOf})`).run(clientId),
  (db, clientId) => db.prepare('DELETE FROM treatment_session WHERE client_id = ?').run(clientId),
  (db, clientId) => db.prepare('DELETE FROM course WHERE client_id = ?').run(clientId),
];
