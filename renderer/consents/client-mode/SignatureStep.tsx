import { Paper, Stack, Text } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ConsentTemplateDraft } from '../../../shared/consents/template';
import { MarkPad } from '../signing/MarkPad';
import { fieldMessage } from '../parts/field-message';
import type { ClientPartValues } from './consent-form';

/** The declaration and the client's (or guardian's) signature. */
export function SignatureStep({ template, signerName, guardianSigns }: { template: ConsentTemplateDraft; signerName: string; guardianSigns: boolean }) {
  const { t } = useTranslation();
  const { control } = useFormContext<ClientPartValues>();
  const role = guardianSigns ? 'guardian' : 'client';
  const guardian = useWatch({ control, name: 'guardian' });
  const name = guardianSigns ? (guardian?.name ?? '') : signerName;
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" bg="white">
        <Text size="lg">{template.signatures[role]}</Text>
      </Paper>
      <Controller
        control={control}
        name={`signatures.${role}`}
        render={({ field, fieldState }) => (
          <MarkPad
            kind="signature"
            label={t(`consents.form.signHere.${role}`)}
            signer={t(`consents.form.signer.${role}`, { name, client: signerName })}
            error={fieldMessage(fieldState.error)}
            height={220}
            initial={field.value?.ink}
            onChange={(ink) => field.onChange(ink ? { ink, drawnAt: new Date().toISOString() } : null)}
          />
        )}
      />
    </Stack>
  );
}
