import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../../shared/errors';
import type { StaffMember } from '../../../shared/staff';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { showFieldErrors } from '../../forms/server-errors';
import { useTranslatedResolver } from '../../forms/translated-resolver';
import { NewPasswordFields } from '../../forms/NewPasswordFields';
import { resetPasswordSchema, type ResetPasswordValues } from './staff-schemas';
import { Dialog } from '../../app/Dialog';

/** For someone who forgot their password: the admin sets a new one (a fresh key slot replaces the old). */
export function ResetPasswordModal({ member, onClose, onDone }: { member: StaffMember | null; onClose: () => void; onDone: (member: StaffMember) => void }) {
  const { t } = useTranslation();
  return (
    <Dialog opened={member !== null} onClose={onClose} title={member ? t('staff.resetTitle', { name: member.name }) : ''}>
      {member ? <ResetPasswordForm member={member} onCancel={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}

function ResetPasswordForm({ member, onCancel, onDone }: { member: StaffMember; onCancel: () => void; onDone: (member: StaffMember) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const form = useForm<ResetPasswordValues>({ resolver: useTranslatedResolver(resetPasswordSchema), defaultValues: { newPassword: '', confirmPassword: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await call('staff.resetPassword', { id: member.id, newPassword: values.newPassword });
      onDone(member);
    } catch (error) {
      const bridgeError = asBridgeError(error);
      if (!showFieldErrors(bridgeError, form.setError, ['newPassword'])) setFailure(bridgeError);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Text c="dimmed">{t('staff.resetIntro', { name: member.name })}</Text>
        <NewPasswordFields
          label={t('staff.newPassword')}
          autoFocus
          password={form.register('newPassword')}
          confirm={form.register('confirmPassword')}
          passwordError={errors.newPassword}
          confirmError={errors.confirmPassword}
        />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('staff.resetSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
