import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's PasswordInput, with what it leaves out for screen readers: aria-invalid and the
 * error/description ids on the real <input>, and a translated name for the show/hide button.
 */
export function PasswordField({ id, error, description, 'aria-describedby': describedBy, ...props }: PasswordInputProps) {
  const { t } = useTranslation();
  const generated = useId();
  const inputId = id ?? generated;
  const describedByIds = [describedBy, description ? `${inputId}-description` : null, error ? `${inputId}-error` : null].filter(Boolean).join(' ');
  return (
    <PasswordInput
      {...props}
      id={inputId}
      error={error}
      description={description}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedByIds || undefined}
      visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
    />
  );
}
