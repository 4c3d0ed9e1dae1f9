import type { SqliteDatabase } from '../store/open-database';
import { addWeeks } from '../treatments/course-service';
import { SeededRandom } from './seeded-random';

/**
 * The demo clinic's diary: every demo session was a "done" appointment (a few clients did not
 * come once before it: a no-show a week earlier), and most active courses have their next
 * session booked from today on. Its own random stream, so the rest of the demo stays as it was.
 */
export function demoAppointments(db: SqliteDatabase, options: { seed: number; by: string; practitioners: readonly string[]; today: string; now: string }) {
  const random = new SeededRandom(options.seed ^ 0x0d1a7);
  const id = () => {
    const hex = Array.from({ length: 4 }, () =>
      Math.floor(random.next() * 0x100000000)
        .toString(16)
        .padStart(8, '0'),
    ).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  const practitioners = options.practitioners.length > 0 ? options.practitioners : [options.by];
  const insert = db.prepare(
    `INSERT INTO appointment (id, client_id, practitioner_id, room_id, course_id, course_session, starts_at, minutes, status, cancel_reason, booking_note, created_at, created_by, updated_at)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, '', ?, ?, ?)`,
  );
  const book = (clientId: string, courseId: string, session: number, start: string, status: 'done' | 'no-show' | 'booked', practitioner: string) =>
    insert.run(id(), clientId, practitioner, courseId, session, start, random.pick([45, 60, 60, 75]), status, options.now, options.by, options.now);

  return {
    /** A session held on `performedAt` (its wall-clock time kept as the appointment's start). */
    held(clientId: string, courseId: string, session: number, performedAt: string) {
      const practitioner = random.pick(practitioners);
      if (random.chance(0.04)) book(clientId, courseId, session, `${addWeeks(performedAt.slice(0, 10), -1)}T${performedAt.slice(11, 16)}`, 'no-show', practitioner);
      book(clientId, courseId, session, performedAt.slice(0, 16), 'done', practitioner);
    },
    /** The next session of a course still running, booked on its due day or within the next fortnight. */
    next(clientId: string, courseId: string, session: number, dueOn: string) {
      if (!random.chance(0.6)) return;
      const day = dueOn > options.today ? dueOn : new Date(Date.parse(`${options.today}T00:00:00Z`) + random.int(1, 14) * 86_400_000).toISOString().slice(0, 10);
      const time = `${String(random.int(9, 17)).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}`;
      book(clientId, courseId, session, `${day}T${time}`, 'booked', random.pick(practitioners));
    },
  };
}
