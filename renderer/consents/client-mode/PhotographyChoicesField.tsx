import { Checkbox, Stack, Text } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PhotographyChoices } from '../../../shared/consents/photography';
import type { PhotographyBlock } from '../../../shared/consents/template';
import type { ClientPartValues } from './consent-form';

const choiceOrder: (keyof PhotographyChoices)[] = ['clinicalRecord', 'teaching', 'marketingFaceVisible', 'marketingFaceHidden'];

/** The four photography uses, each its own tick: a client may allow one and refuse another. */
export function PhotographyChoicesField({ wording }: { wording: PhotographyBlock }) {
  const { t } = useTranslation();
  const { control } = useFormContext<ClientPartValues>();
  return (
    <Controller
      control={control}
      name="photography"
      render={({ field, fieldState }) => {
        const choices = field.value ?? { clinicalRecord: false, teaching: false, marketingFaceVisible: false, marketingFaceHidden: false };
        return (
          <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600} size="lg" mb="xs">
              {t('consents.form.photographyLegend')}
            </Text>
            <Text size="md" c="dimmed">
              {t('consents.form.photographyHint')}
            </Text>
            {choiceOrder.map((choice) => (
              <Checkbox key={choice} size="lg" label={wording[choice]} checked={choices[choice]} onChange={(event) => field.onChange({ ...choices, [choice]: event.currentTarget.checked })} />
            ))}
            {wording.clinicalRecordMustAgree && !choices.clinicalRecord ? (
              <Text size="md" c="orange.9" role="status">
                {t('consents.form.clinicalRecordNeeded')}
              </Text>
            ) : null}
            {fieldState.error?.message ? (
              <Text size="sm" c="red.8" role="alert">
                {fieldState.error.message}
              </Text>
            ) : null}
          </Stack>
        );
      }}
    />
  );
}
