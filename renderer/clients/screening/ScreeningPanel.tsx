import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconClipboardHeart, IconHandStop, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreeningState } from '../../../shared/contract/client-channels';
import { useDates } from '../../hooks/useDates';
import { useNavigation } from '../../shell/navigation';
import { AlertLists } from './AlertLists';
import { stopsOf } from './alert-text';
import { IncompleteList } from './IncompleteList';
import { OverrideDialog } from './OverrideDialog';

/**
 * Today's screening on the profile and at session start: the alerts of the latest medical
 * history, whether a stop blocks treatment, the override (who, when, why) or the way to record one.
 */
export function ScreeningPanel({ clientId, screening, onChanged }: { clientId: string; screening: ScreeningState; onChanged: (state: ScreeningState) => void }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const dates = useDates();
  const [overriding, setOverriding] = useState(false);
  const { latest, alerts, override, blocked } = screening;
  // The service counts an override for the day it was recorded, and only while the same stops stand.
  const overrideToday = override !== null && !blocked && stopsOf(alerts).length > 0;

  return (
    <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="screening-title">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <IconClipboardHeart size={22} stroke={1.6} aria-hidden color="var(--mantine-color-sage-7)" />
            <Title order={2} size="h4" id="screening-title">
              {t('screening.title')}
            </Title>
          </Group>
          <Button variant="subtle" size="compact-md" onClick={() => go({ page: 'medicalHistoryForm', clientId })}>
            {latest ? t('history.update') : t('history.record')}
          </Button>
        </Group>
        {!latest ? (
          <Alert color="red" variant="light" icon={<IconHandStop aria-hidden />} title={t('screening.incomplete.title')} role="region" aria-label={t('screening.incomplete.title')}>
            <Text size="sm">{t('screening.noHistory')}</Text>
            <Text size="sm" mt="xs" fw={600}>
              {t('screening.blocked')}
            </Text>
            <Text size="sm" mt={4}>
              {t('screening.incomplete.recordFirst')}
            </Text>
          </Alert>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('screening.basedOn', { date: dates.dayOf(latest.recordedAt), name: latest.recordedByName })}
            </Text>
            {alerts.length === 0 ? (
              <Group gap="xs" wrap="nowrap">
                <IconCircleCheck size={20} color="var(--mantine-color-sage-7)" aria-hidden />
                <Text>{t('screening.noAlerts')}</Text>
              </Group>
            ) : (
              <AlertLists
                alerts={alerts}
                stopFooter={
                  <>
                    {screening.incomplete ? <IncompleteList incomplete={screening.incomplete} /> : null}
                    {blocked ? (
                      <Stack gap="xs" mt="sm">
                        <Text size="sm" fw={600}>
                          {t('screening.blocked')}
                        </Text>
                        <Button color="red.8" variant="outline" bg="white" w="fit-content" onClick={() => setOverriding(true)}>
                          {t('screening.override.open')}
                        </Button>
                      </Stack>
                    ) : null}
                  </>
                }
              />
            )}
            {override && overrideToday ? (
              <Alert color="gray" variant="light" icon={<IconShieldCheck aria-hidden />} title={t('screening.override.recordedTitle')} role="region" aria-label={t('screening.override.recordedTitle')}>
                <Text size="sm">{t('screening.override.recorded', { name: override.overriddenByName, when: dates.dateTime(override.overriddenAt) })}</Text>
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
                  “{override.reason}”
                </Text>
              </Alert>
            ) : override ? (
              <Text size="sm" c="dimmed">
                {t('screening.override.earlier', { name: override.overriddenByName, when: dates.dateTime(override.overriddenAt), reason: override.reason })}
              </Text>
            ) : null}
          </>
        )}
      </Stack>
      <OverrideDialog
        clientId={clientId}
        screening={screening}
        opened={overriding}
        onClose={() => setOverriding(false)}
        onDone={(state) => {
          setOverriding(false);
          onChanged(state);
        }}
      />
    </Paper>
  );
}
