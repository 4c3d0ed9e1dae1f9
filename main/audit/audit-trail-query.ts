import { writeFileSync } from 'node:fs';
import type { AuditAction } from '../../shared/audit/audit-actions';
import type { AuditFilters, AuditTrailRow, AuditVerificationView } from '../../shared/contract/audit-channels';
import type { SettingsService } from '../settings/settings-service';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import { csvFile } from '../../shared/csv';
import { auditCsv } from './audit-csv';
import type { AuditLog } from './audit-log';
import { auditWhere, describeFilters, hasFilters } from './audit-trail-filters';

/** A filtered look counts its rows up to here; past it the screen says "more than". */
export const countAtMost = 1000;

interface TrailRow {
  seq: number;
  at: string;
  staff_id: string | null;
  staff_name: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  entity_name: string | null;
  purged: number;
  detail: string;
}

/** The rows of a page, with the names an admin reads instead of ids (a consent's or photo's client). */
const resolvedColumns = `
  e.seq, e.at, e.staff_id, s.name AS staff_name, e.action, e.entity, e.entity_id, e.detail,
  CASE WHEN e.entity = 'client' THEN c.first_name || ' ' || c.last_name WHEN e.entity = 'staff' THEN es.name
    WHEN e.entity = 'consent' THEN cc.first_name || ' ' || cc.last_name WHEN e.entity = 'photo' THEN pc.first_name || ' ' || pc.last_name END AS entity_name,
  t.client_id IS NOT NULL AS purged`;
const resolvedJoins = `
  LEFT JOIN staff s ON s.id = e.staff_id
  LEFT JOIN client c ON e.entity = 'client' AND c.id = e.entity_id
  LEFT JOIN staff es ON e.entity = 'staff' AND es.id = e.entity_id
  LEFT JOIN consent co ON e.entity = 'consent' AND co.id = e.entity_id
  LEFT JOIN client cc ON cc.id = co.client_id
  LEFT JOIN photo ph ON e.entity = 'photo' AND ph.id = e.entity_id
  LEFT JOIN client pc ON pc.id = ph.client_id
  LEFT JOIN client_tombstone t ON e.entity = 'client' AND t.client_id = e.entity_id`;

function toTrailRow(row: TrailRow): AuditTrailRow {
  return {
    seq: row.seq,
    at: row.at,
    staffId: row.staff_id,
    staffName: row.staff_name,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    entityName: row.entity_name,
    purged: row.purged === 1,
    detail: row.detail,
  };
}

/**
 * The audit trail as the admin screen reads it: filtered, paged newest first, exported for an
 * inspector, verified. Reads only; rows are written by AuditLog alone. Looking at the trail is
 * itself written to the trail (once per search, not once per page scrolled).
 */
