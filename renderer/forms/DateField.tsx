import { TextInput, type TextInputProps } from '@mantine/core';

/**
 * A calendar day typed or picked in the browser's own date field (keyboard friendly, no extra
 * library), held by the form as YYYY-MM-DD or null.
 */
export function DateField({ value, onChange, ...props }: Omit<TextInputProps, 'value' | 'onChange' | 'type'> & { value: string | null; onChange: (value: string | null) => void }) {
  return (
    <TextInput
      {...props}
      type="date"
      value={value ?? ''}
      onChange={(event) => onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}
      aria-invalid={props.error ? true : undefined}
    />
  );
}
