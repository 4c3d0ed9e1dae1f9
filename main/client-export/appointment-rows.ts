import type { AppointmentView } from '../../shared/contract/diary-channels';
import type { ClinicSettings } from '../../shared/settings';
import { clinicDay, inWords } from './readable-parts';

type DateFormat = ClinicSettings['dateFormat'];

const statusWords: Record<AppointmentView['status'], string> = {
  booked: 'Booked',
  arrived: 'Arrived',
  'in-treatment': 'In treatment',
  done: 'Done',
  'no-show': 'Did not come',
  cancelled: 'Cancelled',
};

/** A client's appointments, oldest first, in words (the right-of-access export). */
export function appointmentRows(appointments: readonly AppointmentView[], dateFormat: DateFormat): Record<string, string>[] {
  return [...appointments]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((appointment) => ({
      Day: clinicDay(appointment.start.slice(0, 10), dateFormat),
      Time: appointment.start.slice(11),
      Minutes: String(appointment.minutes),
      Practitioner: appointment.practitionerName,
      Course: appointment.courseIndication ? `${inWords(appointment.courseIndication)}${appointment.courseSession ? `, ${appointment.courseSession} of ${appointment.coursePlanned}` : ''}` : 'None',
      Status: statusWords[appointment.status],
      'Reason for cancelling': appointment.cancelReason ?? '',
      'Booking note': appointment.bookingNote || 'None',
    }));
}
