import { Badge, Button, Group, Paper, Radio, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MedicalHistoryEntryView } from '../../../shared/clinical/records';
import type { ClientProfile } from '../../../shared/contract/client-channels';
import type { BridgeError } from '../../../shared/errors';
import { blankMedicalHistory, cancerTreatmentStates, MedicalHistoryAnswers } from '../../../shared/screening/medical-history';
import type { z } from 'zod';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { DateField } from '../../forms/DateField';
import { SaveBar } from '../../forms/SaveBar';
import { useTranslatedResolver } from '../../forms/translated-resolver';
import { useDates } from '../../hooks/useDates';
import { useNavigation } from '../../shell/navigation';
import { PageLoading } from '../../shell/PageLoading';
import { PageTitle } from '../../shell/PageTitle';
import { clientName } from '../client-text';
import { AlertLists } from '../screening/AlertLists';
import classes from './MedicalHistoryForm.module.css';
import { questionSections, type Question } from './questions';

/**
 * The questionnaire, asked again: it starts from the latest answers (to be checked with the
 * client, one by one) and saves a new dated entry; nothing earlier is changed. On save it shows
 * what the answers mean for treatment.
 */
export default function MedicalHistoryFormPage({ clientId }: { clientId: string }) {
  const [loaded, setLoaded] = useState<{ profile: ClientProfile; latest: MedicalHistoryAnswers | null } | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  useEffect(() => {
    Promise.all([call('clients.profile', { id: clientId }), call('medicalHistory.list', { clientId })])
      .then(([profile, entries]) => setLoaded({ profile, latest: entries[0]?.answers ?? null }))
      .catch((error: unknown) => setFailure(asBridgeError(error)));
  }, [clientId]);
  if (!loaded) return failure ? <ErrorAlert error={failure} /> : <PageLoading />;
  return <HistoryForm profile={loaded.profile} latest={loaded.latest} />;
}

type AnswersInput = z.input<typeof MedicalHistoryAnswers>;

