import type { TFunction } from 'i18next';
import { ageToday } from './client-text';

/** "02/03/1990 · 35" for lists and search results, or the empty mark without a date of birth. */
export function bornAndAge(t: TFunction, day: (iso: string) => string, dateOfBirth: string | null): string {
  if (!dateOfBirth) return t('common.none');
  const age = ageToday(dateOfBirth);
  return age === null ? day(dateOfBirth) : t('clients.bornAge', { date: day(dateOfBirth), age });
}
