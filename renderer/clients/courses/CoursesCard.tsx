import { Badge, Button, Group, Menu, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconCalendarRepeat, IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseView } from '../../../shared/clinical/records';
import { courseStatuses } from '../../../shared/clinical/session';
import type { ClientContactProfile, ClientProfile, CourseBooking } from '../../../shared/contract/client-channels';
import type { BridgeError } from '../../../shared/errors';
import { useSession } from '../../app/session-context';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { useDates } from '../../hooks/useDates';
import { daysBetween, todayIso } from '../client-text';
import { warmText } from '../badge-colors';
import { indicationText } from './indication';
import { NewCourseDialog } from './NewCourseDialog';

const statusColor = { active: 'sage', completed: 'gray', stopped: 'orange' } as const;

/** Courses of treatment: progress ("3 of 6"), the interval, when the next is due and whether it is late. */
export function CoursesCard({ profile, onChanged }: { profile: ClientProfile | ClientContactProfile; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { staff } = useSession();
  const [adding, setAdding] = useState(false);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const clinician = staff.role !== 'reception';

  const setStatus = async (course: CourseBooking, status: CourseView['status']) => {
    setFailure(null);
    try {
      await call('courses.setStatus', { id: course.id, status });
      await onChanged();
    } catch (error) {
      setFailure(asBridgeError(error));
    }
  };

  return (
    <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="courses-title">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <IconCalendarRepeat size={22} stroke={1.6} aria-hidden color="var(--mantine-color-sage-7)" />
            <Title order={2} size="h4" id="courses-title">
              {t('courses.title')}
            </Title>
          </Group>
          {clinician ? (
            <Button variant="subtle" size="compact-md" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)} disabled={profile.client.archived}>
              {t('courses.new')}
            </Button>
          ) : null}
        </Group>
        <ErrorAlert error={failure} />
        {profile.courses.length === 0 ? (
          <Text c="dimmed">{clinician ? t('courses.emptyClinician') : t('courses.empty')}</Text>
        ) : (
          <Stack gap="lg">
            {profile.courses.map((course) => (
              <CourseRow key={course.id} course={course} canChange={clinician} onStatus={(status) => void setStatus(course, status)} />
            ))}
          </Stack>
        )}
      </Stack>
      {clinician && 'notes' in profile.client ? (
        <NewCourseDialog
          client={profile.client}
          opened={adding}
          onClose={() => setAdding(false)}
          onCreated={() => {
            setAdding(false);
            void onChanged();
          }}
        />
      ) : null}
    </Paper>
  );
}

function CourseRow({ course, canChange, onStatus }: { course: CourseBooking; canChange: boolean; onStatus: (status: CourseView['status']) => void }) {
  const { t } = useTranslation();
  const dates = useDates();
  const today = todayIso();
  const overdueDays = course.nextDueOn && course.nextDueOn < today ? daysBetween(course.nextDueOn, today) : 0;
  const label = indicationText(t, course.indication);
  return (
    <Stack gap={6} component="article" aria-label={label}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Group gap="xs">
            <Text fw={600}>{label}</Text>
            <Badge variant="light" color={statusColor[course.status]} c={course.status === 'stopped' ? warmText : undefined} size="md" style={{ textTransform: 'none' }}>
              {t(`courses.status.${course.status}`)}
            </Badge>
            {overdueDays > 0 ? (
              <Badge variant="light" color="orange" c={warmText} size="md" style={{ textTransform: 'none' }}>
                {t('courses.overdueDays', { count: overdueDays })}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed">
            {t('courses.plan', { count: course.intervalWeeks, started: dates.day(course.startedOn) })}
          </Text>
        </div>
        {canChange ? (
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" size="compact-sm" rightSection={<IconChevronDown size={14} aria-hidden />} aria-label={t('courses.changeStatusFor', { course: label })}>
                {t('courses.changeStatus')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {courseStatuses
                .filter((status) => status !== course.status)
                .map((status) => (
                  <Menu.Item key={status} onClick={() => onStatus(status)}>
                    {t(`courses.setStatus.${status}`)}
                  </Menu.Item>
                ))}
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>
      <Group gap="md" wrap="nowrap">
        <Progress
          value={Math.min(100, (course.sessionsDone / course.plannedSessions) * 100)}
          color="sage"
          size="lg"
          radius="xl"
          style={{ flexGrow: 1 }}
          aria-label={t('courses.progressLabel', { course: label })}
        />
        <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
          {t('courses.progress', { done: course.sessionsDone, planned: course.plannedSessions })}
        </Text>
      </Group>
      <Text size="sm">
        {course.nextDueOn ? t('courses.nextDue', { date: dates.day(course.nextDueOn) }) : course.status === 'active' ? t('courses.allDone') : t('courses.closed')}
        {course.lastSessionOn ? ` · ${t('courses.lastSession', { date: dates.day(course.lastSessionOn) })}` : ''}
      </Text>
    </Stack>
  );
}
