import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { answerState, type MedicalHistoryAnswers, type QuestionKey } from '../../../shared/screening/medical-history';
import { flaggedQuestions, type AlertLevel, type ScreeningAlert } from '../../../shared/screening/rules';
import { useDates } from '../../hooks/useDates';
import classes from './AnswersView.module.css';
import { questionSections, type Question } from './questions';

/**
 * One answer set, readable at a glance: every question with its answer ("Not answered" and
 * "Declined to answer" in words, never as "No"), answers carried forward and confirmed marked
 * with their date, details in full. An answer is flagged by the screening alerts shown with it
 * (today's for the latest answers), so the badges and the screening use the same windows.
 */
export function AnswersView({ entry, alerts, idPrefix }: { entry: EntryLike; alerts: readonly ScreeningAlert[]; idPrefix: string }) {
  const { t } = useTranslation();
  const flags = flaggedQuestions(alerts);
  return (
    <Stack gap="lg">
      {entry.legacyForm ? (
        <Text size="sm" c="dimmed" fs="italic">
          {t('history.legacyForm')}
        </Text>
      ) : null}
      {questionSections.map((section) => (
        <section key={section.id} aria-labelledby={`${idPrefix}-${section.id}`}>
          <Title order={3} size="h4" id={`${idPrefix}-${section.id}`} mb="xs">
            {t(`history.sections.${section.id}`)}
          </Title>
          <SimpleGrid cols={2} spacing="lg" verticalSpacing={4} component="dl" className={classes.list}>
            {section.questions.map((question) => (
              <Answer key={question.key} question={question} entry={entry} level={flags[question.key]} />
            ))}
          </SimpleGrid>
        </section>
      ))}
    </Stack>
  );
}

interface EntryLike {
  answers: MedicalHistoryAnswers;
  carriedForward: { fromRecordedAt: string; questions: readonly QuestionKey[] } | null;
  legacyForm: boolean;
}

function answerText(t: TFunction, dates: ReturnType<typeof useDates>, question: Question, entry: EntryLike): string {
  const value = entry.answers[question.key];
  if (value.answer === null) return t('history.notAnswered');
  if (value.answer === 'declined') return t('history.declined');
  if ('detail' in value) return value.answer === 'yes' ? (value.detail ? t('history.yesWith', { detail: value.detail }) : t('history.yes')) : t('history.no');
  if ('date' in value) return value.answer === 'on' ? dates.day(value.date) : entry.legacyForm ? t('history.neverLegacy') : t('history.never');
  if ('text' in value) return value.answer === 'some' ? value.text : t('common.none');
  return t(`history.cancer.${value.answer}`);
}

function Answer({ question, entry, level }: { question: Question; entry: EntryLike; level: AlertLevel | undefined }) {
  const { t } = useTranslation();
  const dates = useDates();
  const state = answerState(entry.answers, question.key);
  const text = answerText(t, dates, question, entry);
  const carried = entry.carriedForward?.questions.includes(question.key) ? entry.carriedForward.fromRecordedAt : null;
  return (
    <div className={classes.item} data-flagged={level !== undefined || undefined} data-unknown={state !== 'answered' || undefined}>
      <Text component="dt" size="sm" c="dimmed">
        {t(`history.questions.${question.key}.short`)}
      </Text>
      <Text component="dd" size="sm" fw={level ? 600 : 400} className={classes.value}>
        <Group gap={6} wrap="nowrap" align="baseline" component="span">
          {level ? (
            <Badge size="md" variant={level === 'stop' ? 'filled' : 'light'} color={level === 'stop' ? 'red.8' : 'yellow'} c={level === 'stop' ? undefined : 'dark.9'} style={{ flexShrink: 0 }}>
              {t(`screening.levels.${level}`)}
            </Badge>
          ) : null}
          <span className={state !== 'answered' ? classes.unknown : undefined}>{text}</span>
          {carried ? (
            <Text component="span" size="xs" c="dimmed">
              ({t('history.carriedConfirmed', { date: dates.dayOf(carried) })})
            </Text>
          ) : null}
        </Group>
      </Text>
    </div>
  );
}
