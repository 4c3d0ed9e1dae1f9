import type { SessionBasis } from '../../../shared/clinical/exceptions';
import type { SessionRecordInput } from '../../../shared/clinical/session';
import { daysBetween } from '../client-text';

/** A medical history older than this (days) at the time of treatment counts as not reviewed. */
export const historyReviewDays = 90;

/**
 * Each item is done, missing, done under an override (consent), not recorded (a session saved
 * before the consent was kept with it), or still being read ("checking").
 */
export type ChecklistState = 'done' | 'missing' | 'override' | 'notRecorded' | 'checking';
export const checklistItems = ['consent', 'history', 'photos', 'lots', 'notes', 'aftercare'] as const;
export type ChecklistItem = (typeof checklistItems)[number];

/** A saved session's consent item: from what the session stored, never from today's status. */
export function savedConsentState(basis: SessionBasis | null): ChecklistState {
  if (!basis) return 'notRecorded';
  if (basis.consent) return 'done';
  return basis.exceptions.some((exception) => exception.kind === 'no-consent') ? 'override' : 'missing';
}

/**
 * What a complete session record has, as the best charting tools check it. The consent and the
 * before photos are known by the caller (the form: today's consent and the photos taken that
 * day; a saved session: the consent it stored and its photos); undefined while being read.
 */
export function sessionChecklist(
  record: Pick<SessionRecordInput, 'performedAt' | 'products' | 'cartridge' | 'notes' | 'aftercareGiven'>,
  historyDates: readonly string[],
  known: { consent: ChecklistState | undefined; beforePhotos: number | undefined },
): Record<ChecklistItem, ChecklistState> {
  const day = record.performedAt.slice(0, 10);
  const reviewed = historyDates.some((recordedAt) => {
    const age = daysBetween(recordedAt.slice(0, 10), day);
    return age >= 0 && age <= historyReviewDays;
  });
  const products = record.products ?? [];
  const lotsComplete = products.length > 0 && products.every((product) => product.lot.trim() !== '') && (!record.cartridge || record.cartridge.lot.trim() !== '');
  return {
    consent: known.consent ?? 'checking',
    history: reviewed ? 'done' : 'missing',
    photos: known.beforePhotos === undefined ? 'checking' : known.beforePhotos > 0 ? 'done' : 'missing',
    lots: lotsComplete ? 'done' : 'missing',
    notes: (record.notes ?? '').trim() !== '' ? 'done' : 'missing',
    aftercare: record.aftercareGiven ? 'done' : 'missing',
  };
}
