import { randomUUID } from 'node:crypto';
import { addDays, addMinutes, isFinished, statusChange, type AppointmentStatus } from '../../shared/diary/appointment';
import { conflictsFor, type Slot } from '../../shared/diary/conflicts';
import { courseBookingDays, nextSessionNumber } from '../../shared/diary/course-booking';
import { hoursWarnings, type DiarySettings } from '../../shared/diary/diary-settings';
import { flagsFor, readiness, type ReadinessFlag } from '../../shared/diary/readiness';
import type { AppointmentView, BookCourseInput, BookingOutcome, DiaryPractitioner, DiaryWarning, MoveInput, StatusInput } from '../../shared/contract/diary-channels';
import { BookInput } from '../../shared/contract/diary-channels';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { ConsentService } from '../consents/consent-service';
import type { MedicalHistoryService } from '../medical-history/medical-history-service';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import type { CourseService } from '../treatments/course-service';
import type { DiarySettingsStore } from './diary-settings-store';
import { localDay } from './local-day';
import type { CalendarAppointment } from './week-calendar';

interface AppointmentRow {
  id: string;
  client_id: string;
  practitioner_id: string;
  room_id: string | null;
  course_id: string | null;
  course_session: number | null;
  starts_at: string;
  minutes: number;
  status: AppointmentStatus;
  cancel_reason: string | null;
  booking_note: string;
  first_name: string;
  last_name: string;
  practitioner_name: string;
  indication: string | null;
  planned_sessions: number | null;
}

const viewQuery = `
  SELECT a.id, a.client_id, a.practitioner_id, a.room_id, a.course_id, a.course_session, a.starts_at, a.minutes,
         a.status, a.cancel_reason, a.booking_note, cl.first_name, cl.last_name, s.name AS practitioner_name,
         co.indication, co.planned_sessions
  FROM appointment a
  JOIN client cl ON cl.id = a.client_id
  JOIN staff s ON s.id = a.practitioner_id
  LEFT JOIN course co ON co.id = a.course_id`;

function toView(row: AppointmentRow): AppointmentView {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: `${row.first_name} ${row.last_name}`.trim(),
    practitionerId: row.practitioner_id,
    practitionerName: row.practitioner_name,
    roomId: row.room_id,
    start: row.starts_at,
    minutes: row.minutes,
    status: row.status,
    cancelReason: row.cancel_reason,
    bookingNote: row.booking_note,
    courseId: row.course_id,
    courseIndication: row.indication,
    courseSession: row.course_session,
    coursePlanned: row.planned_sessions,
  };
}

/** Appointments still to come for a course (booked or under way): each takes one of its planned sessions. */
const openStatuses = `('booked', 'arrived', 'in-treatment')`;

export const diaryMessages = {
  notFound: 'That appointment does not exist.',
  finished: 'This appointment is finished (done, no-show or cancelled) and stays as it was.',
  notAllowed: 'That change of status is not possible from where the appointment stands.',
  reasonNeeded: 'Give the reason for the cancellation.',
  notPractitioner: 'Choose a practitioner: that member of staff does not treat clients.',
  noRoom: 'That room is not in the diary settings.',
  archived: 'This client is archived: bring them back before booking.',
  courseOtherClient: 'That course belongs to another client.',
  courseNotActive: 'That course is not active, so nothing more is booked for it.',
  courseFull: 'Every planned session of this course is already done or booked.',
} as const;

interface DiaryParts {
  db: SqliteDatabase;
  audit: AuditLog;
  clock: Clock;
  settings: DiarySettingsStore;
  courses: CourseService;
  consents: ConsentService;
  medicalHistory: MedicalHistoryService;
}

/**
 * The appointment diary: booking, moving, the day's statuses, and what the desk prepares
 * before a client arrives. Warnings (a clash, outside the hours, a day off) are answered with
 * nothing written until the desk confirms them; refusals (a cancellation without its reason, a
 * finished appointment moved) are errors.
 */
export class DiaryService {
  constructor(private readonly parts: DiaryParts) {}

  /** Appointments starting in [from, from + days), for every practitioner: one range read of the start index. */
  week(from: string, days: number): AppointmentView[] {
    const rows = this.parts.db.prepare(`${viewQuery} WHERE a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at, a.id`).all(from, addDays(from, days)) as AppointmentRow[];
    return rows.map(toView);
  }

