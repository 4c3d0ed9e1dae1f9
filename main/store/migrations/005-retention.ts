import type { Migration } from './migration';

/**
 * Retention and erasure (issue #6), and indexes for the audit trail screen's filters.
 * Numbered 005 among the features; on this branch it is the third step (the lead renumbers it
 * to 5 when consents (003) and photos (004) are merged before it).
 */
export const retention: Migration = {
  version: 5,
  name: 'retention: client tombstones, purge marker, audit trail filter indexes',
  sql: `
    -- What is left of a purged client: who, when and why. No name, no contact details, no health
    -- data: the id is what the earlier audit rows point at.
    CREATE TABLE client_tombstone (
      client_id TEXT PRIMARY KEY,
      purged_at TEXT NOT NULL,
      purged_by TEXT NOT NULL REFERENCES staff (id),
      reason TEXT NOT NULL CHECK (reason IN ('retention-period-ended', 'erasure-request', 'created-in-error')),
      note TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER client_tombstone_refuses_update BEFORE UPDATE ON client_tombstone
      BEGIN SELECT RAISE(ABORT, 'a tombstone is never changed'); END;
    CREATE TRIGGER client_tombstone_refuses_delete BEFORE DELETE ON client_tombstone
      BEGIN SELECT RAISE(ABORT, 'a tombstone is never removed'); END;

    -- The client being purged, for the length of the purge transaction only (inserted at its
    -- start, deleted before it commits). Rows that refuse deletion (amendments; signed consents)
    -- let it through for this client alone, so a purge can remove them and nothing else can.
    CREATE TABLE client_purge_in_progress (
      client_id TEXT PRIMARY KEY
    ) STRICT;

    DROP TRIGGER session_amendment_refuses_delete;
    CREATE TRIGGER session_amendment_refuses_delete BEFORE DELETE ON session_amendment
      WHEN NOT EXISTS (
        SELECT 1 FROM treatment_session s JOIN client_purge_in_progress p ON p.client_id = s.client_id
        WHERE s.id = OLD.session_id
      )
      BEGIN SELECT RAISE(ABORT, 'an amendment is never removed'); END;

    -- The audit trail screen filters by action, by staff and by time, newest first.
    CREATE INDEX audit_event_by_action ON audit_event (action, seq);
    CREATE INDEX audit_event_by_staff_seq ON audit_event (staff_id, seq);
    CREATE INDEX audit_event_by_at ON audit_event (at);
  `,
};
