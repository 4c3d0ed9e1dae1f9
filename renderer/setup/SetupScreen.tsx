import { Button, Divider, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../shared/errors';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { WelcomeLayout } from '../brand/WelcomeLayout';
import { useScreenTitle } from '../app/useScreenTitle';
import type { NetworkShareKind } from '../../shared/contract/channels';
import { NetworkShareWarning } from '../backups/NetworkShareWarning';
import { RestoreEntry } from '../backups/RestoreEntry';
import { ErrorAlert } from '../errors/ErrorAlert';
import { showFieldErrors } from '../forms/server-errors';
import { useTranslatedResolver } from '../forms/translated-resolver';
import { NewPasswordFields } from '../forms/NewPasswordFields';
import { setupFormSchema, type SetupFormValues } from './setup-schema';

/** First run on this PC: the clinic, its first admin, and the password that will open the records. */
export default function SetupScreen({
  onCreated,
  onRestored,
  networkShare,
}: {
  onCreated: (recoveryKey: string) => void;
  onRestored: () => void;
  /** The data folder is on a network drive: warned about before any record is written there. */
  networkShare: NetworkShareKind | null;
}) {
  const { t } = useTranslation();
  useScreenTitle(t('setup.title'));
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const form = useForm<SetupFormValues>({
    resolver: useTranslatedResolver(setupFormSchema),
    defaultValues: { clinicName: '', clinicAddress: '', adminName: '', password: '', confirmPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const { recoveryKey } = await call('setup.create', {
        clinicName: values.clinicName,
        clinicAddress: values.clinicAddress,
        adminName: values.adminName,
        password: values.password,
      });
      onCreated(recoveryKey);
    } catch (error) {
      const bridgeError = asBridgeError(error);
      if (!showFieldErrors(bridgeError, form.setError, ['clinicName', 'clinicAddress', 'adminName', 'password'])) setFailure(bridgeError);
    }
  });

  return (
    <WelcomeLayout wide>
      <form onSubmit={submit} noValidate aria-labelledby="setup-title">
        <Stack gap="md">
          <div>
            <Title order={1} id="setup-title">
              {t('setup.title')}
            </Title>
            <Text c="dimmed" mt={6}>
              {t('setup.intro')}
            </Text>
          </div>
          <NetworkShareWarning kind={networkShare} />
          <RestoreEntry where="setup" onRestored={onRestored} />
          <Title order={2} size="h4">
            {t('setup.clinicSection')}
          </Title>
          <TextInput label={t('settings.clinic.name')} autoFocus withAsterisk error={errors.clinicName?.message} {...form.register('clinicName')} />
          <Textarea
            label={t('settings.clinic.address')}
            description={t('setup.addressHint')}
            autosize
            minRows={2}
            maxRows={4}
            error={errors.clinicAddress?.message}
            {...form.register('clinicAddress')}
          />
          <Divider />
          <Title order={2} size="h4">
            {t('setup.adminSection')}
          </Title>
          <TextInput label={t('setup.adminName')} description={t('setup.adminNameHint')} autoComplete="username" withAsterisk error={errors.adminName?.message} {...form.register('adminName')} />
          <NewPasswordFields password={form.register('password')} confirm={form.register('confirmPassword')} passwordError={errors.password} confirmError={errors.confirmPassword} />
          <ErrorAlert error={failure} />
          <Button type="submit" loading={isSubmitting} size="lg">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </WelcomeLayout>
  );
}
