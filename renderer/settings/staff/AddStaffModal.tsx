import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../../shared/errors';
import type { StaffMember } from '../../../shared/staff';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { errorText } from '../../bridge/error-text';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { showFieldErrors } from '../../forms/server-errors';
import { useTranslatedResolver } from '../../forms/translated-resolver';
import { NewPasswordFields } from '../../forms/NewPasswordFields';
import { RoleField } from './RoleField';
import { addStaffSchema, type AddStaffValues } from './staff-schemas';
import { Dialog } from '../../app/Dialog';

/** A new member of staff with their own password (their own key slot on the main side). */
export function AddStaffModal({ opened, onClose, onAdded }: { opened: boolean; onClose: () => void; onAdded: (member: StaffMember) => void }) {
  const { t } = useTranslation();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('staff.addTitle')}>
      {opened ? <AddStaffForm onCancel={onClose} onAdded={onAdded} /> : null}
    </Dialog>
  );
}

function AddStaffForm({ onCancel, onAdded }: { onCancel: () => void; onAdded: (member: StaffMember) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const form = useForm<AddStaffValues>({
    resolver: useTranslatedResolver(addStaffSchema),
    defaultValues: { name: '', role: 'practitioner', password: '', confirmPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onAdded(await call('staff.add', { name: values.name, role: values.role, password: values.password }));
    } catch (error) {
      const bridgeError = asBridgeError(error);
      if (bridgeError.code === 'CONFLICT') form.setError('name', { type: 'server', message: errorText(t, bridgeError) });
      else if (!showFieldErrors(bridgeError, form.setError, ['name', 'role', 'password'])) setFailure(bridgeError);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <TextInput label={t('staff.name')} description={t('staff.nameHint')} data-autofocus withAsterisk error={errors.name?.message} {...form.register('name')} />
        <Controller control={form.control} name="role" render={({ field }) => <RoleField value={field.value} onChange={field.onChange} error={errors.role?.message} />} />
        <NewPasswordFields password={form.register('password')} confirm={form.register('confirmPassword')} passwordError={errors.password} confirmError={errors.confirmPassword} />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('staff.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
