import { Badge, Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCalendarTime } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session-context';
import { indicationText } from '../clients/courses/indication';
import { ErrorAlert } from '../errors/ErrorAlert';
import { HomeCard } from '../home/HomeCard';
import classes from '../home/HomeLists.module.css';
import { useBridgeQuery } from '../hooks/useBridgeQuery';
import { useNavigation } from '../shell/navigation';
import { timeOf } from './diary-time';

/** Home: today's appointments with what is due and what to prepare before each client arrives. */
export function TodayCard() {
  const { t } = useTranslation();
  const { staff } = useSession();
  const { go } = useNavigation();
  const today = useBridgeQuery('diary.today', {});
  const items = today.data?.items ?? [];

  return (
    <HomeCard icon={<IconCalendarTime size={22} stroke={1.6} />} title={t('diary.home.title')}>
      <ErrorAlert error={today.error} />
      {today.data && items.length === 0 ? (
        <Text c="dimmed">{t('diary.home.empty')}</Text>
      ) : (
        <Stack gap={2} component="ul" className={classes.list}>
          {items.map(({ appointment, flags }) => (
            <li key={appointment.id}>
              <UnstyledButton className={classes.item} onClick={() => go(staff.role === 'reception' ? { page: 'diary' } : { page: 'client', clientId: appointment.clientId })}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text fw={600} truncate>
                    {timeOf(appointment.start)} {appointment.clientName}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                    {appointment.practitionerName} · {t(`diary.status.${appointment.status}`)}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" truncate>
                  {appointment.courseIndication && appointment.courseSession
                    ? t('diary.home.due', {
                        what: `${indicationText(t, appointment.courseIndication)}, ${t('diary.courseOf', { number: appointment.courseSession, planned: appointment.coursePlanned ?? '' })}`,
                      })
                    : t('diary.home.dueNothing')}
                </Text>
                <Group gap={4} mt={4}>
                  {flags.length === 0 ? (
                    <Badge color="sage" variant="light" size="sm" style={{ textTransform: 'none' }}>
                      {t('diary.home.ready')}
                    </Badge>
                  ) : (
                    flags.map((flag) => (
                      <Badge key={flag} color={flag === 'screening-stop' || flag === 'consent-missing' ? 'red' : 'orange'} variant="light" size="sm" style={{ textTransform: 'none' }}>
                        {t(`diary.flags.${flag}`)}
                      </Badge>
                    ))
                  )}
                </Group>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
      )}
      <Group justify="flex-end" mt="auto">
        <Button variant="subtle" onClick={() => go({ page: 'diary' })}>
          {t('diary.home.openDiary')}
        </Button>
      </Group>
    </HomeCard>
  );
}
