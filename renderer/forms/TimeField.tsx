import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedTime } from './typed-time';

/**
 * A time of day typed as the clinic says it ("9:30", "14.05", "2:30 pm"), kept as 24-hour
 * "HH:MM". The browser's own time field follows the computer's language (12- or 24-hour, with or
 * without a spinner), which is not the clinic's choice; this one reads the same on every desk.
 * Text that is not a time is handed on as typed, so the form's schema refuses it.
 */
export function TimeField({
  value,
  onChange,
  onBlur,
  error,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'onBlur'> & { value: string; onChange: (value: string) => void; onBlur?: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [touched, setTouched] = useState(false);

  // A value set from outside (a reset or a loaded record) replaces what is shown.
  useEffect(() => {
    setText((current) => (parseTypedTime(current) === (value || null) ? current : value));
  }, [value]);

  const parsed = parseTypedTime(text);
  const ownError = touched && parsed === undefined ? t('validation.time') : undefined;
  return (
    <TextInput
      {...props}
      value={text}
      autoComplete="off"
      placeholder="HH:MM"
      maxLength={12}
      error={ownError ?? error}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const result = parseTypedTime(next);
        onChange(result === undefined ? next : (result ?? ''));
      }}
      onBlur={() => {
        setTouched(true);
        if (parsed) setText(parsed);
        onBlur?.();
      }}
    />
  );
}
