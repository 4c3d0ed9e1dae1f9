import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../store/open-database';

export interface AuditEntry {
  staffId: string | null;
  action: string;
  entity?: string | null;
  entityId?: string | null;
  /** A short note for an inspector. Never health data: ids, field names, counts. */
  detail?: string;
}

export interface AuditRow {
  seq: number;
  at: string;
  staff_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

const genesis = '0'.repeat(64);

export function rowHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  const canonical = JSON.stringify([row.seq, row.at, row.staff_id, row.action, row.entity, row.entity_id, row.detail]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/**
 * The audit trail: append-only (the table's triggers refuse changes) and hash-chained, so an
 * edit, a removal or a reordering breaks the chain at the first row touched.
 */
export class AuditLog {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly clock: Clock,
  ) {}

  append(entry: AuditEntry): AuditRow {
    const last = this.db.prepare('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    const base = {
      seq: (last?.seq ?? 0) + 1,
      at: this.clock.now().toISOString(),
      staff_id: entry.staffId,
      action: entry.action,
      entity: entry.entity ?? null,
      entity_id: entry.entityId ?? null,
      detail: entry.detail ?? '',
    };
    const prevHash = last?.hash ?? genesis;
    const row: AuditRow = { ...base, prev_hash: prevHash, hash: rowHash(prevHash, base) };
    this.db
      .prepare(
        `INSERT INTO audit_event (seq, at, staff_id, action, entity, entity_id, detail, prev_hash, hash)
         VALUES (@seq, @at, @staff_id, @action, @entity, @entity_id, @detail, @prev_hash, @hash)`,
      )
      .run(row);
    return row;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number }).n;
  }

  /** Walks the chain; returns the first row whose link or hash is wrong, or null if all hold. */
  verifyChain(): { rows: number; firstBrokenSeq: number | null } {
    let prev = genesis;
    let expectedSeq = 1;
    let rows = 0;
    for (const row of this.db.prepare('SELECT * FROM audit_event ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
      rows++;
      const { prev_hash, hash, ...base } = row;
      if (row.seq !== expectedSeq || prev_hash !== prev || rowHash(prev, base) !== hash) {
        return { rows, firstBrokenSeq: row.seq };
      }
      prev = hash;
      expectedSeq++;
    }
    return { rows, firstBrokenSeq: null };
  }

  recent(limit: number): AuditRow[] {
    return this.db.prepare('SELECT * FROM audit_event ORDER BY seq DESC LIMIT ?').all(limit) as AuditRow[];
  }
}
