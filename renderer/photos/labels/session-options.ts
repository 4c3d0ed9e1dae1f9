import type { TFunction } from 'i18next';
import type { TreatmentSessionView } from '../../../shared/clinical/records';
import type { Dates } from '../../hooks/useDates';

/** The client's sessions as choices, numbered oldest first as the photo records number them; newest listed first. */
export function sessionOptions(t: TFunction, dates: Dates, sessions: readonly TreatmentSessionView[]): { value: string; label: string }[] {
  const ordered = [...sessions].sort((a, b) => a.record.performedAt.localeCompare(b.record.performedAt));
  return ordered.map((session, index) => ({ value: session.id, label: t('photos.labels.sessionOption', { number: index + 1, date: dates.dayOf(session.record.performedAt) }) })).reverse();
}
