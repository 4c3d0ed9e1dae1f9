import { randomUUID } from 'node:crypto';
import { CourseInput, type courseStatuses } from '../../shared/clinical/session';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';

export type CourseStatus = (typeof courseStatuses)[number];

export interface Course {
  id: string;
  clientId: string;
  indication: string;
  plannedSessions: number;
  intervalWeeks: number;
  status: CourseStatus;
  startedOn: string;
  notes: string;
  sessionsDone: number;
  lastSessionOn: string | null;
  /** Date the next session is due (last session + interval), or null when the course is done. */
  nextDueOn: string | null;
}

export interface OverdueCourse extends Course {
  clientName: string;
}

interface CourseRow {
  id: string;
  client_id: string;
  indication: string;
  planned_sessions: number;
  interval_weeks: number;
  status: CourseStatus;
  started_on: string;
  notes: string;
  sessions_done: number;
  last_session_at: string | null;
}

const courseQuery = `
  SELECT c.*, count(s.id) AS sessions_done, max(s.performed_at) AS last_session_at
  FROM course c LEFT JOIN treatment_session s ON s.course_id = c.id`;

export function addWeeks(isoDate: string, weeks: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + weeks * 7);
  return date.toISOString().slice(0, 10);
}

function toCourse(row: CourseRow): Course {
  const lastSessionOn = row.last_session_at ? row.last_session_at.slice(0, 10) : null;
  const finished = row.status !== 'active' || row.sessions_done >= row.planned_sessions;
  return {
    id: row.id,
    clientId: row.client_id,
    indication: row.indication,
    plannedSessions: row.planned_sessions,
    intervalWeeks: row.interval_weeks,
    status: row.status,
    startedOn: row.started_on,
    notes: row.notes,
    sessionsDone: row.sessions_done,
    lastSessionOn,
    nextDueOn: finished ? null : lastSessionOn ? addWeeks(lastSessionOn, row.interval_weeks) : row.started_on,
  };
}

/** A course of treatments: planned number, interval, progress and when the next one is due. */
export class CourseService {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  create(by: string, clientId: string, input: CourseInput): Course {
    const fields = CourseInput.parse(input);
    const id = randomUUID();
    const now = this.clock.now().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO course (id, client_id, indication, planned_sessions, interval_weeks, status, started_on, notes, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
        )
        .run(id, clientId, fields.indication, fields.plannedSessions, fields.intervalWeeks, fields.startedOn, fields.notes, now, now);
      this.audit.append({ staffId: by, action: 'course.create', entity: 'client', entityId: clientId, detail: `course=${id}` });
    })();
    return this.get(id);
  }

  setStatus(by: string, id: string, status: CourseStatus): Course {
    const course = this.get(id);
    this.db.transaction(() => {
      this.db.prepare('UPDATE course SET status = ?, updated_at = ? WHERE id = ?').run(status, this.clock.now().toISOString(), id);
      this.audit.append({ staffId: by, action: 'course.status', entity: 'client', entityId: course.clientId, detail: `course=${id} status=${status}` });
    })();
    return this.get(id);
  }

  get(id: string): Course {
    const row = this.db.prepare(`${courseQuery} WHERE c.id = ? GROUP BY c.id`).get(id) as CourseRow | undefined;
    if (!row) throw new StoreError('NOT_FOUND', 'That course does not exist.');
    return toCourse(row);
  }

  forClient(clientId: string): Course[] {
    return (this.db.prepare(`${courseQuery} WHERE c.client_id = ? GROUP BY c.id ORDER BY c.started_on DESC`).all(clientId) as CourseRow[]).map(toCourse);
  }

  /** Active courses whose next session is past due, most overdue first. */
  overdue(limit: number): OverdueCourse[] {
    const today = this.clock.now().toISOString().slice(0, 10);
    const rows = this.db
      .prepare(
        `SELECT * FROM (
           ${courseQuery} WHERE c.status = 'active' GROUP BY c.id
         ) WHERE sessions_done < planned_sessions`,
      )
      .all() as CourseRow[];
    const names = this.db.prepare(`SELECT first_name || ' ' || last_name AS name FROM client WHERE id = ? AND archived = 0`);
    return rows
      .map(toCourse)
      .filter((course) => course.nextDueOn !== null && course.nextDueOn < today)
      .sort((a, b) => (a.nextDueOn! < b.nextDueOn! ? -1 : 1))
      .slice(0, limit)
      .flatMap((course) => {
        const client = names.get(course.clientId) as { name: string } | undefined;
        return client ? [{ ...course, clientName: client.name }] : [];
      });
  }
}
