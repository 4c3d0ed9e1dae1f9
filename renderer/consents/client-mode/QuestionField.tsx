import { useEffect, useRef } from 'react';
import { Alert, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../shared/consents/template';
import { DateField } from '../../forms/DateField';
import type { ClientPartValues } from './consent-form';

/** One question of a template, sized for the client to read and answer at arm's length. */
export function QuestionField({ question }: { question: Question }) {
  const { t } = useTranslation();
  const { control } = useFormContext<ClientPartValues>();
  const name = `answers.${question.id}` as const;
  const label = question.required ? question.label : t('consents.form.optionalLabel', { label: question.label });

  switch (question.kind) {
    case 'yes-no':
      return <YesNoField question={question} label={label} />;
    case 'choice':
      return (
        <Controller
          control={control}
          name={name}
          render={({ field, fieldState }) => (
            <Radio.Group label={label} description={question.help} size="lg" value={typeof field.value === 'string' ? field.value : null} onChange={field.onChange} error={fieldState.error?.message}>
              <Stack gap="sm" mt="xs">
                {question.options.map((option) => (
                  <Radio key={option.id} value={option.id} label={option.label} size="md" />
                ))}
              </Stack>
            </Radio.Group>
          )}
        />
      );
    case 'date':
      return (
        <Controller
          control={control}
          name={name}
          render={({ field, fieldState }) => (
            <DateField
              label={label}
              description={question.help}
              size="lg"
              value={typeof field.value === 'string' ? field.value : null}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
              maw={360}
            />
          )}
        />
      );
    case 'text':
      return (
        <Controller
          control={control}
          name={name}
          render={({ field, fieldState }) => {
            const common = {
              label,
              description: question.help,
              size: 'lg' as const,
              value: typeof field.value === 'string' ? field.value : '',
              onChange: (event: { currentTarget: { value: string } }) => field.onChange(event.currentTarget.value),
              onBlur: field.onBlur,
              error: fieldState.error?.message,
              maxLength: question.maxLength ?? 2000,
            };
            return question.multiline ? <Textarea {...common} autosize minRows={2} maxRows={6} /> : <TextInput {...common} />;
          }}
        />
      );
  }
}

function YesNoField({ question, label }: { question: Extract<Question, { kind: 'yes-no' }>; label: string }) {
  const { t } = useTranslation();
  const { control } = useFormContext<ClientPartValues>();
  const value = useWatch({ control, name: `answers.${question.id}` });
  const saidYes = typeof value === 'object' && value !== null && value.answer === 'yes';
  const refused = question.mustAgree === true && typeof value === 'object' && value !== null && value.answer === 'no';
  const refusal = useRef<HTMLDivElement | null>(null);
  // The message appears below the answer: bring it into view so the client reads it.
  useEffect(() => {
    if (refused) refusal.current?.scrollIntoView({ block: 'nearest' });
  }, [refused]);
  return (
    <Stack gap="xs">
      <Controller
        control={control}
        name={`answers.${question.id}.answer` as `answers.${string}`}
        render={({ field, fieldState }) => (
          <Radio.Group label={label} description={question.help} size="lg" value={typeof field.value === 'string' ? field.value : null} onChange={field.onChange} error={fieldState.error?.message}>
            <Group gap="xl" mt="xs">
              <Radio value="yes" label={t('consents.form.yes')} size="md" />
              <Radio value="no" label={t('consents.form.no')} size="md" />
            </Group>
          </Radio.Group>
        )}
      />
      {refused ? (
        <Alert ref={refusal} color="orange" variant="light" icon={<IconMessageCircle aria-hidden />} title={t('consents.form.refusedTitle')} role="status">
          <Text size="md">{t('consents.form.refused')}</Text>
        </Alert>
      ) : null}
      {saidYes && question.detailWhenYes ? (
        <Controller
          control={control}
          name={`answers.${question.id}.detail` as `answers.${string}`}
          render={({ field, fieldState }) => (
            <Textarea
              label={question.detailWhenYes?.required ? question.detailWhenYes.label : t('consents.form.optionalLabel', { label: question.detailWhenYes?.label ?? '' })}
              size="lg"
              autosize
              minRows={2}
              maxRows={5}
              maxLength={1000}
              value={typeof field.value === 'string' ? field.value : ''}
              onChange={(event) => field.onChange(event.currentTarget.value)}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
            />
          )}
        />
      ) : null}
    </Stack>
  );
}
