import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { BridgeError } from '../../../shared/errors';
import { Password } from '../../../shared/staff';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { errorText } from '../../bridge/error-text';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { passwordsMatch } from '../../forms/rules';
import { showFieldErrors } from '../../forms/server-errors';
import { useTranslatedResolver } from '../../forms/translated-resolver';
import { NewPasswordFields } from '../../forms/NewPasswordFields';
import { SettingsSection } from '../SettingsSection';
import { notifySuccess } from '../../app/notify';
import { PasswordField } from '../../forms/PasswordField';

const changePasswordSchema = z.object({ currentPassword: z.string().min(1), newPassword: Password, confirmPassword: z.string() }).refine(...passwordsMatch('newPassword'));
type ChangePasswordValues = z.input<typeof changePasswordSchema>;

/**
 * Anyone can change their own password; the current one proves it is them (their slot is re-wrapped).
 * `oneTime`: the current password is a one-time password an admin handed over.
 */
export function ChangePasswordPanel({ oneTime = false, onChanged }: { oneTime?: boolean; onChanged?: () => void } = {}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const form = useForm<ChangePasswordValues>({
    resolver: useTranslatedResolver(changePasswordSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await call('session.changePassword', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.reset();
      notifySuccess(t('password.changedTitle'), t('password.changedMessage'));
      onChanged?.();
    } catch (error) {
      const bridgeError = asBridgeError(error);
      if (bridgeError.code === 'WRONG_PASSWORD') {
        form.setError('currentPassword', { type: 'server', message: errorText(t, bridgeError) });
        form.setFocus('currentPassword');
      } else if (!showFieldErrors(bridgeError, form.setError, ['currentPassword', 'newPassword'])) setFailure(bridgeError);
    }
  });

  const fields = (
    <>
      <PasswordField
        label={t(oneTime ? 'password.mustChangeCurrent' : 'password.current')}
        autoComplete="current-password"
        withAsterisk
        error={errors.currentPassword?.message}
        {...form.register('currentPassword')}
      />
      <NewPasswordFields
        label={t('staff.newPassword')}
        password={form.register('newPassword')}
        confirm={form.register('confirmPassword')}
        passwordError={errors.newPassword}
        confirmError={errors.confirmPassword}
      />
      <ErrorAlert error={failure} />
      <Group justify="flex-end">
        <Button type="submit" loading={isSubmitting}>
          {t('password.submit')}
        </Button>
      </Group>
    </>
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t(oneTime ? 'password.mustChangeTitle' : 'settings.tabs.password')}>
      {oneTime ? (
        // On its own screen (after a one-time password), under that screen's heading and intro.
        <Stack gap="lg">{fields}</Stack>
      ) : (
        <SettingsSection title={t('password.title')} description={t('password.intro')}>
          {fields}
        </SettingsSection>
      )}
    </form>
  );
}
