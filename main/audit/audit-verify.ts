import type { SqliteDatabase } from '../store/open-database';
import type { AuditHead } from './audit-anchor';
import { auditColumns, genesisHash, hashOf } from './audit-row';

/**
 * What is wrong at the first broken row:
 * - changed: the row does not match its own hash (edited in place);
 * - unlinked: the row matches its hash but not the row before it (a row inserted, moved, or an
 *   earlier row rewritten with a fresh hash);
 * - missing: a row number is skipped (rows deleted);
 * - unexpected: a row number that can never have been issued (below 1);
 * - truncated: the trail ends before the row anchored in the key file (rows cut off the end);
 * - rewritten: the anchored row is there but with another hash (the chain recomputed).
 */
export type AuditProblem = 'changed' | 'unlinked' | 'missing' | 'unexpected' | 'truncated' | 'rewritten';

export interface AuditVerification {
  /** Rows read, up to and including the first broken one. */
  rows: number;
  /** Rows in the table. */
  tableRows: number;
  /** The first row number where the trail is wrong; null when every check holds. */
  firstBrokenSeq: number | null;
  problem: AuditProblem | null;
  /** The head anchored outside the database; null when none was (yet), or it could not be read. */
  anchor: AuditHead | null;
  /** One line for `verify` and the admin screen, e.g. "… audit head anchored at seq S; table has T rows". */
  summary: string;
}

type RawRow = [number, string, string | null, string, string | null, string | null, string, string, string];

/**
 * Walks the whole trail in row order, recomputing every hash (raw rows, one SHA-256 each:
 * 100,000 rows take a few hundred milliseconds), then compares its end with the anchor.
 */
export function verifyAuditTrail(db: SqliteDatabase, anchor: AuditHead | null, anchorNote = ''): AuditVerification {
  const tableRows = (db.prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number }).n;
  let prev = genesisHash;
  let expectedSeq = 1;
  let rows = 0;
  let anchoredHash: string | null = null;
  let broken: { seq: number; problem: AuditProblem } | null = null;
  const statement = db.prepare(`SELECT ${auditColumns} FROM audit_event ORDER BY seq`).raw(true);
  for (const row of statement.iterate() as IterableIterator<RawRow>) {
    rows++;
    const [seq, at, staffId, action, entity, entityId, detail, prevHash, hash] = row;
    if (seq < expectedSeq) broken = { seq, problem: 'unexpected' };
    else if (seq > expectedSeq) broken = { seq: expectedSeq, problem: 'missing' };
    else if (hashOf(prevHash, seq, at, staffId, action, entity, entityId, detail) !== hash) broken = { seq, problem: 'changed' };
    else if (prevHash !== prev) broken = { seq, problem: 'unlinked' };
    if (broken) break;
    if (anchor && seq === anchor.seq) anchoredHash = hash;
    prev = hash;
    expectedSeq++;
  }
  const lastSeq = expectedSeq - 1;
  if (!broken && anchor) {
    if (anchor.seq > lastSeq) broken = { seq: lastSeq + 1, problem: 'truncated' };
    else if (anchoredHash !== anchor.hash) broken = { seq: anchor.seq, problem: 'rewritten' };
  }
  const anchorLine = anchor
    ? `audit head anchored at seq ${anchor.seq}; table has ${tableRows} rows`
    : `audit head not anchored${anchorNote ? ` (${anchorNote})` : ''}; table has ${tableRows} rows`;
  const summary = broken ? `${describe(broken.seq, broken.problem, anchor)}; ${anchorLine}` : `every link holds; ${anchorLine}`;
  return { rows, tableRows, firstBrokenSeq: broken?.seq ?? null, problem: broken?.problem ?? null, anchor, summary };
}

function describe(seq: number, problem: AuditProblem, anchor: AuditHead | null): string {
  switch (problem) {
    case 'changed':
      return `row ${seq} does not match its hash: it was edited`;
    case 'unlinked':
      return `row ${seq} does not follow row ${seq - 1}: a row was inserted or moved there, or an earlier row rewritten`;
    case 'missing':
      return `row ${seq} is missing: rows were deleted`;
    case 'unexpected':
      return `row ${seq} cannot have been written by SkinLedger: rows were inserted`;
    case 'truncated':
      return `rows ${seq} to ${anchor?.seq ?? seq} are missing from the end: the trail was cut short`;
    case 'rewritten':
      return `row ${seq} is not the row anchored in the key file: the trail was rewritten`;
  }
}
