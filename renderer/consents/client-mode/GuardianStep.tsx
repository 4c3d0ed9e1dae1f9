import { Radio, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useFormContext, useFormState } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { guardianReasons, type GuardianDetails } from '../../../shared/consents/filled-form';
import type { ClientPartValues } from './consent-form';

const blankGuardian: GuardianDetails = { name: '', relationship: '', reason: 'minor' };

/** Who signs for a client under 18 or who cannot consent themselves, and why. */
export function GuardianStep({ minor }: { minor: boolean }) {
  const { t } = useTranslation();
  const { control } = useFormContext<ClientPartValues>();
  // The guardian's errors sit under guardian.name / guardian.relationship (or on guardian itself).
  const { errors: formErrors } = useFormState({ control, name: 'guardian' });
  return (
    <Controller
      control={control}
      name="guardian"
      render={({ field, fieldState }) => {
        const guardian = field.value ?? { ...blankGuardian, reason: minor ? 'minor' : 'cannot-consent' };
        const set = (change: Partial<GuardianDetails>) => field.onChange({ ...guardian, ...change });
        const errors = (formErrors.guardian ?? fieldState.error) as unknown as { message?: string; name?: { message?: string }; relationship?: { message?: string } } | undefined;
        return (
          <Stack gap="lg">
            <Text size="lg">{t('consents.guardian.intro')}</Text>
            <TextInput
              size="lg"
              label={t('consents.guardian.name')}
              value={guardian.name}
              maxLength={120}
              onChange={(event) => set({ name: event.currentTarget.value })}
              error={errors?.name ? t('consents.form.guardianName') : undefined}
            />
            <TextInput
              size="lg"
              label={t('consents.guardian.relationship')}
              value={guardian.relationship}
              maxLength={80}
              onChange={(event) => set({ relationship: event.currentTarget.value })}
              error={errors?.relationship ? t('consents.form.guardianRelationship') : undefined}
            />
            <Radio.Group size="lg" label={t('consents.guardian.reason')} value={guardian.reason} onChange={(value) => set({ reason: value as GuardianDetails['reason'] })}>
              <Stack gap="sm" mt="xs">
                {guardianReasons.map((reason) => (
                  <Radio key={reason} value={reason} label={t(`consents.guardian.reasons.${reason}`)} size="md" />
                ))}
              </Stack>
            </Radio.Group>
            {errors?.message ? (
              <Text size="sm" c="red.8" role="alert">
                {errors.message}
              </Text>
            ) : null}
          </Stack>
        );
      }}
    />
  );
}
