import type { TFunction } from 'i18next';

export interface AlertLike {
  rule: string;
  level: 'stop' | 'caution';
  summary: string;
}

/** A screening alert in the clinic's language, by its rule id; the main side's English otherwise. */
export function alertText(t: TFunction, alert: AlertLike): string {
  return t(`screening.rules.${alert.rule}` as 'screening.rules.pregnant-or-breastfeeding', { defaultValue: alert.summary });
}

export const stopsOf = <A extends AlertLike>(alerts: readonly A[]) => alerts.filter((alert) => alert.level === 'stop');
export const cautionsOf = <A extends AlertLike>(alerts: readonly A[]) => alerts.filter((alert) => alert.level === 'caution');
