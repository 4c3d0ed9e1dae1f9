import { isCalendarDate } from '../../shared/dates';
import type { DateFormat } from '../i18n/format';

export const datePatterns: Record<DateFormat, { order: ('d' | 'm' | 'y')[]; placeholder: string }> = {
  'DD/MM/YYYY': { order: ['d', 'm', 'y'], placeholder: 'DD/MM/YYYY' },
  'MM/DD/YYYY': { order: ['m', 'd', 'y'], placeholder: 'MM/DD/YYYY' },
  'YYYY-MM-DD': { order: ['y', 'm', 'd'], placeholder: 'YYYY-MM-DD' },
};

/**
 * A typed date in the clinic's order ("02/03/1990" is 2 March in a DD/MM/YYYY clinic), or
 * YYYY-MM-DD, which is never ambiguous. Returns YYYY-MM-DD, null for empty, or undefined when the
 * text is not a real date.
 */
export function parseTypedDate(text: string, format: DateFormat): string | null | undefined {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const parts = trimmed.split(/[\s./-]+/);
  if (parts.length !== 3 || parts.some((part) => !/^\d+$/.test(part))) return undefined;
  const order = /^\d{4}$/.test(parts[0]!) ? (['y', 'm', 'd'] as const) : datePatterns[format].order;
  const value = { d: '', m: '', y: '' };
  order.forEach((key, index) => (value[key] = parts[index]!));
  if (value.y.length !== 4 || value.m.length > 2 || value.d.length > 2) return undefined;
  const iso = `${value.y}-${value.m.padStart(2, '0')}-${value.d.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}
