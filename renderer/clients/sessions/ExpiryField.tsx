import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { expiryState, isMonthExpiry, lastUsableDay, parseMonthYear } from '../../../shared/clinical/expiry';
import { datePatterns, parseTypedDate } from '../../forms/typed-date';
import { useDates, type Dates } from '../../hooks/useDates';

/** "01/2027" for a month expiry, the clinic's date for a full one: the expiry as the pack shows it. */
export function expiryText(expiry: string, dates: Dates): string {
  if (!isMonthExpiry(expiry)) return dates.day(expiry);
  const [year, month] = expiry.split('-');
  return `${month}/${year}`;
}

/** Month and year first (packs print that), then a full date in the clinic's order. */
function parseExpiryText(text: string, dates: Dates): string | null | undefined {
  if (!text.trim()) return null;
  return parseMonthYear(text) ?? parseTypedDate(text, dates.format);
}

/**
 * A lot's expiry as printed on the pack: "01/2027" (good to the end of January) or a full date.
 * The form holds YYYY-MM or YYYY-MM-DD (what was typed, never widened to a day), null, or the
 * text as typed when it is neither, so the form refuses it. Close to or past expiry on the
 * session day, it says so under the field.
 */
export function ExpiryField({
  value,
  onChange,
  onBlur,
  error,
  sessionDay,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange' | 'onBlur'> & { value: string | null; onChange: (value: string | null) => void; onBlur?: () => void; sessionDay: string | null }) {
  const { t } = useTranslation();
  const dates = useDates();
  const [text, setText] = useState(value ? expiryText(value, dates) : '');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    setText((current) => {
      const parsed = parseExpiryText(current, dates);
      if (value === null) return parsed === null || parsed === undefined ? current : '';
      return parsed === value || current === value ? current : expiryText(value, dates);
    });
  }, [value, dates]);
  const parsed = parseExpiryText(text, dates);
  const ownError = touched && parsed === undefined ? t('sessionBasis.expiry.invalid', { pattern: datePatterns[dates.format].placeholder }) : undefined;
  const state = parsed && sessionDay ? expiryState(parsed, sessionDay) : 'unknown';
  const last = parsed ? dates.day(lastUsableDay(parsed)) : '';
  const warning = state === 'expired' ? t('sessionBasis.expiry.expired', { date: last }) : state === 'soon' ? t('sessionBasis.expiry.soon', { date: last }) : null;
  return (
    <TextInput
      {...props}
      value={text}
      autoComplete="off"
      placeholder="MM/YYYY"
      description={warning ?? t('sessionBasis.expiry.hint')}
      styles={warning ? { description: { color: state === 'expired' ? 'var(--mantine-color-red-8)' : 'var(--mantine-color-orange-9)', fontWeight: 600 } } : undefined}
      error={ownError ?? error}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const result = parseExpiryText(next, dates);
        onChange(result === undefined ? next : result);
      }}
      onBlur={() => {
        setTouched(true);
        if (parsed) setText(expiryText(parsed, dates));
        onBlur?.();
      }}
    />
  );
}
