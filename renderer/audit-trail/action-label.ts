import type { TFunction } from 'i18next';

/** An action in the clinic's words ("Opened client record"); the stored name when there is no wording yet. */
export function actionLabel(t: TFunction, action: string): string {
  const text = t(`auditTrail.actions.${action}` as 'auditTrail.actions.client.view', { defaultValue: action });
  return typeof text === 'string' ? text : action;
}
