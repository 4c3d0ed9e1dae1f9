import { contract } from '../../../shared/contract';
import { isCalendarDate } from '../../../shared/dates';
import { addMinutes } from '../../../shared/diary/appointment';
import { flagsFor, readinessWords } from '../../../shared/diary/readiness';
import { UsageError, requiredFlag, type CliCommand } from '../command';
import { signIn } from '../sign-in';
import { dataFlag, userFlag } from './flags';

/**
 * One day of the diary, every practitioner, in time order: time, length, practitioner, client,
 * course session, status, and what to prepare (the screening stop only for clinicians, as on screen).
 */
export const diaryCommand: CliCommand = {
  words: ['diary'],
  summary: 'A day of the appointment diary: time, practitioner, client, course session, status and what to prepare.',
  flags: [dataFlag, userFlag, { name: 'day', placeholder: 'YYYY-MM-DD', summary: 'The day to list.', required: true }],
  async run(context) {
    const day = requiredFlag(context, 'day');
    if (!isCalendarDate(day)) throw new UsageError(`--day takes a date written YYYY-MM-DD, not "${day}".`);
    const session = await signIn(context.io, { dataDir: requiredFlag(context, 'data'), name: requiredFlag(context, 'user'), access: contract['diary.week'].access, command: 'diary' });
    try {
      const clinical = session.staff.role !== 'reception';
      const appointments = session.services.diary.day(day, null);
      for (const appointment of appointments) {
        const flags = appointment.status === 'cancelled' ? [] : flagsFor(session.services.diary.flags(appointment.clientId, day), clinical);
        context.io.out(
          [
            `${appointment.start.slice(11)}-${addMinutes(appointment.start, appointment.minutes).slice(11)}`,
            appointment.practitionerName,
            appointment.clientName,
            appointment.courseSession ? `${appointment.courseSession} of ${appointment.coursePlanned}` : '-',
            appointment.status + (appointment.cancelReason ? ` (${appointment.cancelReason})` : ''),
            flags.map((flag) => readinessWords[flag]).join('; ') || '-',
          ].join('\t'),
        );
      }
      // Names leave the app on a terminal: recorded like any other list of clients.
      session.services.audit.append({ staffId: session.staff.id, action: 'client.list', entity: 'client', detail: `via=cli list=diary day=${day} shown=${appointments.length}` });
      if (appointments.length === 0) context.io.err(`Nothing booked on ${day}.`);
    } finally {
      session.close();
    }
  },
};
