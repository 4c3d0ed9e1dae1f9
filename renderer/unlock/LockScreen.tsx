import { Avatar, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../shared/errors';
import type { SignedInStaff } from '../../shared/staff';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { WelcomeLayout } from '../brand/WelcomeLayout';
import { useScreenTitle } from '../app/useScreenTitle';
import { ErrorAlert } from '../errors/ErrorAlert';
import { initials } from '../shell/initials';
import { RetryNotice } from './RetryNotice';
import { SwitchUserForm } from './SwitchUserForm';
import { useRetryCountdown } from './useRetryCountdown';
import { PasswordField } from '../forms/PasswordField';

/**
 * Shown instead of the app (which is unmounted, not covered) while the screen is locked: who is
 * signed in, their password to carry on, or another member of staff signs in in one step.
 */
export function LockScreen({ staff, clinicName, onUnlocked }: { staff: SignedInStaff | null; clinicName: string | null; onUnlocked: () => void }) {
  const { t } = useTranslation();
  useScreenTitle(t('lock.title'));
  const [switching, setSwitching] = useState(false);

  return (
    <WelcomeLayout clinicName={clinicName}>
      <Stack gap="lg">
        <Group gap="sm">
          <IconLock size={28} aria-hidden color="var(--mantine-color-sage-7)" />
          <Title order={1}>{t('lock.title')}</Title>
        </Group>
        {switching ? <SwitchUserForm onSignedIn={onUnlocked} onCancel={() => setSwitching(false)} /> : <UnlockForm staff={staff} onUnlocked={onUnlocked} />}
        {!switching ? (
          <>
            <Divider label={t('lock.notYou', { name: staff?.name ?? '' })} labelPosition="center" />
            <Button variant="default" onClick={() => setSwitching(true)}>
              {t('lock.switchUser')}
            </Button>
          </>
        ) : null}
      </Stack>
    </WelcomeLayout>
  );
}

function UnlockForm({ staff, onUnlocked }: { staff: SignedInStaff | null; onUnlocked: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const countdown = useRetryCountdown();
  const form = useForm<{ password: string }>({ defaultValues: { password: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ password }) => {
    setFailure(null);
    try {
      await call('session.unlock', { password });
      onUnlocked();
    } catch (error) {
      const bridgeError = asBridgeError(error);
      setFailure(bridgeError);
      countdown.start(bridgeError.retryAfterSeconds);
      form.resetField('password');
      form.setFocus('password');
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('lock.formLabel')}>
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md" bg="white">
          <Group gap="md" wrap="nowrap">
            <Avatar color="sage" radius="xl" size="lg" aria-hidden>
              {initials(staff?.name ?? '')}
            </Avatar>
            <div>
              <Text fw={600} size="lg">
                {staff?.name}
              </Text>
              <Text size="sm" c="dimmed">
                {staff ? t('lock.signedInAs', { role: t(`roles.${staff.role}.name`) }) : null}
              </Text>
            </div>
          </Group>
        </Paper>
        <PasswordField label={t('lock.password')} autoComplete="current-password" autoFocus error={errors.password?.message} {...form.register('password', { required: t('validation.required') })} />
        <ErrorAlert error={failure} />
        <div>
          <Button type="submit" fullWidth loading={isSubmitting} disabled={countdown.secondsLeft > 0}>
            {t('lock.unlock')}
          </Button>
          <RetryNotice secondsLeft={countdown.secondsLeft} />
        </div>
      </Stack>
    </form>
  );
}
