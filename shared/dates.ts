import { z } from 'zod';

/** True for a real calendar day written YYYY-MM-DD (no 30 February, no month 13). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date as the contract carries it. Years 1900-2100 cover every date of birth, lot
 * expiry and treatment a clinic records; anything else is a typing slip.
 */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a full date.')
  .refine(isCalendarDate, 'That date does not exist.')
  .refine((text) => text >= '1900-01-01' && text <= '2100-12-31', 'Use a date between 1900 and 2100.');
