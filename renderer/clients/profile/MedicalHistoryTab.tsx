import { Accordion, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClipboardPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../../shared/contract/client-channels';
import { useDates } from '../../hooks/useDates';
import { useNavigation } from '../../shell/navigation';
import { AnswersView } from '../history/AnswersView';
import { HistoryCopyButtons } from '../history/HistoryCopyButtons';
import { AlertLists } from '../screening/AlertLists';
import { IncompleteList } from '../screening/IncompleteList';

/** The latest answers in full, older dated answer sets below them; never edited, only superseded. */
export function MedicalHistoryTab({ profile }: { profile: ClientProfile }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const dates = useDates();
  const update = () => go({ page: 'medicalHistoryForm', clientId: profile.client.id });
  // Read with the profile (one audited read); null only for reception, who never see this tab.
  const [latest, ...older] = profile.medicalHistory ?? [];
  // The latest answers with today's screening (time windows move); an earlier entry with the alerts of its day.
  const todaysAlerts = profile.screening?.alerts ?? latest?.alerts ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Text c="dimmed" maw={640}>
          {t('history.tabIntro')}
        </Text>
        <Button leftSection={<IconClipboardPlus size={18} aria-hidden />} onClick={update} disabled={profile.client.archived}>
          {latest ? t('history.update') : t('history.record')}
        </Button>
      </Group>
      {!latest ? (
        <Paper withBorder p="xl" bg="white">
          <Text>{t('history.none')}</Text>
        </Paper>
      ) : (
        <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="history-latest">
          <Stack gap="md">
            <div>
              <Title order={2} size="h4" id="history-latest">
                {t('history.latestTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('history.recordedBy', { when: dates.dateTime(latest.recordedAt), name: latest.recordedByName })}
              </Text>
            </div>
            {/* Today's screening of these answers, as the profile and the session form show it. */}
            {todaysAlerts.length > 0 ? <AlertLists alerts={todaysAlerts} stopFooter={profile.screening?.incomplete ? <IncompleteList incomplete={profile.screening.incomplete} /> : null} /> : null}
            <AnswersView entry={latest} alerts={todaysAlerts} idPrefix="latest" />
            <HistoryCopyButtons clientId={profile.client.id} entryId={latest.id} when={dates.dateTime(latest.recordedAt)} />
          </Stack>
        </Paper>
      )}
      {older.length > 0 ? (
        <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="history-older">
          <Title order={2} size="h4" id="history-older" mb="sm">
            {t('history.olderTitle', { count: older.length })}
          </Title>
          <Accordion variant="separated" chevronPosition="left">
            {older.map((entry) => (
              <Accordion.Item key={entry.id} value={entry.id}>
                <Accordion.Control>
                  {t('history.recordedBy', { when: dates.dateTime(entry.recordedAt), name: entry.recordedByName })}
                  {entry.alerts.length > 0 ? ` · ${t('history.alertCount', { count: entry.alerts.length })}` : ''}
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="md">
                    {entry.alerts.length > 0 ? <AlertLists alerts={entry.alerts} /> : null}
                    <AnswersView entry={entry} alerts={entry.alerts} idPrefix={`entry-${entry.id}`} />
                    <HistoryCopyButtons clientId={profile.client.id} entryId={entry.id} when={dates.dateTime(entry.recordedAt)} />
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Paper>
      ) : null}
    </Stack>
  );
}
