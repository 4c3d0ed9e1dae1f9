import { auditActionInWords } from '../../shared/audit/audit-action-words';

/**
 * An action in the clinic's words ("Opened client record"). An action this version does not know
 * (written by a newer one) is still spelled out in words, never shown as its code.
 */
export function actionLabel(action: string): string {
  return auditActionInWords(action);
}
