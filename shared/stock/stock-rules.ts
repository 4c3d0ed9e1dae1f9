import { lastUsableDay } from '../clinical/expiry';

/** Why stock left the shelf other than at the chair. */
export const writeOffReasons = ['expired', 'damaged', 'recalled', 'other'] as const;
export type WriteOffReason = (typeof writeOffReasons)[number];

/** What moved a lot's stock: a delivery in, a session's use, a write-off, or a count's correction. */
export const movementKinds = ['received', 'used', 'written-off', 'counted'] as const;
export type MovementKind = (typeof movementKinds)[number];

export interface Movement {
  kind: MovementKind;
  /** Units, always positive for received, used and written off; a count's correction is signed. */
  quantity: number;
}

/** Stock on hand: received − used − written off, plus or minus what a stock count corrected. */
export function onHand(movements: readonly Movement[]): number {
  return movements.reduce((total, movement) => total + signedQuantity(movement), 0);
}

/** The change a movement makes to what is on the shelf. */
export function signedQuantity(movement: Movement): number {
  switch (movement.kind) {
    case 'received':
      return movement.quantity;
    case 'used':
    case 'written-off':
      return -movement.quantity;
    case 'counted':
      return movement.quantity;
  }
}

/** The correction a stock count makes: what was counted minus what the books say. */
export function countCorrection(booked: number, counted: number): number {
  return counted - booked;
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A lot with no expiry on the pack never expires by this rule; with one, it is usable to its last usable day. */
export function isExpired(expiry: string | null, today: string): boolean {
  return expiry !== null && today > lastUsableDay(expiry);
}

/** Not yet expired, and its last usable day falls within the next `days` days (today included). */
export function expiresWithin(expiry: string | null, today: string, days: number): boolean {
  if (expiry === null || isExpired(expiry, today)) return false;
  return daysBetween(today, lastUsableDay(expiry)) <= days;
}

/** The last day of the window "expiring within N days": the Home query compares last usable days with it. */
export function windowEnd(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Below the clinic's minimum: only when the clinic set one. */
export function belowMinimum(onHandTotal: number, minimum: number | null): boolean {
  return minimum !== null && onHandTotal < minimum;
}

/** Lots to offer at the chair: on hand, earliest last usable day first, lots without expiry last. */
export function pickOrder<T extends { expiry: string | null; onHand: number; lot: string }>(lots: readonly T[]): T[] {
  return lots
    .filter((lot) => lot.onHand > 0)
    .toSorted((a, b) => {
      const ea = a.expiry ? lastUsableDay(a.expiry) : '9999-12-31';
      const eb = b.expiry ? lastUsableDay(b.expiry) : '9999-12-31';
      return ea === eb ? a.lot.localeCompare(b.lot) : ea < eb ? -1 : 1;
    });
}
