/**
 * A camera's EXIF clock has no time zone: it is read as this computer's local time, and kept
 * as an ISO time with the offset that applied then (what the clinic saw on the clock).
 */
export function wallClockToIso(wallClock: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(wallClock);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year < 1990 || year > 2100) return null;
  const local = new Date(year, month - 1, day, hour, minute, second);
  if (Number.isNaN(local.getTime())) return null;
  return withLocalOffset(local);
}

/** 2025-03-04T10:11:12+01:00 for a local time, rather than the UTC that toISOString gives. */
export function withLocalOffset(date: Date): string {
  const pad = (value: number) => String(Math.abs(value)).padStart(2, '0');
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`
  );
}
