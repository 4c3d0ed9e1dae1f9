import { createHash } from 'node:crypto';
import { isAuditAction, type AuditAction } from '../../shared/audit/audit-actions';
import type { SqliteDatabase } from '../store/open-database';

/** The clinical records whose written content is kept as a hash in their audit row. */
export type RecordKind = 'client' | 'medical-history' | 'session' | 'course' | 'consent' | 'photo';

export interface RecordRef {
  kind: RecordKind;
  id: string;
}

/** How a record is read for its hash: named columns, so a later column does not change it. */
const contentQueries: Record<RecordKind, readonly string[]> = {
  client: [
    `SELECT id, first_name, last_name, preferred_name, date_of_birth, pronouns, sex, phone, email, address, emergency_contact,
       gp, referral_source, fitzpatrick, concerns, marketing_consent, notes, archived, created_at, updated_at FROM client WHERE id = ?`,
  ],
  'medical-history': ['SELECT id, client_id, recorded_at, recorded_by, answers, alerts FROM medical_history WHERE id = ?'],
  session: [
    'SELECT id, client_id, course_id, performed_at, practitioner_id, record, created_at, updated_at, basis, updated_by FROM treatment_session WHERE id = ?',
    'SELECT kind, name, lot, expiry FROM session_lot WHERE session_id = ? ORDER BY kind, name, lot, expiry',
  ],
  course: ['SELECT id, client_id, indication, planned_sessions, interval_weeks, status, started_on, notes, created_at, updated_at FROM course WHERE id = ?'],
  consent: [
    `SELECT id, client_id, template_id, template_major, template_minor, kind, session_id, signed_at, countersigned_by, summary,
       photography, form_json, form_sha256, pdf_sha256, declined FROM consent WHERE id = ?`,
    'SELECT id, withdrawn_at, recorded_by, parts, note FROM consent_withdrawal WHERE consent_id = ? ORDER BY id',
  ],
  photo: [
    `SELECT id, client_id, session_id, view, area, stage, taken_at, taken_at_source, note, width, height, format, sha256,
       source_sha256, preview_sha256, thumbnail_sha256, choices_when_taken, imported_at, imported_by, updated_at,
       consent_override_reason, consent_override_by FROM photo WHERE id = ?`,
  ],
};

/** Words for a record kind in `verify`'s report. */
export const recordKindNames: Record<RecordKind, string> = {
  client: 'client record',
  'medical-history': 'medical history entry',
  session: 'treatment session',
  course: 'treatment course',
  consent: 'consent',
  photo: 'photo record',
};

/** The actions that write a clinical record (those recordWrittenBy names a record for). */
export const recordWriteActions: readonly AuditAction[] = [
  'client.create',
  'client.update',
  'client.archive',
  'client.unarchive',
  'medical-history.create',
  'session.create',
  'session.update',
  'session.amend',
  'course.create',
  'course.status',
  'consent.sign',
  'consent.decline',
  'consent.withdraw',
  'photo.import',
  'photo.update',
];

/**
 * Which record an audit row is written for, if it writes one: the services name the record in
 * the row they append (its id, or "session=…" and the like in the detail), so no caller has to
 * pass it twice. Reads, deletions and everything not clinical are null.
 */
export function recordWrittenBy(action: string, entityId: string | null, detail: string): RecordRef | null {
  const fromDetail = (name: string): string | null => new RegExp(`(?:^| )${name}=([^ ]+)`).exec(detail)?.[1] ?? null;
  const ref = (kind: RecordKind, id: string | null): RecordRef | null => (id ? { kind, id } : null);
  // Narrowed first, so a misspelt case below fails to compile instead of never matching.
  if (!isAuditAction(action)) return null;
  switch (action) {
    case 'client.create':
    case 'client.update':
    case 'client.archive':
    case 'client.unarchive':
      return ref('client', entityId);
    case 'medical-history.create':
      return ref('medical-history', fromDetail('entry'));
    case 'session.create':
    case 'session.update':
    case 'session.amend':
      return ref('session', fromDetail('session'));
    case 'course.create':
    case 'course.status':
      return ref('course', fromDetail('course'));
    case 'consent.sign':
    case 'consent.decline':
    case 'consent.withdraw':
      return ref('consent', entityId);
    case 'photo.import':
    case 'photo.update':
      return ref('photo', entityId);
    default:
      return null;
  }
}

/**
 * SHA-256 of a record as stored now, or null when it is not there (a purge removes records
 * legitimately). Rows are serialised as JSON arrays, blobs as hex.
 */
export function recordContentHash(db: SqliteDatabase, record: RecordRef): string | null {
  const queries = contentQueries[record.kind];
  const digest = createHash('sha256');
  for (const [index, sql] of queries.entries()) {
    const rows = db.prepare(sql).raw(true).all(record.id) as unknown[][];
    if (index === 0 && rows.length === 0) return null;
    digest.update(JSON.stringify(rows, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : typeof value === 'bigint' ? String(value) : value)));
    digest.update('\n');
  }
  return digest.digest('hex');
}
