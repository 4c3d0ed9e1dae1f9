import type { SqliteDatabase } from '../store/open-database';
import type { AuditHead } from './audit-anchor';
import { auditColumns, genesisHash, hashOf } from './audit-row';
import { timeInWords } from './anchor-check';
import { recordContentHash, recordKindNames, recordWriteActions, recordWrittenBy, type RecordKind } from './record-content';

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

type RawRow = [number, string, string | null, string, string | null, string | null, string, string, string, string | null];

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
    const [seq, at, staffId, action, entity, entityId, detail, prevHash, hash, contentHash] = row;
    if (seq < expectedSeq) broken = { seq, problem: 'unexpected' };
    else if (seq > expectedSeq) broken = { seq: expectedSeq, problem: 'missing' };
    else if (hashOf(prevHash, seq, at, staffId, action, entity, entityId, detail, contentHash) !== hash) broken = { seq, problem: 'changed' };
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
  const anchorLine = anchor ? `audit head anchored at seq ${anchor.seq}; table has ${tableRows} rows` : `audit head not anchored${anchorNote ? ` (${anchorNote})` : ''}; table has ${tableRows} rows`;
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

export interface ChangedRecord {
  kind: RecordKind;
  id: string;
  /** When the latest audit entry for it was written: the record was changed after that. */
  since: string;
}

export interface RecordContentVerification {
  /** Records compared with the content hash of their latest audit entry. */
  checked: number;
  /** Records that no longer match it: changed without the app (a database page put back). */
  changed: ChangedRecord[];
  /** Records last written before content hashes were kept: nothing to compare with. */
  skippedOlder: number;
  /** Records the trail hashed that are gone (a purge removes them with their own entry). */
  gone: number;
  summary: string;
}

/**
 * Every clinical record against the hash its latest audit entry keeps of it. SQLCipher
 * authenticates a page with its number, not its version, so one page copied back from an older
 * copy of the same store passes the page check and leaves the chain intact; the record on it no
 * longer matches what the trail says was written last. Run on a trail that verified.
 */
export function verifyRecordContents(db: SqliteDatabase): RecordContentVerification {
  const latest = new Map<string, { kind: RecordKind; id: string; at: string; hash: string }>();
  const unhashed = new Set<string>();
  const actions = recordWriteActions.map((action) => `'${action}'`).join(', ');
  const rows = db.prepare(`SELECT at, action, entity_id, detail, content_hash FROM audit_event WHERE action IN (${actions}) ORDER BY seq`).raw(true).iterate() as IterableIterator<
    [string, string, string | null, string, string | null]
  >;
  for (const [at, action, entityId, detail, contentHash] of rows) {
    const record = recordWrittenBy(action, entityId, detail);
    if (!record) continue;
    const key = `${record.kind}:${record.id}`;
    if (contentHash) latest.set(key, { ...record, at, hash: contentHash });
    else unhashed.add(key);
  }
  const changed: ChangedRecord[] = [];
  let gone = 0;
  for (const entry of latest.values()) {
    const now = recordContentHash(db, entry);
    if (now === null) gone++;
    else if (now !== entry.hash) changed.push({ kind: entry.kind, id: entry.id, since: entry.at });
  }
  const skippedOlder = [...unhashed].filter((key) => !latest.has(key)).length;
  const checked = latest.size - gone;
  const counts =
    `${checked} record${checked === 1 ? '' : 's'} compared with their latest audit entry` +
    `; ${skippedOlder} written before content hashes were kept, skipped` +
    (gone > 0 ? `; ${gone} since removed (purged), skipped` : '');
  const summary =
    changed.length === 0
      ? `every record matches; ${counts}`
      : `${changed.map((c) => `${recordKindNames[c.kind]} ${c.id.slice(0, 8)} changed outside the app after ${timeInWords(c.since)}`).join('; ')}; ${counts}`;
  return { checked, changed, skippedOlder, gone, summary };
}
