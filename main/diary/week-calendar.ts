import { createEvents, type EventAttributes } from 'ics';
import type { AppointmentView } from '../../shared/contract/diary-channels';
import { holdsTime } from '../../shared/diary/conflicts';

/**
 * How a client is named on a phone's calendar: first name and the surname's initial unless the
 * clinic allows surnames (a phone calendar syncs to places the records never go).
 */
export function calendarName(firstName: string, lastName: string, surnames: boolean): string {
  if (surnames) return `${firstName} ${lastName}`.trim();
  const initial = Array.from(lastName.trim())[0];
  return initial ? `${firstName} ${initial.toLocaleUpperCase()}.` : firstName;
}

export interface CalendarAppointment extends Pick<AppointmentView, 'id' | 'start' | 'minutes' | 'status' | 'courseSession' | 'coursePlanned'> {
  firstName: string;
  lastName: string;
}

const dateArray = (start: string): [number, number, number, number, number] => [
  Number(start.slice(0, 4)),
  Number(start.slice(5, 7)),
  Number(start.slice(8, 10)),
  Number(start.slice(11, 13)),
  Number(start.slice(14, 16)),
];

/**
 * A practitioner's week as an iCalendar file: floating local times (the clinic's wall clock, as
 * the diary keeps them), names only as the clinic allows, no clinical detail, nothing cancelled.
 */
export function weekCalendar(appointments: readonly CalendarAppointment[], options: { clinicName: string; practitionerName: string; surnames: boolean }): string {
  const events: EventAttributes[] = appointments
    .filter((appointment) => holdsTime(appointment.status))
    .map((appointment) => ({
      uid: `${appointment.id}@skinledger`,
      start: dateArray(appointment.start),
      startInputType: 'local',
      startOutputType: 'local',
      duration: { minutes: appointment.minutes },
      title: `${calendarName(appointment.firstName, appointment.lastName, options.surnames)}${appointment.courseSession ? ` (${appointment.courseSession} of ${appointment.coursePlanned})` : ''}`,
      location: options.clinicName,
      productId: 'SkinLedger',
      calName: `${options.practitionerName} at ${options.clinicName}`,
    }));
  const { error, value } = createEvents(events, { productId: 'SkinLedger', calName: `${options.practitionerName} at ${options.clinicName}` });
  if (error || value === null) throw error ?? new Error('The calendar file could not be made.');
  return value;
}
