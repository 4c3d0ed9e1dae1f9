import { Alert, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView, DiaryWeek } from '../../shared/contract/diary-channels';
import { addDays, weekStart } from '../../shared/diary/appointment';
import type { BridgeError } from '../../shared/errors';
import { useSession } from '../app/session-context';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { todayIso } from '../clients/client-text';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useDates } from '../hooks/useDates';
import { PageTitle } from '../shell/PageTitle';
import { useNavigation } from '../shell/navigation';
import { AppointmentDialog } from './AppointmentDialog';
import { BookingDialog, type BookingPreset } from './BookingDialog';
import { DiaryCalendar } from './DiaryCalendar';
import { DiaryPaperMenu } from './DiaryPaperMenu';
import { dateOf } from './diary-time';
import { MoveDialog, type MoveProposal } from './MoveDialog';

/** Keys typed into a field or a dialog are the field's, not the diary's. */
function typingElsewhere(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || element.closest('[role="dialog"]') !== null);
}

/** The appointment diary: a day or a week, a column per practitioner. */
export default function DiaryPage({ initialDay }: { initialDay?: string }) {
  const { t } = useTranslation();
  const dates = useDates();
  const { staff } = useSession();
  const { go } = useNavigation();
  const [view, setView] = useState<'day' | 'week'>('week');
  const [day, setDay] = useState(initialDay ?? todayIso());
  const [week, setWeek] = useState<DiaryWeek | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [booking, setBooking] = useState<BookingPreset | null>(null);
  const [opened, setOpened] = useState<AppointmentView | null>(null);
  const [move, setMove] = useState<MoveProposal | null>(null);
  const from = view === 'week' ? weekStart(day) : day;
  const days = view === 'week' ? 7 : 1;

  const load = useCallback(async () => {
    try {
      setWeek(await call('diary.week', { from, days }));
      setFailure(null);
    } catch (error) {
      setFailure(asBridgeError(error));
    }
  }, [from, days]);
  useEffect(() => {
    void load();
  }, [load]);

  const step = useCallback((direction: 1 | -1) => setDay((current) => addDays(current, direction * (view === 'week' ? 7 : 1))), [view]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingElsewhere(event.target) || event.ctrlKey || event.metaKey) return;
      if (event.altKey && event.key === 'ArrowLeft') step(-1);
      else if (event.altKey && event.key === 'ArrowRight') step(1);
      else if (event.altKey) return;
      else if (event.key === 'n' || event.key === 'N') setBooking({});
      else if (event.key === 't' || event.key === 'T') setDay(todayIso());
      else if (event.key === 'd' || event.key === 'D') setView('day');
      else if (event.key === 'w' || event.key === 'W') setView('week');
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [step]);

  const changed = (appointment: AppointmentView) => {
    void load();
    // The client has arrived: the practitioner goes straight to the session, with the course.
    if (appointment.status === 'arrived' && staff.role !== 'reception') {
      setOpened(null);
      go({ page: 'sessionForm', clientId: appointment.clientId, courseId: appointment.courseId ?? undefined });
      return;
    }
    setOpened(appointment);
  };

  const heading = view === 'week' ? `${dates.day(from)} – ${dates.day(addDays(from, 6))}` : dates.day(day);

  return (
    <Stack gap="md">
      <PageTitle title={t('diary.title')} description={t('diary.description')} />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs">
          <Button variant="default" onClick={() => setDay(todayIso())}>
            {t('diary.today')}
          </Button>
          <Button variant="default" onClick={() => step(-1)} aria-label={t('diary.previous')} aria-keyshortcuts="Alt+ArrowLeft">
            <IconChevronLeft size={18} aria-hidden />
          </Button>
          <Button variant="default" onClick={() => step(1)} aria-label={t('diary.next')} aria-keyshortcuts="Alt+ArrowRight">
            <IconChevronRight size={18} aria-hidden />
          </Button>
          <Text fw={600} aria-live="polite">
            {heading}
          </Text>
        </Group>
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('diary.view')}
            value={view}
            onChange={(value) => setView(value === 'day' ? 'day' : 'week')}
            data={[
              { value: 'day', label: t('diary.day') },
              { value: 'week', label: t('diary.week') },
            ]}
          />
          {week ? <DiaryPaperMenu day={day} weekFrom={weekStart(day)} practitioners={week.practitioners} onFailure={(error) => setFailure(asBridgeError(error))} /> : null}
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setBooking({})} aria-keyshortcuts="N">
            {t('diary.book')}
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('diary.shortcuts')}
      </Text>
      <ErrorAlert error={failure} />
      {week && week.practitioners.length === 0 ? (
        <Alert color="orange" variant="light">
          {t('diary.noPractitioners')}
        </Alert>
      ) : null}
      {week ? (
        <DiaryCalendar
          view={view}
          date={dateOf(`${day}T00:00`)}
          appointments={week.appointments}
          practitioners={week.practitioners}
          settings={week.settings}
          onOpen={setOpened}
          onSlot={(start, practitionerId) => setBooking({ start, practitionerId: practitionerId ?? undefined })}
          onMoveProposed={setMove}
        />
      ) : null}
      <BookingDialog
        opened={booking !== null}
        preset={booking ?? {}}
        onClose={() => setBooking(null)}
        onBooked={() => {
          setBooking(null);
          void load();
        }}
      />
      <AppointmentDialog
        appointment={opened}
        settings={week?.settings ?? null}
        onClose={() => setOpened(null)}
        onChanged={changed}
        onMove={(proposal) => {
          setOpened(null);
          setMove(proposal);
        }}
      />
      <MoveDialog
        proposal={move}
        practitioners={week?.practitioners ?? []}
        onClose={() => setMove(null)}
        onMoved={() => {
          setMove(null);
          void load();
        }}
      />
    </Stack>
  );
}
