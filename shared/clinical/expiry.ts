import { z } from 'zod';
import { isCalendarDate } from '../dates';

/**
 * A lot's expiry as the pack prints it: a full day (YYYY-MM-DD) or a month (YYYY-MM, usable to the
 * end of that month). The stored form keeps which one was typed, so the record never claims a day
 * the pack did not print.
 */
export const Expiry = z.union([
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine(isCalendarDate, 'That date does not exist.')
    .refine((text) => text >= '1900-01-01' && text <= '2100-12-31', 'Use a date between 1900 and 2100.'),
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month and year like 01/2027, or a full date.')
    .refine((text) => text >= '1900-01' && text <= '2100-12', 'Use a date between 1900 and 2100.'),
]);
export type Expiry = z.infer<typeof Expiry>;

/** True when the expiry names a month only ("01/2025" on the pack). */
export function isMonthExpiry(expiry: string): boolean {
  return /^\d{4}-\d{2}$/.test(expiry);
}

/**
 * Month and year as packs print them: "01/2025", "1/2025", "01-2025", "01.2025", "2025-01",
 * "01/25" (two-digit years are this century). Returns YYYY-MM, or null when the text is not a
 * month and year (a full date is read by the date field in the clinic's date order).
 */
export function parseMonthYear(text: string): string | null {
  const parts = text.trim().split(/\s*[./-]\s*|\s+/);
  if (parts.length !== 2 || parts.some((part) => !/^\d+$/.test(part))) return null;
  const [first, second] = parts as [string, string];
  const [monthText, yearText] = first.length === 4 ? [second, first] : [first, second];
  if (monthText.length > 2 || (yearText.length !== 4 && yearText.length !== 2)) return null;
  const month = Number(monthText);
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  if (month < 1 || month > 12) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The last day the lot may be used: the day printed, or the last day of the month printed. */
export function lastUsableDay(expiry: string): string {
  if (!isMonthExpiry(expiry)) return expiry;
  const [year, month] = expiry.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${expiry}-${String(last).padStart(2, '0')}`;
}

/** Days within which a lot close to its expiry is worth a warning. */
export const expirySoonDays = 30;

export type ExpiryState = 'expired' | 'soon' | 'ok' | 'unknown';

/** How a lot stands on the day of the session: used after its last usable day is expired. */
export function expiryState(expiry: string | null, sessionDay: string): ExpiryState {
  if (!expiry) return 'unknown';
  const last = lastUsableDay(expiry);
  if (sessionDay > last) return 'expired';
  const days = (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${sessionDay}T00:00:00Z`)) / 86_400_000;
  return days <= expirySoonDays ? 'soon' : 'ok';
}

export interface LotOnSession {
  kind: 'cartridge' | 'product';
  name: string;
  lot: string;
  expiry: string | null;
}

/** The session's lots (cartridge first, then products) that are expired or close to it on the session day. */
export function lotsByExpiry(record: { cartridge: Omit<LotOnSession, 'kind'> | null; products: readonly Omit<LotOnSession, 'kind'>[] }, sessionDay: string) {
  const lots: LotOnSession[] = [...(record.cartridge ? [{ kind: 'cartridge' as const, ...record.cartridge }] : []), ...record.products.map((product) => ({ kind: 'product' as const, ...product }))];
  const judged = lots.map((lot) => ({ ...lot, state: expiryState(lot.expiry, sessionDay) }));
  return { expired: judged.filter((lot) => lot.state === 'expired'), soon: judged.filter((lot) => lot.state === 'soon') };
}
