import { Paper, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ConsentTemplateDraft } from '../../../shared/consents/template';
import { fieldMessage } from '../parts/field-message';
import { MarkPad } from '../signing/MarkPad';
import type { ClientPartValues } from './consent-form';

/**
 * The witness's turn, after the client has signed: their name and their signature under the
 * template's witness statement. The client hands the screen over; nothing else of the app shows.
 * Name and ink are separate fields so each message sits beside its own box.
 */
export function WitnessStep({ template, clientName }: { template: ConsentTemplateDraft; clientName: string }) {
  const { t } = useTranslation();
  const { control, setValue } = useFormContext<ClientPartValues>();
  const name = useWatch({ control, name: 'signatures.witness.name' }) ?? '';
  return (
    <Stack gap="lg">
      <Text size="lg">{t('consents.witness.intro', { client: clientName })}</Text>
      <Controller
        control={control}
        name="signatures.witness.name"
        render={({ field, fieldState }) => (
          <TextInput
            size="lg"
            label={t('consents.witness.name')}
            value={field.value}
            maxLength={120}
            autoComplete="off"
            onChange={(event) => field.onChange(event.currentTarget.value)}
            onBlur={field.onBlur}
            ref={field.ref}
            // Empty is the only way to get the name wrong here (the box stops at 120 characters).
            error={fieldState.error ? t('consents.form.witnessName') : undefined}
          />
        )}
      />
      <Paper withBorder p="lg" bg="white">
        <Text size="lg">{template.signatures.witness}</Text>
      </Paper>
      <Controller
        control={control}
        name="signatures.witness.ink"
        render={({ field, fieldState }) => (
          <MarkPad
            kind="signature"
            label={t('consents.form.signHere.witness')}
            signer={t('consents.form.signer.witness', { name: name.trim() || t('consents.witness.unnamed'), client: clientName })}
            error={fieldMessage(fieldState.error)}
            height={220}
            initial={field.value}
            onChange={(ink) => {
              field.onChange(ink);
              setValue('signatures.witness.drawnAt', ink ? new Date().toISOString() : null);
            }}
          />
        )}
      />
    </Stack>
  );
}
