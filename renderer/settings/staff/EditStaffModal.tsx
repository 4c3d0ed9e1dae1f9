import { Button, Group, Stack, Switch, TextInput } from '@mantine/core';
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
import { RoleField } from './RoleField';
import { editStaffSchema, type EditStaffValues } from './staff-schemas';
import { Dialog } from '../../app/Dialog';

/** Name, role and active flag of one member of staff. Deactivating removes their key slot. */
export function EditStaffModal({ member, isSelf, onClose, onSaved }: { member: StaffMember | null; isSelf: boolean; onClose: () => void; onSaved: (member: StaffMember) => void }) {
  const { t } = useTranslation();
  return (
    <Dialog opened={member !== null} onClose={onClose} title={member ? t('staff.editTitle', { name: member.name }) : ''}>
      {member ? <EditStaffForm member={member} isSelf={isSelf} onCancel={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}

function EditStaffForm({ member, isSelf, onCancel, onSaved }: { member: StaffMember; isSelf: boolean; onCancel: () => void; onSaved: (member: StaffMember) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const form = useForm<EditStaffValues>({
    resolver: useTranslatedResolver(editStaffSchema),
    defaultValues: { name: member.name, role: member.role, active: member.active },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      onSaved(await call('staff.update', { id: member.id, name: values.name, role: values.role, active: values.active }));
    } catch (error) {
      const bridgeError = asBridgeError(error);
      if (bridgeError.code === 'CONFLICT' && form.getValues('name') !== member.name) {
        form.setError('name', { type: 'server', message: errorText(t, bridgeError) });
      } else if (!showFieldErrors(bridgeError, form.setError, ['name', 'role', 'active'])) setFailure(bridgeError);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <TextInput label={t('staff.name')} data-autofocus withAsterisk error={errors.name?.message} {...form.register('name')} />
        <Controller control={form.control} name="role" render={({ field }) => <RoleField value={field.value} onChange={field.onChange} error={errors.role?.message} />} />
        <Controller
          control={form.control}
          name="active"
          render={({ field }) => (
            <Switch
              label={t('staff.active')}
              description={isSelf ? t('staff.activeSelfHint') : t('staff.activeHint')}
              checked={field.value}
              disabled={isSelf}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
            />
          )}
        />
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
