import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../errors/ErrorAlert';
import { RetryNotice } from './RetryNotice';
import { useSignInForm } from './useSignInForm';
import { PasswordField } from '../forms/PasswordField';

/** Another member of staff takes over the locked screen: name and password, one step. */
export function SwitchUserForm({ onSignedIn, onCancel }: { onSignedIn: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { form, fields, submit, failure, secondsLeft } = useSignInForm(onSignedIn);
  const { errors, isSubmitting } = form.formState;

  return (
    <form onSubmit={submit} noValidate aria-label={t('lock.switchUser')}>
      <Stack gap="lg">
        <Text c="dimmed">{t('lock.switchIntro')}</Text>
        <TextInput label={t('signIn.name')} autoComplete="username" autoFocus error={errors.name?.message} {...fields.name} />
        <PasswordField label={t('signIn.password')} autoComplete="current-password" error={errors.password?.message} {...fields.password} />
        <ErrorAlert error={failure} />
        <div>
          <Group grow>
            <Button variant="default" onClick={onCancel}>
              {t('common.back')}
            </Button>
            <Button type="submit" loading={isSubmitting} disabled={secondsLeft > 0}>
              {t('lock.switchSubmit')}
            </Button>
          </Group>
          <RetryNotice secondsLeft={secondsLeft} />
        </div>
      </Stack>
    </form>
  );
}
