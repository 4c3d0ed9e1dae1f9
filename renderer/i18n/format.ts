import type { dateFormats } from '../../shared/settings';

export type DateFormat = (typeof dateFormats)[number];

/**
 * A date in the clinic's chosen order (Settings → Date format), with the locale's digits.
 * The order is the clinic's choice, not the locale's, because the same PC prints consent forms
 * that must match the clinic's paperwork.
 */
export function formatDate(value: Date | string, format: DateFormat, locale: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = part('day');
  const month = part('month');
  const year = part('year');
  switch (format) {
    case 'DD/MM/YYYY':
      return `${day}/${month}/${year}`;
    case 'MM/DD/YYYY':
      return `${month}/${day}/${year}`;
    case 'YYYY-MM-DD':
      return `${year}-${month}-${day}`;
  }
}

/** Today's date in words, for greetings: "Wednesday 25 November 2026". */
export function formatLongDate(value: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(value);
}

export function formatKilobytes(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1024)));
}

/** A size in the unit a person reads: kilobytes below a megabyte, megabytes (one decimal) above. */
export function formatFileSize(bytes: number, locale: string): string {
  if (bytes < 1024 * 1024) return formatKilobytes(bytes, locale);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}
