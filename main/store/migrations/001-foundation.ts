import type { Migration } from './migration';

export const foundation: Migration = {
  version: 1,
  name: 'foundation: settings, staff, audit trail',
  sql: `
    CREATE TABLE setting (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      name_folded TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('admin', 'practitioner', 'reception')),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      password_changed_at TEXT
    ) STRICT;

    CREATE TABLE audit_event (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      staff_id TEXT,
      action TEXT NOT NULL,
      entity TEXT,
      entity_id TEXT,
      detail TEXT NOT NULL DEFAULT '',
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_event_by_entity ON audit_event (entity, entity_id);
    CREATE INDEX audit_event_by_staff ON audit_event (staff_id, at);

    -- The audit trail is append-only: no row is ever changed or removed.
    CREATE TRIGGER audit_event_refuses_update BEFORE UPDATE ON audit_event
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER audit_event_refuses_delete BEFORE DELETE ON audit_event
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  `,
};
