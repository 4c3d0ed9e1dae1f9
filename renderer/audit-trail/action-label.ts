import { isAuditAction, unknownActionWords } from '../../shared/audit/audit-actions';
import { auditActionWords } from '../i18n/en/audit-actions';

/**
 * An action in the clinic's words ("Opened client record"). An action this version does not know
 * (written by a newer one) is still spelled out in words, never shown as its code.
 */
export function actionLabel(action: string): string {
  return isAuditAction(action) ? auditActionWords[action] : unknownActionWords(action);
}
