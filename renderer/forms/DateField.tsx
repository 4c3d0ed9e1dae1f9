import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDates } from '../hooks/useDates';
import { datePatterns, parseTypedDate } from './typed-date';

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
  const ownError = touched && parsed === undefined ? t('validation.date', { pattern: datePatterns[dates.format].placeholder }) : undefined;
  return (
    <TextInput
      {...props}
      description={description}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      placeholder={datePatterns[dates.format].placeholder}
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
