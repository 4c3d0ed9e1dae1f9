import { hashOf, type AuditRow } from '../../../main/audit/audit-row';
import type { SqliteDatabase } from '../../../main/store/open-database';

/**
 * What an attacker holding the data key could do to the audit table with plain SQL. Each
 * attack first drops the append-only triggers, as such an attacker would.
 */
export function dropTriggers(db: SqliteDatabase): void {
  db.exec('DROP TRIGGER audit_event_refuses_update; DROP TRIGGER audit_event_refuses_delete;');
}

function row(db: SqliteDatabase, seq: number): AuditRow {
  return db.prepare('SELECT * FROM audit_event WHERE seq = ?').get(seq) as AuditRow;
}

function rehash(r: Omit<AuditRow, 'hash'>): string {
  return hashOf(r.prev_hash, r.seq, r.at, r.staff_id, r.action, r.entity, r.entity_id, r.detail, r.content_hash);
}

/** Changes what a row says, leaving its hash as it was. */
export function editRow(db: SqliteDatabase, seq: number): void {
  db.prepare(`UPDATE audit_event SET detail = 'nothing to see here' WHERE seq = ?`).run(seq);
}

/** Changes what a row says and gives it a matching hash (the next row's link then breaks). */
export function editAndRehashRow(db: SqliteDatabase, seq: number): void {
  editRow(db, seq);
  db.prepare('UPDATE audit_event SET hash = ? WHERE seq = ?').run(rehash(row(db, seq)), seq);
}

/** Changes a row and recomputes the whole chain after it: only the anchor can tell. */
export function rewriteChainFrom(db: SqliteDatabase, seq: number): void {
  editRow(db, seq);
  let prev = seq === 1 ? '0'.repeat(64) : row(db, seq - 1).hash;
  const update = db.prepare('UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?');
  const rows = db.prepare('SELECT * FROM audit_event WHERE seq >= ? ORDER BY seq').all(seq) as AuditRow[];
  for (const r of rows) {
    const hash = rehash({ ...r, prev_hash: prev });
    update.run(prev, hash, r.seq);
    prev = hash;
  }
}

export function deleteRow(db: SqliteDatabase, seq: number): void {
  db.prepare('DELETE FROM audit_event WHERE seq = ?').run(seq);
}

/**
 * Slips a forged row in at `seq`, renumbering the rows from there up by one. The forged row
 * itself is perfect (right link, right hash): the break shows at the genuine row it displaced.
 * With `carelessHash` the forged row carries a made-up hash and breaks at once.
 */
export function insertRow(db: SqliteDatabase, seq: number, options: { carelessHash?: boolean } = {}): void {
  // Two steps through negative numbers: a primary key cannot be shifted up in place.
  db.prepare('UPDATE audit_event SET seq = -seq - 1 WHERE seq >= ?').run(seq);
  db.prepare('UPDATE audit_event SET seq = -seq WHERE seq < 0').run();
  const prevHash = seq === 1 ? '0'.repeat(64) : row(db, seq - 1).hash;
  const forged = {
    seq,
    at: '2026-11-25T09:00:00.000Z',
    staff_id: null,
    action: 'client.view',
    entity: 'client',
    entity_id: 'someone-else',
    detail: '',
    content_hash: null,
    prev_hash: prevHash,
  };
  const hash = options.carelessHash ? 'f'.repeat(64) : rehash(forged);
  db.prepare(
    `INSERT INTO audit_event (seq, at, staff_id, action, entity, entity_id, detail, prev_hash, hash)
     VALUES (@seq, @at, @staff_id, @action, @entity, @entity_id, @detail, @prev_hash, @hash)`,
  ).run({ ...forged, hash });
}

/** Swaps the contents of rows `seq` and `seq + 1` (hashes included), keeping the numbers. */
export function swapRows(db: SqliteDatabase, seq: number): void {
  const a = row(db, seq);
  const b = row(db, seq + 1);
  const update = db.prepare(
    `UPDATE audit_event SET at = @at, staff_id = @staff_id, action = @action, entity = @entity, entity_id = @entity_id,
       detail = @detail, prev_hash = @prev_hash, hash = @hash WHERE seq = @target`,
  );
  update.run({ ...b, target: seq });
  update.run({ ...a, target: seq + 1 });
}

/** Cuts the last `count` rows off the end. */
export function truncateTail(db: SqliteDatabase, count: number): void {
  db.prepare('DELETE FROM audit_event WHERE seq > (SELECT max(seq) FROM audit_event) - ?').run(count);
}