  /** Who can be booked: active practitioners and admins (an admin who treats), in name order. */
  practitioners(): DiaryPractitioner[] {
    return this.parts.db.prepare(`SELECT id, name FROM staff WHERE active = 1 AND role IN ('practitioner', 'admin') ORDER BY name COLLATE NOCASE`).all() as DiaryPractitioner[];
  }

  get(id: string): AppointmentView {
    const row = this.parts.db.prepare(`${viewQuery} WHERE a.id = ?`).get(id) as AppointmentRow | undefined;
    if (!row) throw new StoreError('NOT_FOUND', diaryMessages.notFound);
    return toView(row);
  }

  forClient(clientId: string): AppointmentView[] {
    return (this.parts.db.prepare(`${viewQuery} WHERE a.client_id = ? ORDER BY a.starts_at DESC`).all(clientId) as AppointmentRow[]).map(toView);
  }

  /** One practitioner's day, in time order (the day sheet and the CLI). */
  day(day: string, practitionerId: string | null): AppointmentView[] {
    return this.week(day, 1).filter((appointment) => practitionerId === null || appointment.practitionerId === practitionerId);
  }

  /** One practitioner's day with every readiness flag (the day sheet is for clinicians). */
  daySheet(day: string, practitionerId: string): { appointment: AppointmentView; flags: ReadinessFlag[] }[] {
    return this.day(day, practitionerId).map((appointment) => ({ appointment, flags: appointment.status === 'cancelled' ? [] : this.flags(appointment.clientId, day) }));
  }

  /** A practitioner's week with the clients' first and last names apart (the calendar file names them as the clinic allows). */
  calendarWeek(practitionerId: string, from: string): CalendarAppointment[] {
    const rows = this.parts.db
      .prepare(`${viewQuery} WHERE a.practitioner_id = ? AND a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at`)
      .all(practitionerId, from, addDays(from, 7)) as AppointmentRow[];
    return rows.map((row) => ({ ...toView(row), firstName: row.first_name, lastName: row.last_name }));
  }

  practitionerName(staffId: string): string {
    const row = this.parts.db.prepare(`SELECT name FROM staff WHERE id = ?`).get(staffId) as { name: string } | undefined;
    if (!row) throw new StoreError('NOT_FOUND', diaryMessages.notPractitioner);
    return row.name;
  }

  book(by: string, input: BookInput): BookingOutcome {
    const fields = BookInput.parse(input);
    const settings = this.parts.settings.get();
    return this.parts.db.transaction((): BookingOutcome => {
      this.checkClient(fields.clientId);
      this.checkPractitioner(fields.practitionerId);
      this.checkRoom(settings, fields.roomId);
      const courseSession = fields.courseId ? this.nextCourseSession(fields.courseId, fields.clientId) : null;
      const warnings = this.warnings(settings, { id: '', practitionerId: fields.practitionerId, roomId: fields.roomId, start: fields.start, minutes: fields.minutes });
      if (warnings.length > 0 && !fields.confirmWarnings) return { appointments: [], warnings };
      const id = this.insert(by, { ...fields, courseSession });
      return { appointments: [this.get(id)], warnings };
    })();
  }

  /** Every remaining session of a course, one interval apart from the first (each movable later). */
  bookCourse(by: string, input: BookCourseInput): BookingOutcome {
    const settings = this.parts.settings.get();
    return this.parts.db.transaction((): BookingOutcome => {
      const course = this.parts.courses.get(input.courseId);
      this.checkClient(course.clientId);
      this.checkPractitioner(input.practitionerId);
      this.checkRoom(settings, input.roomId);
      const first = this.nextCourseSession(course.id, course.clientId);
      const booked = first - course.sessionsDone - 1;
      const days = courseBookingDays({ ...course, sessionsDone: course.sessionsDone + booked }, input.firstStart.slice(0, 10), settings.openingHours);
      const time = input.firstStart.slice(11);
      const warnings: DiaryWarning[] = [];
      for (const { day } of days) warnings.push(...this.warnings(settings, { id: '', practitionerId: input.practitionerId, roomId: input.roomId, start: `${day}T${time}`, minutes: input.minutes }));
      if (warnings.length > 0 && !input.confirmWarnings) return { appointments: [], warnings };
      const ids = days.map(({ day, sessionNumber }) =>
        this.insert(
          by,
          {
            clientId: course.clientId,
            practitionerId: input.practitionerId,
            roomId: input.roomId,
            start: `${day}T${time}`,
            minutes: input.minutes,
            courseId: course.id,
            courseSession: sessionNumber,
            bookingNote: '',
          },
          'appointment.book-course',
        ),
      );
      return { appointments: ids.map((id) => this.get(id)), warnings };
    })();
  }

