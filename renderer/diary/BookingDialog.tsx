import { Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseBooking } from '../../shared/contract/client-channels';
import type { AppointmentView, DiaryPractitioner, DiaryWarning } from '../../shared/contract/diary-channels';
import { nextBookingDay, nextSessionNumber } from '../../shared/diary/course-booking';
import type { DiarySettings } from '../../shared/diary/diary-settings';
import { weekdayOf } from '../../shared/diary/appointment';
import type { BridgeError } from '../../shared/errors';
import { Dialog } from '../app/Dialog';
import { notifySuccess } from '../app/notify';
import { asBridgeError } from '../bridge/bridge-failure';
import { call } from '../bridge/client';
import { clientName, todayIso } from '../clients/client-text';
import { indicationText } from '../clients/courses/indication';
import { ErrorAlert } from '../errors/ErrorAlert';
import { DateField } from '../forms/DateField';
import { TimeField } from '../forms/TimeField';
import { useDates } from '../hooks/useDates';
import { WarningList } from './WarningList';

/** What the dialog opens with: a client (and course) from Home's overdue list, or a slot clicked in the diary. */
export interface BookingPreset {
  clientId?: string;
  clientName?: string;
  courseId?: string;
  practitionerId?: string;
  start?: string;
}

interface Props {
  opened: boolean;
  preset: BookingPreset;
  onClose: () => void;
  onBooked: (appointments: AppointmentView[]) => void;
}

/** Booking: client, practitioner, room, start, length from the treatment's default, course ("3 of 6") and a note. */
export function BookingDialog({ opened, preset, onClose, onBooked }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('diary.dialog.title')} size="lg">
      {opened ? <BookingForm preset={preset} onCancel={onClose} onBooked={onBooked} /> : null}
    </Dialog>
  );
}

