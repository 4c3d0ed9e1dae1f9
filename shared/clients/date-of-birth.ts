import { z } from 'zod';
import { isCalendarDate } from '../dates';

export type DateOrder = 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'YYYY-MM-DD';

const orders: Record<DateOrder, readonly ('d' | 'm' | 'y')[]> = {
  'DD/MM/YYYY': ['d', 'm', 'y'],
  'MM/DD/YYYY': ['m', 'd', 'y'],
  'YYYY-MM-DD': ['y', 'm', 'd'],
};

/** Older than anyone has lived: a date of birth before this many years ago is a typing slip, never a client. */
export const oldestPossibleAge = 122;
/** Ages that are possible but unusual enough at a skin clinic to ask "is that right?" first. */
export const confirmUnderAge = 1;
export const confirmOverAge = 110;

export type DateOfBirthReading = { ok: true; iso: string | null } | { ok: false; problem: 'not-a-date' | 'year-only' | 'no-such-day' };

/**
 * A date of birth as the front desk types it, in the clinic's date order: "01/02/1985",
 * "1/2/85", "1.2.85", or YYYY-MM-DD (never ambiguous). A two-digit year is the latest year
 * ending in those digits that is not after `today`'s year, since a birth is in the past.
 */
export function readDateOfBirth(text: string, order: DateOrder, today: string): DateOfBirthReading {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, iso: null };
  if (/^\d{4}$/.test(trimmed)) return { ok: false, problem: 'year-only' };
  const parts = trimmed.split(/[\s./-]+/);
  if (parts.length !== 3 || parts.some((part) => !/^\d+$/.test(part))) return { ok: false, problem: 'not-a-date' };
  const sequence = /^\d{4}$/.test(parts[0]!) ? orders['YYYY-MM-DD'] : orders[order];
  const value = { d: '', m: '', y: '' };
  sequence.forEach((key, index) => (value[key] = parts[index]!));
  if (value.m.length > 2 || value.d.length > 2 || (value.y.length !== 4 && value.y.length !== 2)) return { ok: false, problem: 'not-a-date' };
  const year = value.y.length === 2 ? pastYear(Number(value.y), Number(today.slice(0, 4))) : Number(value.y);
  const iso = `${String(year).padStart(4, '0')}-${value.m.padStart(2, '0')}-${value.d.padStart(2, '0')}`;
  return isCalendarDate(iso) ? { ok: true, iso } : { ok: false, problem: 'no-such-day' };
}

function pastYear(twoDigits: number, thisYear: number): number {
  const century = Math.floor(thisYear / 100) * 100;
  return century + twoDigits <= thisYear ? century + twoDigits : century - 100 + twoDigits;
}

export type DateOfBirthCheck =
  { verdict: 'ok'; age: number | null } | { verdict: 'refused'; problem: 'future' | 'impossible-age'; age: number | null } | { verdict: 'confirm'; reason: 'under-one' | 'over-110'; age: number };

/**
 * Whether a date of birth (YYYY-MM-DD) can stand on `today`: never in the future, never older
 * than anyone has lived (1850 is a typing slip, and the message says the age it would mean); an
 * age under 1 or over 110 is possible but asked about first.
 */
export function checkDateOfBirth(iso: string | null, today: string): DateOfBirthCheck {
  if (iso === null) return { verdict: 'ok', age: null };
  if (iso > today) return { verdict: 'refused', problem: 'future', age: null };
  const age = wholeYears(iso, today);
  if (age > oldestPossibleAge) return { verdict: 'refused', problem: 'impossible-age', age };
  if (age < confirmUnderAge) return { verdict: 'confirm', reason: 'under-one', age };
  if (age > confirmOverAge) return { verdict: 'confirm', reason: 'over-110', age };
  return { verdict: 'ok', age };
}

/** The main side's words for a refused date of birth (the screen has its own, translated). */
export function dateOfBirthRefusal(check: DateOfBirthCheck): string | null {
  if (check.verdict !== 'refused') return null;
  return check.problem === 'future' ? 'A date of birth cannot be in the future.' : `That date of birth would make the client ${check.age} years old. Check the year.`;
}

/** What the form and the main side both say when an unusual age was not confirmed. */
export const unusualAgeUnconfirmed = 'This age is unusual: tick the box to confirm the date of birth, or correct it.';

/**
 * Whether a date of birth may be saved without the "is that right?" confirmation: an age under 1
 * or over 110 needs it, unless it is the date already on file (confirmed when it was saved).
 * Returns the refusal, or null when the date may be saved.
 */
export function unconfirmedDateOfBirth(iso: string | null, onFile: string | null, confirmed: boolean, today: string): string | null {
  if (confirmed || iso === onFile) return null;
  return checkDateOfBirth(iso, today).verdict === 'confirm' ? unusualAgeUnconfirmed : null;
}

function wholeYears(from: string, to: string): number {
  const [by, bm, bd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * A stored date of birth, as the main side accepts it: a real calendar day, not in the future and
 * not older than anyone has lived, each refused in words that name the problem. (Under 1 or over
 * 110 is accepted here; the form asks first and main checks the answer: unconfirmedDateOfBirth.)
 */
export const DateOfBirth = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a full date.')
  .refine(isCalendarDate, 'That date does not exist.')
  .superRefine((iso, context) => {
    const refusal = dateOfBirthRefusal(checkDateOfBirth(iso, new Date().toISOString().slice(0, 10)));
    if (refusal) context.addIssue({ code: 'custom', message: refusal });
  });
