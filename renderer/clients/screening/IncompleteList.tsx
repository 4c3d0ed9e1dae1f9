import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryIncomplete } from '../../../shared/screening/rules';

/** What screening cannot know, in words: no history, or each question a stop depends on that was not answered or was declined. */
export function IncompleteList({ incomplete }: { incomplete: HistoryIncomplete }) {
  const { t } = useTranslation();
  if (incomplete.noHistory) {
    return (
      <Text size="sm" mt="xs">
        {t('screening.incomplete.noHistory')}
      </Text>
    );
  }
  return (
    <>
      <Text size="sm" mt="xs" fw={600}>
        {t('screening.incomplete.missing')}
      </Text>
      <List size="sm" spacing={2} aria-label={t('screening.incomplete.missing')}>
        {incomplete.missing.map((gap) => (
          <List.Item key={gap.question}>{t(`screening.incomplete.${gap.state}`, { question: t(`history.questions.${gap.question}.short`) })}</List.Item>
        ))}
      </List>
    </>
  );
}