function HistoryForm({ profile, latest }: { profile: ClientProfile; latest: MedicalHistoryAnswers | null }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [saved, setSaved] = useState<MedicalHistoryEntryView | null>(null);
  const form = useForm<AnswersInput, unknown, MedicalHistoryAnswers>({ resolver: useTranslatedResolver(MedicalHistoryAnswers), defaultValues: latest ?? blankMedicalHistory() });
  const { isSubmitting } = form.formState;
  const name = clientName(profile.client);
  const back = () => go({ page: 'client', clientId: profile.client.id, profileTab: 'history' });

  const submit = form.handleSubmit(async (answers) => {
    setFailure(null);
    try {
      setSaved(await call('medicalHistory.record', { clientId: profile.client.id, answers }));
      window.scrollTo(0, 0);
    } catch (error) {
      setFailure(asBridgeError(error));
    }
  });

  if (saved) return <SavedResult entry={saved} name={name} clientId={profile.client.id} />;

  return (
    <form onSubmit={submit} noValidate aria-label={t('history.formTitle', { name })}>
      <Stack gap="lg">
        <div>
          <Button variant="subtle" size="compact-md" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={back} mb="xs">
            {t('profile.backTo', { name })}
          </Button>
          <PageTitle title={t('history.formTitle', { name })} description={latest ? t('history.formIntroUpdate') : t('history.formIntro')} />
        </div>
        {questionSections.map((section) => (
          <Paper key={section.id} withBorder p="xl" bg="white" component="section" aria-labelledby={`section-${section.id}`}>
            <Title order={2} size="h4" id={`section-${section.id}`}>
              {t(`history.sections.${section.id}`)}
            </Title>
            <Text size="sm" c="dimmed" mt={4} mb="md">
              {t(`history.sectionHints.${section.id}`)}
            </Text>
            <Stack gap={0} className={classes.questions}>
              {section.questions.map((question) => (
                <QuestionField key={question.key} question={question} control={form.control} />
              ))}
            </Stack>
          </Paper>
        ))}
        <ErrorAlert error={failure} />
        <SaveBar>
          <Button variant="default" onClick={back} disabled={isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('history.save')}
          </Button>
        </SaveBar>
      </Stack>
    </form>
  );
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

function QuestionField({ question, control }: { question: Question; control: Control<AnswersInput, unknown, MedicalHistoryAnswers> }) {
  const { t } = useTranslation();
  const label = t(`history.questions.${question.key}.ask`);
  switch (question.kind) {
    case 'yesno':
      return <YesNoField question={question} control={control} label={label} />;
    case 'date':
      return (
        <div className={classes.question}>
          <Controller
            control={control}
            name={question.key}
            render={({ field, fieldState }) => (
              <DateField
                className={classes.grow}
                label={label}
                description={t('history.dateHint')}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
                maw={520}
              />
            )}
          />
          <LevelBadge level={question.level} />
        </div>
      );
    case 'cancer':
      return (
        <div className={classes.question}>
          <Controller
            control={control}
            name="cancerTreatment"
            render={({ field }) => (
              <Select
                className={classes.grow}
                label={label}
                data={cancerTreatmentStates.map((state) => ({ value: state, label: t(`history.cancer.${state}`) }))}
                value={field.value}
                onChange={(value) => value && field.onChange(value)}
                allowDeselect={false}
                maw={520}
              />
            )}
          />
          <LevelBadge level={question.level} />
        </div>
      );
    case 'text':
      return (
        <div className={classes.question}>
          <Controller
            control={control}
            name={question.key}
            render={({ field, fieldState }) => (
              <Textarea className={classes.grow} label={label} description={t(`history.questions.${question.key}.hint`)} autosize minRows={2} maxRows={6} {...field} error={fieldState.error?.message} />
            )}
          />
        </div>
      );
  }
}

function YesNoField({ question, control, label }: { question: Extract<Question, { kind: 'yesno' }>; control: Control<AnswersInput, unknown, MedicalHistoryAnswers>; label: string }) {
  const { t } = useTranslation();
  const answer = useWatch({ control, name: question.key });
  return (
    <div className={classes.question} data-yes={answer?.yes || undefined}>
      <Stack gap="xs" className={classes.grow}>
        <Controller
          control={control}
          name={`${question.key}.yes`}
          render={({ field }) => (
            <Radio.Group label={label} value={field.value ? 'yes' : 'no'} onChange={(value) => field.onChange(value === 'yes')} classNames={{ root: classes.yesNo, label: classes.yesNoLabel }}>
              <Group gap="lg" wrap="nowrap">
                <Radio value="no" label={t('history.no')} />
                <Radio value="yes" label={t('history.yes')} />
              </Group>
            </Radio.Group>
          )}
        />
        {answer?.yes ? (
          <Controller
            control={control}
            name={`${question.key}.detail`}
            render={({ field, fieldState }) => (
              <TextInput
                label={t('history.details')}
                aria-label={t('history.detailsFor', { question: label })}
                placeholder={t(`history.questions.${question.key}.detail`)}
                {...field}
                error={fieldState.error?.message}
                maw={520}
              />
            )}
          />
        ) : null}
      </Stack>
      <LevelBadge level={question.level} />
    </div>
  );
}

function SavedResult({ entry, name, clientId }: { entry: MedicalHistoryEntryView; name: string; clientId: string }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const dates = useDates();
  const stops = entry.alerts.filter((alert) => alert.level === 'stop').length;
  return (
    <Stack gap="lg">
      <PageTitle title={t('history.savedTitle', { name })} description={t('history.recordedBy', { when: dates.dateTime(entry.recordedAt), name: entry.recordedByName })} />
      <Paper withBorder p="xl" bg="white">
        <Stack gap="md">
          {entry.alerts.length === 0 ? (
            <Group gap="sm" wrap="nowrap">
              <IconCircleCheck size={24} color="var(--mantine-color-sage-7)" aria-hidden />
              <Text size="lg" role="status">
                {t('history.savedNoAlerts')}
              </Text>
            </Group>
          ) : (
            <>
              <Text size="lg">{stops > 0 ? t('history.savedWithStops') : t('history.savedWithCautions')}</Text>
              <AlertLists alerts={entry.alerts} live />
            </>
          )}
          <Group>
            <Button onClick={() => go({ page: 'client', clientId })}>{t('profile.backTo', { name })}</Button>
            <Button variant="default" onClick={() => go({ page: 'client', clientId, profileTab: 'history' })}>
              {t('history.viewAnswers')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