  move(by: string, input: MoveInput): BookingOutcome {
    const settings = this.parts.settings.get();
    return this.parts.db.transaction((): BookingOutcome => {
      const current = this.get(input.id);
      if (isFinished(current.status)) throw new StoreError('INVALID_INPUT', diaryMessages.finished);
      this.checkPractitioner(input.practitionerId);
      this.checkRoom(settings, input.roomId);
      const warnings = this.warnings(settings, { id: input.id, practitionerId: input.practitionerId, roomId: input.roomId, start: input.start, minutes: input.minutes });
      if (warnings.length > 0 && !input.confirmWarnings) return { appointments: [], warnings };
      this.parts.db
        .prepare(`UPDATE appointment SET starts_at = ?, minutes = ?, practitioner_id = ?, room_id = ?, updated_at = ? WHERE id = ?`)
        .run(input.start, input.minutes, input.practitionerId, input.roomId, this.parts.clock.now().toISOString(), input.id);
      this.parts.audit.append({
        staffId: by,
        action: 'appointment.move',
        entity: 'appointment',
        entityId: input.id,
        detail: `client=${current.clientId} from=${current.start}/${current.minutes} to=${input.start}/${input.minutes}${warnings.length ? ` warnings=${warnings.map((w) => w.kind).join(',')}` : ''}`,
      });
      return { appointments: [this.get(input.id)], warnings };
    })();
  }

  setStatus(by: string, input: StatusInput): AppointmentView {
    return this.parts.db.transaction(() => {
      const current = this.get(input.id);
      const reason = input.status === 'cancelled' ? input.reason : null;
      const verdict = statusChange(current.status, input.status, reason);
      if (!verdict.allowed) throw new StoreError('INVALID_INPUT', verdict.refusal === 'reason-needed' ? diaryMessages.reasonNeeded : diaryMessages.notAllowed);
      this.parts.db.prepare(`UPDATE appointment SET status = ?, cancel_reason = ?, updated_at = ? WHERE id = ?`).run(input.status, reason, this.parts.clock.now().toISOString(), input.id);
      this.parts.audit.append({
        staffId: by,
        action: input.status === 'cancelled' ? 'appointment.cancel' : 'appointment.status',
        entity: 'appointment',
        entityId: input.id,
        detail: `client=${current.clientId} status=${current.status}>${input.status}`,
      });
      return this.get(input.id);
    })();
  }

  /**
   * Today's appointments (not cancelled) with what to prepare for each. Reading consent and
   * history standings is one audited look; reception's answer leaves out the screening flag.
   */
  today(by: string, clinical: boolean): { day: string; items: { appointment: AppointmentView; flags: ReadinessFlag[] }[] } {
    const day = localDay(this.parts.clock);
    return this.parts.db.transaction(() => {
      const appointments = this.week(day, 1).filter((appointment) => appointment.status !== 'cancelled');
      const items = appointments.map((appointment) => ({ appointment, flags: flagsFor(this.flags(appointment.clientId, day), clinical) }));
      this.parts.audit.append({ staffId: by, action: 'diary.today', entity: 'diary', entityId: day, detail: `appointments=${items.length}` });
      return { day, items };
    })();
  }

  /** The readiness flags of one client for a day, from the consent and history services' own judgements. */
  flags(clientId: string, day: string): ReadinessFlag[] {
    const { consents, medicalHistory, settings } = this.parts;
    const status = consents.status(clientId);
    const screening = medicalHistory.screening(clientId);
    const latest = screening.latest;
    const override = screening.override && screening.override.overriddenAt.slice(0, 10) === day ? screening.override.rules : [];
    return readiness(
      {
        treatmentConsent: status.microneedling,
        photographyConsent: status.photography,
        history: latest ? { recordedOn: latest.recordedAt.slice(0, 10), answers: latest.answers } : null,
        overriddenOnDay: override,
      },
      day,
      settings.get(),
    );
  }

