import { z } from 'zod';

/**
 * How long a clinic keeps a client's records after their last treatment, by country. These are
 * defaults an admin confirms or edits in Settings → Retention; the law that applies to a clinic
 * (and its insurer) decides, not SkinLedger.
 * - UK: the NHS Records Management Code of Practice keeps adult records 8 years after the last
 *   treatment, children's until their 25th birthday (26th if they were 17 at the last treatment).
 * - Ireland: the HSE's retention schedule follows the same periods.
 * - US: set by each state; 7 years after the last treatment is the common figure, minors at least
 *   until 21 in many states. A clinic checks its own state.
 * - Australia: 7 years after the last service, and for someone under 18 then, until they are 25
 *   (e.g. the NSW Health Records and Information Privacy Act).
 * - Other: 8 years, until 25 for children: the longer of the figures above.
 */
export const retentionCountries = ['UK', 'IE', 'US', 'AU', 'OTHER'] as const;
export const RetentionCountry = z.enum(retentionCountries);
export type RetentionCountry = z.infer<typeof RetentionCountry>;

export const RetentionSettings = z
  .object({
    country: RetentionCountry,
    /** Years kept after the last treatment (an adult's records). */
    adultYears: z.number().int().min(1, 'Keep records at least 1 year.').max(100, 'At most 100 years.'),
    /** Someone under 18 at their last treatment: kept at least until this birthday. */
    minorUntilAge: z.number().int().min(18, 'At least 18.').max(40, 'At most 40.'),
    /** UK/Ireland rule: a 17-year-old at the last treatment is kept one birthday longer. */
    extraYearIfSeventeen: z.boolean(),
  })
  .strict();
export type RetentionSettings = z.infer<typeof RetentionSettings>;

export const retentionDefaults: Record<RetentionCountry, RetentionSettings> = {
  UK: { country: 'UK', adultYears: 8, minorUntilAge: 25, extraYearIfSeventeen: true },
  IE: { country: 'IE', adultYears: 8, minorUntilAge: 25, extraYearIfSeventeen: true },
  US: { country: 'US', adultYears: 7, minorUntilAge: 21, extraYearIfSeventeen: false },
  AU: { country: 'AU', adultYears: 7, minorUntilAge: 25, extraYearIfSeventeen: false },
  OTHER: { country: 'OTHER', adultYears: 8, minorUntilAge: 25, extraYearIfSeventeen: false },
};

/** Adds whole years to a calendar day; 29 February lands on 28 February in a common year. */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

function ageOnDay(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = day.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export interface RetentionFacts {
  /** The day of the last treatment (or of registration when there was none), YYYY-MM-DD. */
  lastTreatmentDay: string;
  dateOfBirth: string | null;
}

export interface RetentionDecision {
  /** The first day the record may be purged: it is kept until the day before. */
  keepUntil: string;
  rule: 'adult' | 'minor' | 'no-birth-date';
}

/**
 * The day from which a record may be purged: the last treatment plus the adult period, or for
 * someone under 18 at their last treatment the minor's birthday, whichever is later. Without a
 * date of birth the adult period is all that can be applied, and the report says so.
 */
export function retentionEnds(facts: RetentionFacts, settings: RetentionSettings): RetentionDecision {
  const adultEnd = addYears(facts.lastTreatmentDay, settings.adultYears);
  if (!facts.dateOfBirth) return { keepUntil: adultEnd, rule: 'no-birth-date' };
  const age = ageOnDay(facts.dateOfBirth, facts.lastTreatmentDay);
  if (age >= 18) return { keepUntil: adultEnd, rule: 'adult' };
  const untilAge = settings.minorUntilAge + (settings.extraYearIfSeventeen && age === 17 ? 1 : 0);
  const birthday = addYears(facts.dateOfBirth, untilAge);
  return birthday > adultEnd ? { keepUntil: birthday, rule: 'minor' } : { keepUntil: adultEnd, rule: 'adult' };
}

/** Why a client's records are purged; the free-text reason is kept in the tombstone only. */
export const purgeReasons = ['retention-period-ended', 'erasure-request', 'created-in-error'] as const;
export const PurgeReason = z.enum(purgeReasons);
export type PurgeReason = z.infer<typeof PurgeReason>;
