/**
 * A moment as a day and time on this computer's clock. Used where the clinic's own date order is
 * not known yet (before sign-in) as well as after, so it follows the computer's language.
 */
export function formatMoment(isoTimestamp: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(isoTimestamp));
}

/** The share of a long job done, 0–100, for a progress bar; an unknown total reads as just begun. */
export function percentDone(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.round((done / total) * 100));
}
