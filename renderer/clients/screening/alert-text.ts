import type { TFunction } from 'i18next';
import type { HistoryIncomplete } from '../../../shared/screening/rules';

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

/** What an incomplete history lacks, in one line: "History incomplete: Pregnant or breastfeeding (declined to answer); …". */
export function incompleteText(t: TFunction, incomplete: HistoryIncomplete): string {
  if (incomplete.noHistory) return t('screening.incomplete.lineNoHistory');
  const gaps = incomplete.missing.map((gap) => t(`screening.incomplete.${gap.state}`, { question: t(`history.questions.${gap.question}.short`) }));
  return t('screening.incomplete.line', { gaps: gaps.join('; ') });
}
