import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import type { AuditHead } from './audit-anchor';

/**
 * Why the database cannot be the one the key file was last anchored with:
 * - anchor-removed: the database says it has been anchored, but the key file has no anchor;
 * - cut-off: the trail ends before the anchored row (an older copy, or a lost `-wal` file);
 * - rewritten: the anchored row is there with another hash.
 */
export type AnchorMismatch = 'anchor-removed' | 'cut-off' | 'rewritten';

export interface AnchorCheck {
  mismatch: AnchorMismatch | null;
  /** When the last row this database still has was written; null for an empty trail. */
  lastRowAt: string | null;
}

/**
 * Compares the end of the trail with the anchor, reading only (a few indexed lookups, run at every
 * open, before the schema is brought up to date: nothing is written to a store that fails it).
 */
export function checkTrailAgainstAnchor(db: SqliteDatabase, anchor: AuditHead | null): AnchorCheck {
  const last = db.prepare('SELECT seq, at FROM audit_event ORDER BY seq DESC LIMIT 1').get() as { seq: number; at: string } | undefined;
  const lastRowAt = last?.at ?? null;
  if (!anchor) return { mismatch: anchoredSince(db) === null ? null : 'anchor-removed', lastRowAt };
  if (!last || last.seq < anchor.seq) return { mismatch: 'cut-off', lastRowAt };
  const row = db.prepare('SELECT hash FROM audit_event WHERE seq = ?').get(anchor.seq) as { hash: string } | undefined;
  return { mismatch: row?.hash === anchor.hash ? null : 'rewritten', lastRowAt };
}

/** The row from which on the store has been anchored; null before the first anchor (or the step that records it). */
function anchoredSince(db: SqliteDatabase): number | null {
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store_anchor'`).get();
  if (!table) return null;
  const row = db.prepare('SELECT since_seq FROM store_anchor WHERE id = 1').get() as { since_seq: number } | undefined;
  return row?.since_seq ?? null;
}

/** "25 November 2026 at 09:00", in this computer's time zone (the clinic's). */
export function timeInWords(iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(when);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(when);
  return `${day} at ${time}`;
}

/** The sentence the store-error screen and the CLI show for a database older than its anchor. */
export function recordsMissingMessage(lastRowAt: string | null): string {
  const since = lastRowAt ? timeInWords(lastRowAt) : 'the store was set up';
  return (
    `Records written after ${since} are missing — restore from a backup. ` +
    'The records database is older than this store’s key file says (it was replaced with an older copy, or lost its last changes). Nothing was changed.'
  );
}

/** Throws the store-error for a database that does not reach its anchor; writes nothing. */
export function refuseRolledBackTrail(db: SqliteDatabase, anchor: AuditHead | null): void {
  const check = checkTrailAgainstAnchor(db, anchor);
  if (check.mismatch) throw new StoreError('DATABASE_UNREADABLE', recordsMissingMessage(check.lastRowAt));
}
