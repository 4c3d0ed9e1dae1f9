import { Checkbox, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkDateOfBirth, readDateOfBirth, type DateOfBirthCheck } from '../../../shared/clients/date-of-birth';
import { datePatterns } from '../../forms/typed-date';
import { useDates } from '../../hooks/useDates';

/** Today on this computer's calendar (a birthday is a calendar day, not a moment). */
export function todayLocal(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * A date of birth typed as the front desk types it, in the clinic's date order: "01/02/1985" or
 * "1/2/85" (a two-digit year is the latest one in the past). A future date or one older than
 * anyone has lived is refused with the real problem; an age under 1 or over 110 asks for a tick
 * before the form saves. The form holds YYYY-MM-DD, null, or the text as typed when it is not a
 * date (which the form then refuses).
 */
export function DateOfBirthField({
  label,
  description,
  value,
  onChange,
  onBlur,
  error,
  confirmed,
  onConfirmedChange,
  needsConfirmation,
}: {
  label: string;
  description: string;
  value: string | null;
  onChange: (value: string | null) => void;
  onBlur: () => void;
  error: string | undefined;
  confirmed: boolean;
  onConfirmedChange: (confirmed: boolean) => void;
  /** False when the date is the one already on file (it was confirmed when it was saved). */
  needsConfirmation: boolean;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const today = todayLocal();
  const [text, setText] = useState(value ? dates.day(value) : '');
  const [touched, setTouched] = useState(false);

  // A value set from outside (a reset, a loaded record, the clinic's format arriving) is shown in the clinic's order.
  useEffect(() => {
    setText((current) => {
      const reading = readDateOfBirth(current, dates.format, todayLocal());
      if (value === null) return reading.ok && reading.iso !== null ? '' : current;
      return (reading.ok && reading.iso === value) || current === value ? current : dates.day(value);
    });
  }, [value, dates]);

  const reading = readDateOfBirth(text, dates.format, today);
  const check: DateOfBirthCheck | null = reading.ok ? checkDateOfBirth(reading.iso, today) : null;
  const pattern = datePatterns[dates.format].placeholder;
  const own = !reading.ok
    ? touched
      ? t(`clientForm.dob.${reading.problem}`, { pattern })
      : undefined
    : check?.verdict === 'refused'
      ? t(`clientForm.dob.${check.problem}`, { age: check.age ?? 0 })
      : undefined;
  const confirm = check?.verdict === 'confirm' && needsConfirmation ? check : null;

  return (
    <Stack gap={6}>
      <TextInput
        label={label}
        description={description}
        value={text}
        inputMode="numeric"
        autoComplete="off"
        placeholder={pattern}
        error={own ?? error}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          onConfirmedChange(false);
          const result = readDateOfBirth(next, dates.format, todayLocal());
          onChange(result.ok ? result.iso : next);
        }}
        onBlur={() => {
          setTouched(true);
          if (reading.ok && reading.iso) setText(dates.day(reading.iso));
          onBlur();
        }}
      />
      {confirm ? (
        <Checkbox
          checked={confirmed}
          onChange={(event) => onConfirmedChange(event.currentTarget.checked)}
          label={t(`clientForm.dob.confirm.${confirm.reason}`, { age: confirm.age, date: dates.day(reading.ok ? reading.iso : null) })}
        />
      ) : null}
    </Stack>
  );
}
