import { SimpleGrid, Text } from '@mantine/core';
import { useId } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { minPasswordLength } from './rules';
import { PasswordField } from './PasswordField';

/**
 * A new password and its confirmation side by side, with the rule said up front rather than
 * after a failure (and tied to both fields for screen readers).
 */
export function NewPasswordFields({
  password,
  confirm,
  passwordError,
  confirmError,
  label,
  autoFocus = false,
}: {
  password: UseFormRegisterReturn;
  confirm: UseFormRegisterReturn;
  passwordError: FieldError | undefined;
  confirmError: FieldError | undefined;
  label?: string;
  /** Mantine's modals focus the element marked data-autofocus when they open. */
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <PasswordField
          label={label ?? t('staff.password')}
          autoComplete="new-password"
          withAsterisk
          data-autofocus={autoFocus || undefined}
          aria-describedby={hintId}
          error={passwordError?.message}
          {...password}
        />
        <PasswordField label={t('staff.confirmPassword')} autoComplete="new-password" withAsterisk aria-describedby={hintId} error={confirmError?.message} {...confirm} />
      </SimpleGrid>
      <Text id={hintId} size="sm" c="dimmed" mt={6}>
        {t('staff.passwordHint', { count: minPasswordLength })}
      </Text>
    </div>
  );
}
