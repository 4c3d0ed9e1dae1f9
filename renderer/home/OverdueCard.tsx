import { Badge, Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { IconCalendarDue } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { daysBetween, todayIso } from '../clients/client-text';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useBridgeQuery } from '../hooks/useBridgeQuery';
import { useDates } from '../hooks/useDates';
import { warmText } from '../clients/badge-colors';
import { indicationText } from '../clients/courses/indication';
import { useNavigation } from '../shell/navigation';
import { BookingDialog, type BookingPreset } from '../diary/BookingDialog';
import { HomeCard } from './HomeCard';
import classes from './HomeLists.module.css';

/** Clients whose next session in an active course is past due, most overdue first: who to call. */
export function OverdueCard() {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const dates = useDates();
  const overdue = useBridgeQuery('courses.overdue', { limit: 6 });
  const today = todayIso();
  const [booking, setBooking] = useState<BookingPreset | null>(null);

  return (
    <HomeCard icon={<IconCalendarDue size={22} stroke={1.6} />} title={t('home.overdue.title')}>
      <ErrorAlert error={overdue.error} />
      {overdue.data && overdue.data.length === 0 ? (
        <Text c="dimmed" style={{ flexGrow: 1 }}>
          {t('home.overdue.empty')}
        </Text>
      ) : (
        <Stack gap={2} component="ul" className={classes.list} style={{ flexGrow: 1 }}>
          {(overdue.data ?? []).map((course) => (
            <li key={course.id}>
              <Group wrap="nowrap" gap={4}>
                <UnstyledButton className={classes.item} style={{ flex: 1, minWidth: 0 }} onClick={() => go({ page: 'client', clientId: course.clientId })}>
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text fw={600} truncate>
                      {course.clientName}
                    </Text>
                    <Badge color="orange" variant="light" c={warmText} size="md" style={{ flexShrink: 0, textTransform: 'none' }}>
                      {t('courses.overdueDays', { count: course.nextDueOn ? daysBetween(course.nextDueOn, today) : 0 })}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed" truncate>
                    {t('home.overdue.line', {
                      indication: indicationText(t, course.indication),
                      done: course.sessionsDone,
                      planned: course.plannedSessions,
                      due: dates.day(course.nextDueOn),
                    })}
                  </Text>
                </UnstyledButton>
                <Button
                  variant="light"
                  size="xs"
                  aria-label={t('diary.bookOverdueLabel', { client: course.clientName })}
                  onClick={() => setBooking({ clientId: course.clientId, clientName: course.clientName, courseId: course.id })}
                >
                  {t('diary.bookOverdue')}
                </Button>
              </Group>
            </li>
          ))}
        </Stack>
      )}
      <BookingDialog
        opened={booking !== null}
        preset={booking ?? {}}
        onClose={() => setBooking(null)}
        onBooked={() => {
          setBooking(null);
          void overdue.reload();
        }}
      />
    </HomeCard>
  );
}