export class AuditTrailQuery {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
    private readonly settings: SettingsService,
  ) {}

  /** What the filter controls offer: every member of staff (past ones too) and every action written so far. */
  filterChoices(clientId: string | null) {
    const staff = (this.db.prepare('SELECT id, name, active FROM staff ORDER BY name COLLATE NOCASE').all() as { id: string; name: string; active: number }[]).map((row) => ({
      id: row.id,
      name: row.name,
      active: row.active === 1,
    }));
    const actions = this.db.prepare('SELECT DISTINCT action FROM audit_event ORDER BY action').pluck().all() as string[];
    const client = clientId
      ? ((this.db.prepare(`SELECT id, first_name || ' ' || last_name AS name FROM client WHERE id = ?`).get(clientId) as { id: string; name: string } | undefined) ?? null)
      : null;
    return { staff, actions, client };
  }

  /**
   * One page, newest first, starting below `beforeSeq` (keyset paging: a deep page costs what the
   * first does, never a walk over the rows above it). The first page (beforeSeq null) records the
   * look and says how many rows match, without counting the whole trail on every look:
   * unfiltered, the trail is append-only and numbered without gaps (rows are never removed; the
   * verify check reports it if one were), so its length is the span of row numbers; filtered,
   * rows are counted up to `countAtMost` and beyond that the screen says "more than".
   */
  find(by: string, filters: AuditFilters, page: { limit: number; beforeSeq: number | null }) {
    const first = page.beforeSeq === null;
    if (first) this.recordLook(by, 'audit.view', filters);
    // Two statements: SQLite answers a lone max() or min() from the end of the index, but both
    // in one statement scan the whole table.
    const headSeq = (this.db.prepare('SELECT max(seq) FROM audit_event').pluck().get() as number | null) ?? 0;
    const where = auditWhere(filters, first ? headSeq : page.beforeSeq! - 1);
    const rows = this.db
      .prepare(
        `SELECT ${resolvedColumns} FROM (SELECT seq FROM audit_event e ${where.sql} ORDER BY e.seq DESC LIMIT @limit) p
         JOIN audit_event e ON e.seq = p.seq ${resolvedJoins} ORDER BY e.seq DESC`,
      )
      .all({ ...where.params, limit: page.limit + 1 }) as TrailRow[];
    const more = rows.length > page.limit;
    const shown = more ? rows.slice(0, page.limit) : rows;
    let total: number | null = null;
    let totalAtLeast = false;
    if (first && !hasFilters(filters)) {
      const low = (this.db.prepare('SELECT min(seq) FROM audit_event').pluck().get() as number | null) ?? 1;
      total = headSeq === 0 ? 0 : headSeq - low + 1;
    } else if (first) {
      total = this.db
        .prepare(`SELECT count(*) FROM (SELECT 1 FROM audit_event e ${where.sql} LIMIT @cap)`)
        .pluck()
        .get({ ...where.params, cap: countAtMost + 1 }) as number;
      totalAtLeast = total > countAtMost;
      if (totalAtLeast) total = countAtMost;
    }
    return { total, totalAtLeast, headSeq, rows: shown.map(toTrailRow), nextBeforeSeq: more ? shown[shown.length - 1]!.seq : null };
  }

  /** Every row the filters match, newest first, as CSV text. */
  csv(filters: AuditFilters): { text: string; rows: number } {
    const rows = this.matching(filters);
    return { text: auditCsv(rows, this.settings.get().dateFormat), rows: rows.length };
  }

  /**
   * Every row the filters match, newest first, with staff and record names resolved: the same
   * query as the screen's, for the client's record export (which records its own look).
   */
  matching(filters: AuditFilters): AuditTrailRow[] {
    const where = auditWhere(filters);
    return (this.db.prepare(`SELECT ${resolvedColumns} FROM audit_event e ${resolvedJoins} ${where.sql} ORDER BY e.seq DESC`).all(where.params) as TrailRow[]).map(toTrailRow);
  }

  /**
   * Writes the CSV where the admin chose in the save dialog (the only way it reaches a disk),
   * and records the export with how many rows went out.
   */
  writeCsv(by: string, filters: AuditFilters, path: string): { rows: number } {
    const { text, rows } = this.csv(filters);
    try {
      writeFileSync(path, csvFile(text), { encoding: 'utf8', mode: 0o600 });
    } catch (error) {
      throw new StoreError('SAVE_FAILED', 'The CSV file could not be saved there (the drive may be full, read-only or removed). Choose another place.', { cause: error });
    }
    this.recordLook(by, 'audit.export', filters, `rows=${rows}`);
    return { rows };
  }

  /** Walks the whole chain; the check itself is recorded with its outcome. */
  verify(by: string): AuditVerificationView {
    const result = this.audit.verify();
    const ok = result.firstBrokenSeq === null;
    this.audit.append({
      staffId: by,
      action: 'audit.verify',
      entity: 'audit',
      detail: ok ? `result=ok rows=${result.rows}` : `result=broken first=${result.firstBrokenSeq} problem=${result.problem}`,
    });
    return {
      ok,
      rows: result.rows,
      tableRows: result.tableRows,
      firstBrokenSeq: result.firstBrokenSeq,
      problem: result.problem,
      anchoredSeq: result.anchor?.seq ?? null,
      summary: result.summary,
    };
  }

  /** A look at one client's trail is recorded against that client, so it shows in their own trail. */
  private recordLook(by: string, action: AuditAction, filters: AuditFilters, extra = ''): void {
    const detail = [describeFilters(filters), extra].filter(Boolean).join(' ');
    this.audit.append({
      staffId: by,
      action,
      entity: filters.clientId ? 'client' : 'audit',
      entityId: filters.clientId,
      detail,
    });
  }
}
