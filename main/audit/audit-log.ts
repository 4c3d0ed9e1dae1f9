import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { AuditAction } from '../../shared/audit/audit-actions';
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import { AuditAnchor, type AuditAnchorStore, type CheckpointWitness } from './audit-anchor';
import { genesisHash, rowHash, type AuditRow } from './audit-row';
import { verifyAuditTrail, verifyRecordContents, type AuditVerification, type RecordContentVerification } from './audit-verify';
import { recordContentHash, recordWrittenBy } from './record-content';

export { rowHash, type AuditRow } from './audit-row';
export type { AuditVerification, RecordContentVerification } from './audit-verify';

export interface AuditEntry {
  staffId: string | null;
  /** One of the actions the audit trail screen has words for. */
  action: AuditAction;
  entity?: string | null;
  entityId?: string | null;
  /** A short note for an inspector. Never health data: ids, field names, counts. */
  detail?: string;
}

export interface AuditLogOptions {
  /** Told the head at each session checkpoint: the copies kept outside the data folder. */
  witness?: CheckpointWitness;
}

/**
 * The audit trail: append-only (the table's triggers refuse changes) and hash-chained, so an
 * edit, a removal or a reordering breaks the chain at the first row touched. With an anchor
 * store (the vault's key file) the head is also kept outside the database, so rows cut off the
 * end are caught too.
 */
export class AuditLog {
  private readonly anchor: AuditAnchor | null;
  private statements: { head: Statement<[]>; insert: Statement<[AuditRow]> } | null = null;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly clock: Clock,
    private readonly anchorStore: AuditAnchorStore | null = null,
    options: AuditLogOptions = {},
  ) {
    this.anchor = anchorStore ? new AuditAnchor(db, anchorStore, clock, options.witness ?? null) : null;
  }

  append(entry: AuditEntry): AuditRow {
    const { head, insert } = this.prepared();
    const last = head.get() as { seq: number; hash: string } | undefined;
    const base = {
      seq: (last?.seq ?? 0) + 1,
      at: this.clock.now().toISOString(),
      staff_id: entry.staffId,
      action: entry.action,
      entity: entry.entity ?? null,
      entity_id: entry.entityId ?? null,
      detail: entry.detail ?? '',
      content_hash: null as string | null,
    };
    // Appended after the write it records, inside the same transaction: the record as written.
    const record = recordWrittenBy(base.action, base.entity_id, base.detail);
    if (record) base.content_hash = recordContentHash(this.db, record);
    const prevHash = last?.hash ?? genesisHash;
    const row: AuditRow = { ...base, prev_hash: prevHash, hash: rowHash(prevHash, base) };
    insert.run(row);
    this.anchor?.noteAppend(row.action);
    return row;
  }

  /** Anchors rows committed since the last anchor, if any (as the store closes). */
  anchorIfDue(): void {
    this.anchor?.anchorIfDue();
  }

  /** Anchors the committed head now (before a backup, say); nothing without an anchor store. */
  anchorHead(): void {
    this.anchor?.anchorNow();
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number }).n;
  }

  /** The whole check: every row's hash and link, then the end of the trail against the anchor. */
  verify(): AuditVerification {
    if (!this.anchorStore) return verifyAuditTrail(this.db, null, 'no anchor store');
    try {
      return verifyAuditTrail(this.db, this.anchorStore.readAuditHead());
    } catch (error) {
      // A damaged key file is reported by its own check; the chain itself can still be walked.
      if (error instanceof StoreError) return verifyAuditTrail(this.db, null, 'the key file could not be read');
      throw error;
    }
  }

  /** Every clinical record that is still there, against the content hash its latest audit row keeps. */
  verifyRecords(): RecordContentVerification {
    return verifyRecordContents(this.db);
  }

  /** The first row whose hash, link or number is wrong (or cut off below the anchor), or null. */
  verifyChain(): { rows: number; firstBrokenSeq: number | null } {
    const { rows, firstBrokenSeq } = this.verify();
    return { rows, firstBrokenSeq };
  }

  recent(limit: number): AuditRow[] {
    return this.db.prepare('SELECT * FROM audit_event ORDER BY seq DESC LIMIT ?').all(limit) as AuditRow[];
  }

  // Prepared once: an append is on the path of nearly every action, reads included.
  private prepared() {
    this.statements ??= {
      head: this.db.prepare<[]>('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1'),
      insert: this.db.prepare<[AuditRow]>(
        `INSERT INTO audit_event (seq, at, staff_id, action, entity, entity_id, detail, content_hash, prev_hash, hash)
         VALUES (@seq, @at, @staff_id, @action, @entity, @entity_id, @detail, @content_hash, @prev_hash, @hash)`,
      ),
    };
    return this.statements;
  }
}
