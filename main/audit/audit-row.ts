import { hash } from 'node:crypto';

/** One row of the audit trail as stored. */
export interface AuditRow {
  seq: number;
  at: string;
  staff_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  detail: string;
  /** SHA-256 of the clinical record as this row wrote it; null for other rows and older ones. */
  content_hash: string | null;
  prev_hash: string;
  hash: string;
}

/** The previous hash of the first row: the chain starts from nothing. */
export const genesisHash = '0'.repeat(64);

/** The columns in the order the verifier reads them raw (no object per row). */
export const auditColumns = 'seq, at, staff_id, action, entity, entity_id, detail, prev_hash, hash, content_hash';

/**
 * SHA-256(previous hash ‖ canonical row). The row number is inside the hash, so a row moved to
 * another number no longer matches, and the previous hash links each row to the one before.
 */
export function rowHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  return hashOf(prevHash, row.seq, row.at, row.staff_id, row.action, row.entity, row.entity_id, row.detail, row.content_hash);
}

export function hashOf(
  prevHash: string,
  seq: number,
  at: string,
  staffId: string | null,
  action: string,
  entity: string | null,
  entityId: string | null,
  detail: string,
  contentHash: string | null = null,
): string {
  // A row without a content hash is hashed exactly as before the column existed, so older rows
  // still verify; a row with one cannot lose it without breaking its own hash.
  const fields: unknown[] = [seq, at, staffId, action, entity, entityId, detail];
  if (contentHash !== null) fields.push(contentHash);
  const canonical = JSON.stringify(fields);
  // One-shot hash of the concatenation: the same digest as update(prev).update(canonical), with
  // no hash object per row (the verifier runs this 100,000 times).
  return hash('sha256', prevHash + canonical);
}
