import { Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../shared/staff';

/** Roles as radio cards with what each may do, so an admin picks knowingly. */
export function RoleField({ value, onChange, error }: { value: Role; onChange: (role: Role) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t('staff.role')} value={value} onChange={(next) => onChange(next as Role)} error={error} withAsterisk>
      <Stack gap="sm" mt="xs">
        {roles.map((role) => (
          <Radio key={role} value={role} label={t(`roles.${role}.name`)} description={t(`roles.${role}.description`)} />
        ))}
      </Stack>
    </Radio.Group>
  );
}
