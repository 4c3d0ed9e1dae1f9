import type { Migration } from './migration';

/** One course's progress, recomputed from its own sessions (an indexed walk of that course only). */
const recountCourse = (courseId: string) => `
  UPDATE course SET
    sessions_done = (SELECT count(*) FROM treatment_session WHERE course_id = ${courseId}),
    last_session_at = (SELECT max(performed_at) FROM treatment_session WHERE course_id = ${courseId})
  WHERE id = ${courseId};`;

/**
 * Home asks two things on every visit, and both used to read everything:
 *
 * - Which courses are overdue. Each course now keeps its progress (sessions done, the last
 *   session) on its own row, kept by triggers in the same transaction as every session write
 *   (added, moved, amended, erased by retention), so no service can forget it. The date the
 *   next session is due is derived from those columns (a generated column: a status change or a
 *   new plan moves it too), and an index over it lets SQL return the most overdue first.
 *   Null when nothing is due (course closed, or all planned sessions done).
 * - Which clients were opened most recently. A small table keeps each client's newest
 *   "opened, created or changed" row of the audit trail, filled by a trigger as the row is
 *   appended, so Home no longer groups the whole trail. Ids and row numbers only.
 *
 * Both are filled here from the data already there.
 */
export const courseProgressAndRecentClients: Migration = {
  version: 14,
  name: 'courses keep their progress and next due date; the clients opened most recently',
  sql: `
    ALTER TABLE course ADD COLUMN sessions_done INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE course ADD COLUMN last_session_at TEXT;
    ALTER TABLE course ADD COLUMN next_due_on TEXT GENERATED ALWAYS AS (
      CASE
        WHEN status <> 'active' OR sessions_done >= planned_sessions THEN NULL
        WHEN last_session_at IS NULL THEN started_on
        ELSE date(substr(last_session_at, 1, 10), '+' || (interval_weeks * 7) || ' days')
      END
    ) VIRTUAL;
    CREATE INDEX course_by_next_due ON course (next_due_on, id) WHERE next_due_on IS NOT NULL;

    CREATE TRIGGER treatment_session_counts_on_insert AFTER INSERT ON treatment_session
      WHEN NEW.course_id IS NOT NULL
      BEGIN ${recountCourse('NEW.course_id')} END;
    CREATE TRIGGER treatment_session_counts_on_delete AFTER DELETE ON treatment_session
      WHEN OLD.course_id IS NOT NULL
      BEGIN ${recountCourse('OLD.course_id')} END;
    CREATE TRIGGER treatment_session_counts_on_update AFTER UPDATE OF course_id, performed_at ON treatment_session
      BEGIN
        ${recountCourse('OLD.course_id')}
        ${recountCourse('NEW.course_id')}
      END;

    UPDATE course SET
      sessions_done = (SELECT count(*) FROM treatment_session s WHERE s.course_id = course.id),
      last_session_at = (SELECT max(performed_at) FROM treatment_session s WHERE s.course_id = course.id);

    CREATE TABLE recent_client (
      client_id TEXT PRIMARY KEY,
      last_seq INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX recent_client_by_seq ON recent_client (last_seq);

    CREATE TRIGGER audit_event_marks_recent_client AFTER INSERT ON audit_event
      WHEN NEW.entity = 'client' AND NEW.entity_id IS NOT NULL
        AND NEW.action IN ('client.view', 'client.create', 'client.update')
      BEGIN
        INSERT INTO recent_client (client_id, last_seq) VALUES (NEW.entity_id, NEW.seq)
          ON CONFLICT (client_id) DO UPDATE SET last_seq = excluded.last_seq;
      END;
    CREATE TRIGGER client_leaves_recent_clients AFTER DELETE ON client
      BEGIN DELETE FROM recent_client WHERE client_id = OLD.id; END;

    INSERT INTO recent_client (client_id, last_seq)
    SELECT e.entity_id, max(e.seq) FROM audit_event e JOIN client c ON c.id = e.entity_id
    WHERE e.entity = 'client' AND e.action IN ('client.view', 'client.create', 'client.update')
    GROUP BY e.entity_id;
  `,
};
