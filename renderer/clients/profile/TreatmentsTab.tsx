import { Accordion, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile, ScreeningState } from '../../../shared/contract/client-channels';
import { useDates } from '../../hooks/useDates';
import { useNavigation } from '../../shell/navigation';
import { warmText } from '../badge-colors';
import { indicationText } from '../courses/indication';
import { ScreeningPanel } from '../screening/ScreeningPanel';
import { sessionBlockReason } from '../screening/session-block';
import { SessionDetails } from '../sessions/SessionDetails';

/** Sessions, newest first: open one to read it; change it on the day, amend it later with a reason. */
export function TreatmentsTab({ profile, onScreening }: { profile: ClientProfile; onScreening: (state: ScreeningState) => void }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const dates = useDates();
  const clientId = profile.client.id;
  const blocked = sessionBlockReason(t, profile.screening);
  // Read with the profile (one audited read); null only for reception, who never see this tab.
  const sessions = profile.sessions ?? [];
  const historyDates = (profile.medicalHistory ?? []).map((entry) => entry.recordedAt);
  const courses = new Map(profile.courses.map((course) => [course.id, course]));

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text c="dimmed" maw={620}>
          {t('treatments.intro')}
        </Text>
        <Stack gap={4} align="flex-end">
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            disabled={blocked !== null || profile.client.archived}
            aria-describedby={blocked ? 'treatments-blocked' : undefined}
            onClick={() => go({ page: 'sessionForm', clientId })}
          >
            {t('profile.startSession')}
          </Button>
        </Stack>
      </Group>
      {blocked && profile.screening ? (
        <>
          <Text id="treatments-blocked" size="sm" c="red.9" fw={500}>
            {blocked}
          </Text>
          <ScreeningPanel clientId={clientId} screening={profile.screening} onChanged={onScreening} />
        </>
      ) : null}
      {sessions.length === 0 ? (
        <Paper withBorder p="xl" bg="white">
          <Text>{t('treatments.none')}</Text>
        </Paper>
      ) : (
        <Accordion variant="separated" chevronPosition="left" multiple defaultValue={[]} aria-label={t('treatments.listLabel')}>
          {sessions.map((session) => {
            const course = session.courseId ? courses.get(session.courseId) : undefined;
            return (
              <Accordion.Item key={session.id} value={session.id} bg="white">
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap" gap="md">
                    <div style={{ minWidth: 0 }}>
                      <Text fw={600}>
                        {dates.dateTime(session.record.performedAt)} · {session.practitionerName}
                      </Text>
                      <Text size="sm" c="dimmed" truncate>
                        {session.record.areas.map((area) => `${t(`areas.${area.area}`)} ${area.depthMm} mm`).join(' · ')}
                      </Text>
                    </div>
                    <Group gap={6} wrap="nowrap">
                      {course ? (
                        <Badge size="lg" variant="light" color="sage" style={{ textTransform: 'none' }}>
                          {indicationText(t, course.indication)}
                        </Badge>
                      ) : null}
                      {session.amendments.length > 0 ? (
                        <Badge size="lg" variant="light" color="orange" c={warmText} style={{ textTransform: 'none' }}>
                          {t('treatments.amended', { count: session.amendments.length })}
                        </Badge>
                      ) : null}
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <SessionDetails
                    session={session}
                    historyDates={historyDates}
                    hasGp={profile.client.gp.trim() !== ''}
                    hasEmail={profile.client.email !== ''}
                    onChange={() => go({ page: 'sessionForm', clientId, sessionId: session.id })}
                  />
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </Stack>
  );
}
