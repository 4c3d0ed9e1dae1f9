import type { AuditLog } from '../../audit/audit-log';
import type { CheckResult } from './check-result';

/**
 * The hash chain of the audit trail: an edited, removed or reordered row breaks it, and a trail
 * cut short below the head anchored in the key file is caught too.
 */
export function checkAuditChain(audit: AuditLog): CheckResult {
  const result = audit.verify();
  return { name: 'audit chain', ok: result.firstBrokenSeq === null, detail: result.summary };
}