  private insert(
    by: string,
    fields: { clientId: string; practitionerId: string; roomId: string | null; start: string; minutes: number; courseId: string | null; courseSession: number | null; bookingNote: string },
    action: 'appointment.book' | 'appointment.book-course' = 'appointment.book',
  ): string {
    const id = randomUUID();
    const now = this.parts.clock.now().toISOString();
    this.parts.db
      .prepare(
        `INSERT INTO appointment (id, client_id, practitioner_id, room_id, course_id, course_session, starts_at, minutes, status, cancel_reason, booking_note, created_at, created_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'booked', NULL, ?, ?, ?, ?)`,
      )
      .run(id, fields.clientId, fields.practitionerId, fields.roomId, fields.courseId, fields.courseSession, fields.start, fields.minutes, fields.bookingNote, now, by, now);
    this.parts.audit.append({
      staffId: by,
      action,
      entity: 'appointment',
      entityId: id,
      detail: `client=${fields.clientId} start=${fields.start} minutes=${fields.minutes}${fields.courseId ? ` course=${fields.courseId} session=${fields.courseSession}` : ''}`,
    });
    return id;
  }

  private warnings(settings: DiarySettings, candidate: Omit<Slot, 'status'>): DiaryWarning[] {
    const day = candidate.start.slice(0, 10);
    // Anything that could overlap starts between the day before (a long late one) and the end.
    const nearby = this.parts.db
      .prepare(
        `SELECT a.id, a.practitioner_id, a.room_id, a.starts_at, a.minutes, a.status, cl.first_name || ' ' || cl.last_name AS client_name
         FROM appointment a JOIN client cl ON cl.id = a.client_id
         WHERE a.starts_at >= ? AND a.starts_at < ? AND (a.practitioner_id = ? OR a.room_id = ?)`,
      )
      .all(addDays(day, -1), addMinutes(candidate.start, candidate.minutes), candidate.practitionerId, candidate.roomId) as {
      id: string;
      practitioner_id: string;
      room_id: string | null;
      starts_at: string;
      minutes: number;
      status: AppointmentStatus;
      client_name: string;
    }[];
    const slots: Slot[] = nearby.map((row) => ({ id: row.id, practitionerId: row.practitioner_id, roomId: row.room_id, start: row.starts_at, minutes: row.minutes, status: row.status }));
    const clashes: DiaryWarning[] = conflictsFor(candidate, slots).map((conflict) => {
      const other = nearby.find((row) => row.id === conflict.withId)!;
      return { kind: conflict.kind, withClientName: other.client_name, start: other.starts_at };
    });
    const hours: DiaryWarning[] = hoursWarnings(settings, candidate.practitionerId, candidate.start, candidate.minutes).map((kind) => ({ kind, start: candidate.start }));
    return [...clashes, ...hours];
  }

  private checkClient(clientId: string): void {
    const row = this.parts.db.prepare(`SELECT archived FROM client WHERE id = ?`).get(clientId) as { archived: number } | undefined;
    if (!row) throw new StoreError('NOT_FOUND', 'That client does not exist.');
    if (row.archived) throw new StoreError('INVALID_INPUT', diaryMessages.archived);
  }

  private checkPractitioner(staffId: string): void {
    const row = this.parts.db.prepare(`SELECT 1 FROM staff WHERE id = ? AND active = 1 AND role IN ('practitioner', 'admin')`).get(staffId);
    if (!row) throw new StoreError('INVALID_INPUT', diaryMessages.notPractitioner);
  }

  private checkRoom(settings: DiarySettings, roomId: string | null): void {
    if (roomId !== null && !settings.rooms.some((room) => room.id === roomId)) throw new StoreError('INVALID_INPUT', diaryMessages.noRoom);
  }

  /** The session number the next booking of a course takes, or a refusal when none is left. */
  private nextCourseSession(courseId: string, clientId: string): number {
    const course = this.parts.courses.get(courseId);
    if (course.clientId !== clientId) throw new StoreError('INVALID_INPUT', diaryMessages.courseOtherClient);
    if (course.status !== 'active') throw new StoreError('INVALID_INPUT', diaryMessages.courseNotActive);
    const open = this.parts.db.prepare(`SELECT count(*) FROM appointment WHERE course_id = ? AND status IN ${openStatuses}`).pluck().get(courseId) as number;
    const number = nextSessionNumber(course, open);
    if (number > course.plannedSessions) throw new StoreError('INVALID_INPUT', diaryMessages.courseFull);
    return number;
  }
}
