import { format } from 'date-fns/format';

/** A diary start ("2026-12-08T09:30", the clinic's wall clock) as a Date on this computer's clock. */
export function dateOf(start: string): Date {
  const [y, m, d] = start.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, Number(start.slice(11, 13) || 0), Number(start.slice(14, 16) || 0));
}

/** A Date on this computer's clock as a diary start, to the minute. */
export function startOf(date: Date): string {
  return format(date, "yyyy-MM-dd'T'HH:mm");
}

export function dayOf(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

export function minutesBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 60_000);
}

/** "09:30" from a diary start. */
export function timeOf(start: string): string {
  return start.slice(11, 16);
}
