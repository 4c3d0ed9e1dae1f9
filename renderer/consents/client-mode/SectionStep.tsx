import { Divider, Paper, Stack } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TemplateSection } from '../../../shared/consents/template';
import { RichText } from '../parts/RichText';
import { InitialBox } from '../signing/InitialBox';
import { fieldMessage } from '../parts/field-message';
import type { ClientPartValues } from './consent-form';
import { PhotographyChoicesField } from './PhotographyChoicesField';
import { QuestionField } from './QuestionField';

/** One section of the form: its text to read, its questions, the photography choices where they sit, and the initials once read. */
export function SectionStep({ section }: { section: TemplateSection }) {
  const { t } = useTranslation();
  const { control } = useFormContext<ClientPartValues>();
  return (
    <Stack gap="lg">
      {section.body.length > 0 ? (
        <Paper withBorder p="lg" bg="white">
          <RichText blocks={section.body} />
        </Paper>
      ) : null}
      {section.questions.length > 0 ? (
        <Stack gap="xl">
          {section.questions.map((question) => (
            <QuestionField key={question.id} question={question} />
          ))}
        </Stack>
      ) : null}
      {section.photography ? <PhotographyChoicesField wording={section.photography} /> : null}
      {section.initials ? (
        <>
          <Divider />
          <Controller
            control={control}
            name={`initials.${section.id}`}
            render={({ field, fieldState }) => (
              <div style={{ maxWidth: 420 }}>
                <InitialBox label={t('consents.form.initialHere', { section: section.title })} error={fieldMessage(fieldState.error)} initial={field.value} onChange={(ink) => field.onChange(ink)} />
              </div>
            )}
          />
        </>
      ) : null}
    </Stack>
  );
}