function BookingForm({ preset, onCancel, onBooked }: { preset: BookingPreset; onCancel: () => void; onBooked: (appointments: AppointmentView[]) => void }) {
  const { t } = useTranslation();
  const dates = useDates();
  const today = todayIso();
  const [settings, setSettings] = useState<DiarySettings | null>(null);
  const [practitioners, setPractitioners] = useState<DiaryPractitioner[]>([]);
  const [clientId, setClientId] = useState<string | null>(preset.clientId ?? null);
  const [clientOptions, setClientOptions] = useState<{ value: string; label: string }[]>(preset.clientId ? [{ value: preset.clientId, label: preset.clientName ?? '' }] : []);
  const [search, setSearch] = useState('');
  const [courses, setCourses] = useState<CourseBooking[]>([]);
  const [openForCourse, setOpenForCourse] = useState<Record<string, number>>({});
  const [courseId, setCourseId] = useState<string>(preset.courseId ?? '');
  const [practitionerId, setPractitionerId] = useState<string | null>(preset.practitionerId ?? null);
  const [roomId, setRoomId] = useState<string>('');
  const [day, setDay] = useState<string | null>(preset.start ? preset.start.slice(0, 10) : null);
  const [time, setTime] = useState(preset.start ? preset.start.slice(11, 16) : '');
  const [minutes, setMinutes] = useState<number | ''>('');
  const [wholeCourse, setWholeCourse] = useState(false);
  const [note, setNote] = useState('');
  const [warnings, setWarnings] = useState<DiaryWarning[]>([]);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    call('diary.week', { from: today, days: 1 })
      .then((week) => {
        if (!live) return;
        setSettings(week.settings);
        setPractitioners(week.practitioners);
        setMinutes((current) => (current === '' ? week.settings.treatmentMinutes : current));
        setPractitionerId((current) => current ?? (week.practitioners.length === 1 ? (week.practitioners[0]?.id ?? null) : null));
      })
      .catch((error: unknown) => live && setFailure(asBridgeError(error)));
    return () => {
      live = false;
    };
  }, [today]);

  // The client's courses and the sessions already booked for each, for "3 of 6" and the due day.
  useEffect(() => {
    if (!clientId) return;
    let live = true;
    Promise.all([call('clients.contact', { id: clientId }), call('diary.client', { clientId })])
      .then(([contact, booked]) => {
        if (!live) return;
        setCourses(contact.courses.filter((course) => course.status === 'active'));
        const open: Record<string, number> = {};
        for (const appointment of booked)
          if (appointment.courseId && ['booked', 'arrived', 'in-treatment'].includes(appointment.status)) open[appointment.courseId] = (open[appointment.courseId] ?? 0) + 1;
        setOpenForCourse(open);
      })
      .catch((error: unknown) => live && setFailure(asBridgeError(error)));
    return () => {
      live = false;
    };
  }, [clientId]);

  useEffect(() => {
    if (preset.clientId || search.trim().length < 2) return;
    let live = true;
    call('clients.find', { text: search, offset: 0, limit: 20 })
      .then(
        (found) =>
          live &&
          setClientOptions(
            found.clients.filter((client) => !client.archived).map((client) => ({ value: client.id, label: `${clientName(client)}${client.dateOfBirth ? `, ${dates.day(client.dateOfBirth)}` : ''}` })),
          ),
      )
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [search, preset.clientId, dates]);

  const course = courses.find((candidate) => candidate.id === courseId) ?? null;
  // A course picks the day its next session is due (today when overdue); the desk may change it.
  useEffect(() => {
    if (!course || preset.start) return;
    const due = nextBookingDay(course, today);
    if (due) setDay(due);
  }, [course, today, preset.start]);
  useEffect(() => {
    if (!settings || !day || time) return;
    setTime(settings.openingHours[weekdayOf(day)]?.opens ?? '09:00');
  }, [settings, day, time]);

  const courseOptions = useMemo(
    () => [
      { value: '', label: t('diary.dialog.noCourse') },
      ...courses.map((option) => ({
        value: option.id,
        label: t('diary.dialog.courseOption', { indication: indicationText(t, option.indication), number: nextSessionNumber(option, openForCourse[option.id] ?? 0), planned: option.plannedSessions }),
      })),
    ],
    [courses, openForCourse, t],
  );

  const ready = clientId && practitionerId && day && /^\d\d:\d\d$/.test(time) && typeof minutes === 'number';

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setFailure(null);
    const start = `${day}T${time}`;
    const confirmWarnings = warnings.length > 0;
    try {
      const outcome =
        course && wholeCourse
          ? await call('diary.bookCourse', { courseId: course.id, practitionerId, roomId: roomId || null, firstStart: start, minutes, confirmWarnings })
          : await call('diary.book', { clientId, practitionerId, roomId: roomId || null, start, minutes, courseId: courseId || null, bookingNote: note, confirmWarnings });
      if (outcome.appointments.length === 0) {
        setWarnings(outcome.warnings);
        return;
      }
      const first = outcome.appointments[0]!;
      notifySuccess(
        t('diary.dialog.booked', { count: outcome.appointments.length }),
        t('diary.dialog.bookedMessage', { client: first.clientName, when: `${dates.day(first.start.slice(0, 10))} ${first.start.slice(11)}` }),
      );
      onBooked(outcome.appointments);
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setBusy(false);
    }
  };

  // A change of what is booked asks again for the warnings of the new choice.
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setWarnings([]);
    };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <ErrorAlert error={failure} />
        {preset.clientId ? (
          <Text>
            <Text span c="dimmed">
              {t('diary.dialog.client')}:{' '}
            </Text>
            <Text span fw={600}>
              {preset.clientName}
            </Text>
          </Text>
        ) : (
          <Select
            label={t('diary.dialog.client')}
            placeholder={t('diary.dialog.clientSearch')}
            withAsterisk
            searchable
            data-autofocus
            data={clientOptions}
            filter={({ options }) => options}
            searchValue={search}
            onSearchChange={setSearch}
            value={clientId}
            onChange={changed((value: string | null) => {
              setClientId(value);
              setCourseId('');
            })}
            nothingFoundMessage={search.trim().length >= 2 ? t('spotlight.nothingFound') : undefined}
          />
        )}
        <SimpleGrid cols={2}>
          <Select
            label={t('diary.dialog.practitioner')}
            withAsterisk
            data={practitioners.map((p) => ({ value: p.id, label: p.name }))}
            value={practitionerId}
            onChange={changed(setPractitionerId)}
            allowDeselect={false}
            data-autofocus={preset.clientId ? true : undefined}
          />
          {settings && settings.rooms.length > 0 ? (
            <Select
              label={t('diary.dialog.room')}
              data={[{ value: '', label: t('diary.dialog.noRoom') }, ...settings.rooms.map((room) => ({ value: room.id, label: room.name }))]}
              value={roomId}
              onChange={changed((value: string | null) => setRoomId(value ?? ''))}
              allowDeselect={false}
            />
          ) : null}
        </SimpleGrid>
        {clientId ? (
          <Select
            label={t('diary.dialog.course')}
            data={courseOptions}
            value={courseId}
            onChange={changed((value: string | null) => setCourseId(value ?? ''))}
            allowDeselect={false}
            description={course?.nextDueOn ? t('diary.dialog.dueHint', { due: dates.day(course.nextDueOn) }) : undefined}
          />
        ) : null}
        <SimpleGrid cols={3}>
          <DateField label={t('diary.dialog.date')} withAsterisk value={day} onChange={changed(setDay)} />
          <TimeField label={t('diary.dialog.time')} withAsterisk value={time} onChange={changed(setTime)} />
          <NumberInput
            label={t('diary.dialog.minutes')}
            min={5}
            max={480}
            step={15}
            allowDecimal={false}
            clampBehavior="none"
            value={minutes}
            onChange={changed((value: string | number) => setMinutes(typeof value === 'number' ? value : ''))}
          />
        </SimpleGrid>
        {settings ? (
          <Text size="xs" c="dimmed" mt={-8}>
            {t('diary.dialog.minutesHint', { minutes: settings.treatmentMinutes })}
          </Text>
        ) : null}
        {course ? (
          <Checkbox
            label={t('diary.dialog.wholeCourse', { count: course.intervalWeeks })}
            description={t('diary.dialog.wholeCourseHint')}
            checked={wholeCourse}
            onChange={(event) => changed(setWholeCourse)(event.currentTarget.checked)}
          />
        ) : null}
        {course && wholeCourse ? null : <Textarea label={t('diary.dialog.note')} autosize minRows={2} maxLength={500} value={note} onChange={(event) => setNote(event.currentTarget.value)} />}
        <WarningList warnings={warnings} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('diary.dialog.cancel')}
          </Button>
          <Button type="submit" disabled={!ready} loading={busy} color={warnings.length > 0 ? 'orange' : undefined}>
            {warnings.length > 0 ? t('diary.dialog.submitAnyway') : t('diary.dialog.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
