import { useMemo } from 'react';
import { Calendar, dateFnsLocalizer, type View } from 'react-big-calendar';
import dragAndDropModule, { type EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import { format } from 'date-fns/format';
import { getDay } from 'date-fns/getDay';
import { parse } from 'date-fns/parse';
import { startOfWeek } from 'date-fns/startOfWeek';
import { enGB } from 'date-fns/locale/en-GB';
import { useTranslation } from 'react-i18next';
import type { AppointmentView, DiaryPractitioner } from '../../shared/contract/diary-channels';
import { addMinutes, isFinished } from '../../shared/diary/appointment';
import type { DiarySettings } from '../../shared/diary/diary-settings';
import { dateOf, minutesBetween, startOf, timeOf } from './diary-time';
import classes from './DiaryCalendar.module.css';

export interface DiaryEvent {
  id: string;
  title: string;
  start: Date;
  end: Date;
  resourceId: string;
  appointment: AppointmentView;
}

interface Resource {
  id: string;
  title: string;
}

// Weeks start on Monday, as the clinic's opening hours are listed.
const localizer = dateFnsLocalizer({ format, parse, startOfWeek: (date: Date) => startOfWeek(date, { weekStartsOn: 1 }), getDay, locales: { 'en-GB': enGB } });
// The addon ships as CommonJS only: the bundler hands over its exports object or the function itself.
const withDragAndDrop: typeof dragAndDropModule = typeof dragAndDropModule === 'function' ? dragAndDropModule : (dragAndDropModule as unknown as { default: typeof dragAndDropModule }).default;
const DragAndDropCalendar = withDragAndDrop<DiaryEvent, Resource>(Calendar);

function DayHeader({ label }: { label: string }) {
  return <span>{label}</span>;
}

interface Props {
  view: 'day' | 'week';
  date: Date;
  appointments: readonly AppointmentView[];
  practitioners: readonly DiaryPractitioner[];
  settings: DiarySettings;
  onOpen: (appointment: AppointmentView) => void;
  onSlot: (start: string, practitionerId: string | null) => void;
  onMoveProposed: (proposal: { appointment: AppointmentView; start: string; minutes: number; practitionerId: string }) => void;
}

/** react-big-calendar (MIT) with a column per practitioner and its drag-and-drop addon. */
export function DiaryCalendar({ view, date, appointments, practitioners, settings, onOpen, onSlot, onMoveProposed }: Props) {
  const { t } = useTranslation();
  const events = useMemo<DiaryEvent[]>(
    () =>
      appointments.map((appointment) => ({
        id: appointment.id,
        title: t('diary.eventLabel', { time: timeOf(appointment.start), client: appointment.clientName, status: t(`diary.status.${appointment.status}`) }),
        start: dateOf(appointment.start),
        end: dateOf(addMinutes(appointment.start, appointment.minutes)),
        resourceId: appointment.practitionerId,
        appointment,
      })),
    [appointments, t],
  );
  const resources = useMemo<Resource[]>(() => practitioners.map((p) => ({ id: p.id, title: p.name })), [practitioners]);
  // The grid shows from the earliest opening to the latest closing of the week.
  const open = settings.openingHours.filter((hours) => hours !== null);
  const earliest = open.reduce((min, hours) => (hours.opens < min ? hours.opens : min), '09:00');
  const latest = open.reduce((max, hours) => (hours.closes > max ? hours.closes : max), '18:00');
  const min = useMemo(() => dateOf(`2000-01-01T${earliest}`), [earliest]);
  const max = useMemo(() => dateOf(`2000-01-01T${latest}`), [latest]);

  const propose = ({ event, start, end, resourceId }: EventInteractionArgs<DiaryEvent>) => {
    const from = new Date(start);
    const to = new Date(end);
    onMoveProposed({
      appointment: event.appointment,
      start: startOf(from),
      minutes: Math.max(5, minutesBetween(from, to)),
      practitionerId: typeof resourceId === 'string' ? resourceId : event.resourceId,
    });
  };

  return (
    <div className={classes.calendar}>
      <DragAndDropCalendar
        localizer={localizer}
        culture="en-GB"
        events={events}
        resources={resources}
        resourceIdAccessor="id"
        resourceTitleAccessor="title"
        view={view as View}
        views={['day', 'week']}
        date={date}
        onView={() => undefined}
        onNavigate={() => undefined}
        toolbar={false}
        step={15}
        timeslots={4}
        min={min}
        max={max}
        selectable
        resizable
        popup={false}
        draggableAccessor={(event) => !isFinished(event.appointment.status)}
        resizableAccessor={(event) => !isFinished(event.appointment.status)}
        onEventDrop={propose}
        onEventResize={propose}
        onSelectEvent={(event) => onOpen(event.appointment)}
        onKeyPressEvent={(event, keyEvent) => {
          const key = (keyEvent as unknown as KeyboardEvent).key;
          if (key === 'Enter' || key === ' ') onOpen(event.appointment);
        }}
        onSelectSlot={(slot) => onSlot(startOf(new Date(slot.start)), typeof slot.resourceId === 'string' ? slot.resourceId : null)}
        eventPropGetter={(event) => ({ className: `${classes.event} ${classes[event.appointment.status] ?? ''}` })}
        // The library's own header gives each day role="columnheader" outside any row.
        components={{ header: DayHeader }}
        formats={{ timeGutterFormat: 'HH:mm', eventTimeRangeFormat: () => '', dayFormat: 'EEE d MMM' }}
      />
    </div>
  );
}
