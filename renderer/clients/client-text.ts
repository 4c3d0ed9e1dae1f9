import { ageOn, type ClientSummary } from '../../shared/clients/client';

/** "Zoë Nguyễn": first name then last name, as the clinic writes them. */
export function clientName(client: Pick<ClientSummary, 'firstName' | 'lastName'>): string {
  return `${client.firstName} ${client.lastName}`.trim();
}

/** Today's date on this computer's calendar (not UTC), as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return localIsoDate(now);
}

export function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Age in whole years today, or null without a (valid) date of birth. */
export function ageToday(dateOfBirth: string | null | undefined): number | null {
  if (!dateOfBirth || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return null;
  const age = ageOn(dateOfBirth, todayIso());
  return age >= 0 && age < 150 ? age : null;
}

/** Adds whole weeks to a YYYY-MM-DD date. */
export function addWeeksIso(isoDate: string, weeks: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return localIsoDate(new Date(y, m - 1, d + weeks * 7));
}

/** Days from one YYYY-MM-DD date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
