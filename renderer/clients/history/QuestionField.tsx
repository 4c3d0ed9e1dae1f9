import { Badge, Group, Radio, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { IconCircleCheck, IconHistory } from '@tabler/icons-react';
import { Controller, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { cancerTreatmentStates, historyDetailMax, historyTextMax, type MedicalHistoryAnswers, type QuestionKey } from '../../../shared/screening/medical-history';
import { DateField } from '../../forms/DateField';
import { LengthHint } from '../../forms/LengthHint';
import classes from './MedicalHistoryForm.module.css';
import type { Question } from './questions';

type AnswersInput = z.input<typeof MedicalHistoryAnswers>;
type FormControl = Control<AnswersInput, unknown, MedicalHistoryAnswers>;

/** Where each answer stands in an update: carried forward and still to confirm, or confirmed today. */
export interface Carried {
  fromDate: string;
  pending: ReadonlySet<QuestionKey>;
  confirmed: ReadonlySet<QuestionKey>;
}

/**
 * One question with no default choice: its answers, "Client declined to answer" among them, and
 * the detail a "yes" needs. `onAnswered` tells the form the answer was given today (and with a
 * new choice, to empty a date or text that no longer goes with it, so what is saved is what is shown).
 */
export function QuestionField({ question, control, carried, onAnswered }: { question: Question; control: FormControl; carried: Carried; onAnswered: (key: QuestionKey, choice?: string) => void }) {
  const { t } = useTranslation();
  const label = t(`history.questions.${question.key}.ask`);
  const answer = useWatch({ control, name: `${question.key}.answer` });
  const mark = <CarriedMark questionKey={question.key} carried={carried} />;
  // The question's own two answers, then "Client declined to answer"; no choice is made for anyone.
  const answerChoices = (choices: [value: string, text: string][]) => (
    <Controller
      control={control}
      name={`${question.key}.answer`}
      render={({ field, fieldState }) => (
        <Radio.Group
          label={label}
          description={mark}
          value={field.value ?? null}
          onChange={(value) => {
            field.onChange(value);
            onAnswered(question.key, value);
          }}
          error={fieldState.error?.message}
          classNames={{ root: classes.yesNo, label: classes.yesNoLabel, error: classes.yesNoError }}
        >
          <Group gap="lg" wrap="nowrap" className={classes.choices}>
            {choices.map(([value, text]) => (
              <Radio key={value} value={value} label={text} />
            ))}
            <Radio value="declined" label={t('history.declinedOption')} />
          </Group>
        </Radio.Group>
      )}
    />
  );
  let body;
  switch (question.kind) {
    case 'yesno':
      body = (
        <Stack gap="xs" className={classes.grow}>
          {answerChoices([
            ['no', t('history.no')],
            ['yes', t('history.yes')],
          ])}
          {answer === 'yes' ? (
            <Controller
              control={control}
              name={`${question.key}.detail`}
              render={({ field, fieldState }) => (
                <TextInput
                  label={t('history.details')}
                  aria-label={t('history.detailsFor', { question: label })}
                  placeholder={t(`history.questions.${question.key}.detail`)}
                  description={<LengthHint length={(field.value ?? '').length} max={historyDetailMax} />}
                  {...field}
                  onChange={(event) => {
                    field.onChange(event);
                    onAnswered(question.key);
                  }}
                  error={fieldState.error?.message}
                  maw={520}
                />
              )}
            />
          ) : null}
        </Stack>
      );
      break;
    case 'date':
      body = (
        <Stack gap="xs" className={classes.grow}>
          {answerChoices([
            ['never', t('history.dateChoices.never')],
            ['on', t('history.dateChoices.on')],
          ])}
          <Controller
            control={control}
            name={`${question.key}.date`}
            render={({ field, fieldState }) =>
              answer === 'on' ? (
                <DateField
                  label={t('history.dateLabel')}
                  aria-label={`${label}: ${t('history.dateLabel')}`}
                  description={t('history.dateHint')}
                  value={field.value ?? null}
                  onChange={(value) => {
                    field.onChange(value);
                    onAnswered(question.key);
                  }}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                  maw={320}
                />
              ) : (
                <></>
              )
            }
          />
        </Stack>
      );
      break;
    case 'cancer':
      body = (
        <Controller
          control={control}
          name="cancerTreatment.answer"
          render={({ field, fieldState }) => (
            <Select
              className={classes.grow}
              label={label}
              description={mark}
              placeholder={t('history.cancerPlaceholder')}
              data={[...cancerTreatmentStates.map((state) => ({ value: state, label: t(`history.cancer.${state}`) })), { value: 'declined', label: t('history.declinedOption') }]}
              value={field.value ?? null}
              onChange={(value) => {
                if (value) {
                  field.onChange(value);
                  onAnswered(question.key);
                }
              }}
              allowDeselect={false}
              error={fieldState.error?.message}
              maw={520}
            />
          )}
        />
      );
      break;
    case 'text':
      body = (
        <Stack gap="xs" className={classes.grow}>
          {answerChoices([
            ['none', t('history.textChoices.none')],
            ['some', t('history.textChoices.some')],
          ])}
          <Controller
            control={control}
            name={`${question.key}.text`}
            render={({ field, fieldState }) =>
              answer === 'some' ? (
                <Textarea
                  label={t('history.textLabel')}
                  aria-label={`${label}: ${t('history.textLabel')}`}
                  description={
                    <>
                      {t(`history.questions.${question.key}.hint`)} <LengthHint length={(field.value ?? '').length} max={historyTextMax} />
                    </>
                  }
                  autosize
                  minRows={2}
                  maxRows={6}
                  {...field}
                  value={field.value ?? ''}
                  onChange={(event) => {
                    field.onChange(event);
                    onAnswered(question.key);
                  }}
                  error={fieldState.error?.message}
                />
              ) : (
                <></>
              )
            }
          />
        </Stack>
      );
      break;
  }
  return (
    <div className={classes.question} id={`question-${question.key}`} data-yes={answer === 'yes' || undefined} data-pending={carried.pending.has(question.key) || undefined}>
      {body}
      {'level' in question ? <LevelBadge level={question.level} /> : null}
    </div>
  );
}

function CarriedMark({ questionKey, carried }: { questionKey: QuestionKey; carried: Carried }) {
  const { t } = useTranslation();
  if (carried.pending.has(questionKey)) {
    return (
      <Badge component="span" variant="light" color="orange" c="#8f3a06" size="md" leftSection={<IconHistory size={13} aria-hidden />} className={classes.carried}>
        {t('history.carried', { date: carried.fromDate })}
      </Badge>
    );
  }
  if (carried.confirmed.has(questionKey)) {
    return (
      <Badge component="span" variant="light" color="sage" size="md" leftSection={<IconCircleCheck size={13} aria-hidden />} className={classes.carried}>
        {t('history.carriedConfirmed', { date: carried.fromDate })}
      </Badge>
    );
  }
  return null;
}

function LevelBadge({ level }: { level: 'stop' | 'caution' | undefined }) {
  const { t } = useTranslation();
  if (!level) return null;
  return (
    <Badge size="lg" variant="light" color={level === 'stop' ? 'red' : 'yellow'} c={level === 'stop' ? 'red.9' : 'dark.9'} className={classes.level}>
      {t(`history.raises.${level}`)}
    </Badge>
  );
}
