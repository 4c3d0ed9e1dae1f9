import type { AuditLog } from '../../audit/audit-log';
import type { CheckResult } from './check-result';

/** The hash chain of the audit trail: an edited, removed or reordered row breaks it. */
export function checkAuditChain(audit: AuditLog): CheckResult {
  const { rows, firstBrokenSeq } = audit.verifyChain();
  if (firstBrokenSeq === null) return { name: 'audit chain', ok: true, detail: `${rows} rows, every link holds` };
  return { name: 'audit chain', ok: false, detail: `broken at row ${firstBrokenSeq} (${rows} rows read up to it)` };
}
