import { format } from 'date-fns/format';
import type { dateFormats } from '../../shared/settings';

export type DateFormat = (typeof dateFormats)[number];

const dayPatterns: Record<DateFormat, string> = { 'DD/MM/YYYY': 'dd/MM/yyyy', 'MM/DD/YYYY': 'MM/dd/yyyy', 'YYYY-MM-DD': 'yyyy-MM-dd' };

/** A calendar date (YYYY-MM-DD) in the clinic's date format. */
export function formatDay(isoDay: string, dateFormat: DateFormat): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  return format(new Date(year!, month! - 1, day!), dayPatterns[dateFormat]);
}

/** An instant in the clinic's date format and this computer's local time, with the UTC offset so it is unambiguous. */
export function formatInstant(iso: string, dateFormat: DateFormat): string {
  const date = new Date(iso);
  return `${format(date, dayPatterns[dateFormat])} ${format(date, 'HH:mm')} (UTC${format(date, 'xxx')})`;
}
