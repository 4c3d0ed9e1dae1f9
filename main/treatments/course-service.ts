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
  next_due_on: string | null;
}

/**
 * A course's progress (sessions done, last session, next due) is kept on its row by the
 * database, in the same transaction as every session write, so reading it touches no session.
 */
const courseQuery = `SELECT c.* FROM course c`;

export function addWeeks(isoDate: string, weeks: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + weeks * 7);
  return date.toISOString().slice(0, 10);
}

function toCourse(row: CourseRow): Course {
  const lastSessionOn = row.last_session_at ? row.last_session_at.slice(0, 10) : null;
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
    nextDueOn: row.next_due_on,
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
    const row = this.db.prepare(`${courseQuery} WHERE c.id = ?`).get(id) as CourseRow | undefined;
    if (!row) throw new StoreError('NOT_FOUND', 'That course does not exist.');
    return toCourse(row);
  }

  forClient(clientId: string): Course[] {
    return (this.db.prepare(`${courseQuery} WHERE c.client_id = ? ORDER BY c.started_on DESC`).all(clientId) as CourseRow[]).map(toCourse);
  }

  /**
   * Active courses whose next session is past due, most overdue first, for clients still on the
   * books. The index over the due date hands SQL the most overdue first; it stops at `limit`.
   */
  overdue(limit: number): OverdueCourse[] {
    const today = this.clock.now().toISOString().slice(0, 10);
    const rows = this.db
      .prepare(
        `SELECT c.*, cl.first_name || ' ' || cl.last_name AS client_name
         FROM course c INDEXED BY course_by_next_due JOIN client cl ON cl.id = c.client_id
         WHERE c.next_due_on IS NOT NULL AND c.next_due_on < ? AND cl.archived = 0
         ORDER BY c.next_due_on, c.id LIMIT ?`,
      )
      .all(today, limit) as (CourseRow & { client_name: string })[];
    return rows.map((row) => ({ ...toCourse(row), clientName: row.client_name }));
  }
}
