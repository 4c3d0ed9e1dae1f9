import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../../shared/dates';
import { useDates } from '../hooks/useDates';
import type { DateFormat } from '../i18n/format';

const patterns: Record<DateFormat, { order: ('d' | 'm' | 'y')[]; placeholder: string }> = {
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
  const order = /^\d{4}$/.test(parts[0]!) ? (['y', 'm', 'd'] as const) : patterns[format].order;
  const value = { d: '', m: '', y: '' };
  order.forEach((key, index) => (value[key] = parts[index]!));
  if (value.y.length !== 4 || value.m.length > 2 || value.d.length > 2) return undefined;
  const iso = `${value.y}-${value.m.padStart(2, '0')}-${value.d.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

/**
 * A calendar day typed in the clinic's date order (Settings → Date format), the same order every
 * date on screen and on paper uses: the browser's own date field follows the computer's language
 * instead, and "03/02/1990" must never be read two ways at the front desk. The form holds
 * YYYY-MM-DD or null; text that is not a date is handed on as typed, so the form refuses it.
 */
export function DateField({
  value,
  onChange,
  onBlur,
  error,
  description,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'onBlur'> & { value: string | null; onChange: (value: string | null) => void; onBlur?: () => void }) {
  const { t } = useTranslation();
  const dates = useDates();
  const [text, setText] = useState(value ? dates.day(value) : '');
  const [touched, setTouched] = useState(false);

  // A value set from outside (a reset, a loaded record, the clinic's format arriving) is shown in the clinic's order.
  useEffect(() => {
    setText((current) => {
      const parsed = parseTypedDate(current, dates.format);
      if (value === null) return parsed === null || parsed === undefined ? current : '';
      return parsed === value || current === value ? current : dates.day(value);
    });
  }, [value, dates]);

  const parsed = parseTypedDate(text, dates.format);
  const ownError = touched && parsed === undefined ? t('validation.date', { pattern: patterns[dates.format].placeholder }) : undefined;
  return (
    <TextInput
      {...props}
      description={description}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      placeholder={patterns[dates.format].placeholder}
      error={ownError ?? error}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const result = parseTypedDate(next, dates.format);
        onChange(result === undefined ? next : result);
      }}
      onBlur={() => {
        setTouched(true);
        if (parsed) setText(dates.day(parsed));
        onBlur?.();
      }}
    />
  );
}
