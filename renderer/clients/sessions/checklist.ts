import type { SessionRecordInput } from '../../../shared/clinical/session';
import { daysBetween } from '../client-text';

/** A medical history older than this (days) at the time of treatment counts as not reviewed. */
export const historyReviewDays = 90;

export type ChecklistState = 'done' | 'missing' | 'later';
export const checklistItems = ['consent', 'history', 'photos', 'lots', 'notes', 'aftercare'] as const;
export type ChecklistItem = (typeof checklistItems)[number];

/**
 * What a complete session record has, as the best charting tools check it. Consent lights up
 * when that feature lands; until then it says "not available yet". Before-photos count the
 * session's photos labelled "before" (undefined: not known here, e.g. a session not saved yet).
 */
export function sessionChecklist(
  record: Pick<SessionRecordInput, 'performedAt' | 'products' | 'cartridge' | 'notes' | 'aftercareGiven'>,
  historyDates: readonly string[],
  /**
   * What other screens know: the treatment consent ('done' when valid, 'missing' when needed or
   * stale, 'later' while unknown) and how many before photos the session has (unknown: not saved yet).
   */
  known: { consent?: ChecklistState; beforePhotos?: number } = {},
): Record<ChecklistItem, ChecklistState> {
  const day = record.performedAt.slice(0, 10);
  const reviewed = historyDates.some((recordedAt) => {
    const age = daysBetween(recordedAt.slice(0, 10), day);
    return age >= 0 && age <= historyReviewDays;
  });
  const products = record.products ?? [];
  const lotsComplete = products.length > 0 && products.every((product) => product.lot.trim() !== '') && (!record.cartridge || record.cartridge.lot.trim() !== '');
  return {
    consent: known.consent ?? 'later',
    history: reviewed ? 'done' : 'missing',
    photos: known.beforePhotos === undefined ? 'later' : known.beforePhotos > 0 ? 'done' : 'missing',
    lots: lotsComplete ? 'done' : 'missing',
    notes: (record.notes ?? '').trim() !== '' ? 'done' : 'missing',
    aftercare: record.aftercareGiven ? 'done' : 'missing',
  };
}
