import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WelcomeLayout } from '../brand/WelcomeLayout';
import { useScreenTitle } from '../app/useScreenTitle';
import { ErrorAlert } from '../errors/ErrorAlert';
import { RetryNotice } from './RetryNotice';
import { useSignInForm } from './useSignInForm';
import { PasswordField } from '../forms/PasswordField';

/** Every start of the app: who are you, and your password opens the records. */
export function SignInScreen({ clinicName, onSignedIn }: { clinicName: string | null; onSignedIn: () => void }) {
  const { t } = useTranslation();
  useScreenTitle(t('signIn.title'));
  const { form, fields, submit, failure, secondsLeft } = useSignInForm(onSignedIn);
  const { errors, isSubmitting } = form.formState;

  return (
    <WelcomeLayout clinicName={clinicName}>
      <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <Stack gap="lg">
          <div>
            <Title order={1} id="sign-in-title">
              {t('signIn.title')}
            </Title>
            <Text c="dimmed" mt={6}>
              {t('signIn.intro')}
            </Text>
          </div>
          <TextInput label={t('signIn.name')} autoComplete="username" autoFocus error={errors.name?.message} {...fields.name} />
          <PasswordField label={t('signIn.password')} autoComplete="current-password" error={errors.password?.message} {...fields.password} />
          <ErrorAlert error={failure} />
          <div>
            <Button type="submit" fullWidth loading={isSubmitting} disabled={secondsLeft > 0}>
              {t('signIn.submit')}
            </Button>
            <RetryNotice secondsLeft={secondsLeft} />
          </div>
          <Text size="sm" c="dimmed">
            {t('signIn.forgotten')}
          </Text>
        </Stack>
      </form>
    </WelcomeLayout>
  );
}
