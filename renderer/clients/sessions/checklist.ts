import type { SessionRecordInput } from '../../../shared/clinical/session';
import { daysBetween } from '../client-text';

/** A medical history older than this (days) at the time of treatment counts as not reviewed. */
export const historyReviewDays = 90;

export type ChecklistState = 'done' | 'missing' | 'later';
export const checklistItems = ['consent', 'history', 'photos', 'lots', 'notes', 'aftercare'] as const;
export type ChecklistItem = (typeof checklistItems)[number];

/**
 * What a complete session record has, as the best charting tools check it. Consent and
 * before-photos light up when those features land; until then they say "not available yet".
 */
export function sessionChecklist(
  record: Pick<SessionRecordInput, 'performedAt' | 'products' | 'cartridge' | 'notes' | 'aftercareGiven'>,
  historyDates: readonly string[],
  /** The treatment consent: 'done' when valid, 'missing' when needed or stale, 'later' while unknown. */
  consent: ChecklistState = 'later',
): Record<ChecklistItem, ChecklistState> {
  const day = record.performedAt.slice(0, 10);
  const reviewed = historyDates.some((recordedAt) => {
    const age = daysBetween(recordedAt.slice(0, 10), day);
    return age >= 0 && age <= historyReviewDays;
  });
  const products = record.products ?? [];
  const lotsComplete = products.length > 0 && products.every((product) => product.lot.trim() !== '') && (!record.cartridge || record.cartridge.lot.trim() !== '');
  return {
    consent,
    history: reviewed ? 'done' : 'missing',
    photos: 'later',
    lots: lotsComplete ? 'done' : 'missing',
    notes: (record.notes ?? '').trim() !== '' ? 'done' : 'missing',
    aftercare: record.aftercareGiven ? 'done' : 'missing',
  };
}
