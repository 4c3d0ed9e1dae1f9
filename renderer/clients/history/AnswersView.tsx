import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MedicalHistoryAnswers } from '../../../shared/screening/medical-history';
import { useDates } from '../../hooks/useDates';
import classes from './AnswersView.module.css';
import { questionSections, type Question } from './questions';

/**
 * One answer set, readable at a glance: every question with its answer, "yes" answers (and
 * recent dates) marked, details in full.
 */
export function AnswersView({ answers, idPrefix }: { answers: MedicalHistoryAnswers; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      {questionSections.map((section) => (
        <section key={section.id} aria-labelledby={`${idPrefix}-${section.id}`}>
          <Title order={3} size="h4" id={`${idPrefix}-${section.id}`} mb="xs">
            {t(`history.sections.${section.id}`)}
          </Title>
          <SimpleGrid cols={2} spacing="lg" verticalSpacing={4} component="dl" className={classes.list}>
            {section.questions.map((question) => (
              <Answer key={question.key} question={question} answers={answers} />
            ))}
          </SimpleGrid>
        </section>
      ))}
    </Stack>
  );
}

function Answer({ question, answers }: { question: Question; answers: MedicalHistoryAnswers }) {
  const { t } = useTranslation();
  const dates = useDates();
  let flagged = false;
  let text: string;
  switch (question.kind) {
    case 'yesno': {
      const answer = answers[question.key];
      flagged = answer.yes;
      text = answer.yes ? (answer.detail ? t('history.yesWith', { detail: answer.detail }) : t('history.yes')) : t('history.no');
      break;
    }
    case 'date': {
      const value = answers[question.key];
      flagged = value !== null;
      text = value ? dates.day(value) : t('history.never');
      break;
    }
    case 'cancer':
      flagged = answers.cancerTreatment === 'current' || answers.cancerTreatment === 'last-12-months';
      text = t(`history.cancer.${answers.cancerTreatment}`);
      break;
    case 'text':
      text = answers[question.key] || t('common.none');
      flagged = false;
      break;
  }
  return (
    <div className={classes.item} data-flagged={flagged || undefined}>
      <Text component="dt" size="sm" c="dimmed">
        {t(`history.questions.${question.key}.short`)}
      </Text>
      <Text component="dd" size="sm" fw={flagged ? 600 : 400} className={classes.value}>
        <Group gap={6} wrap="nowrap" align="baseline" component="span">
          {flagged && 'level' in question && question.level ? (
            <Badge size="md" variant={question.level === 'stop' ? 'filled' : 'light'} color={question.level === 'stop' ? 'red.8' : 'yellow'} c={question.level === 'stop' ? undefined : 'dark.9'} style={{ flexShrink: 0 }}>
              {t(`screening.levels.${question.level}`)}
            </Badge>
          ) : null}
          <span>{text}</span>
        </Group>
      </Text>
    </div>
  );
}
