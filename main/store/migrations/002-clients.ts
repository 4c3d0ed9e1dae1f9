import type { Migration } from './migration';
import { defaultAreaDepths } from '../../../shared/clinical/areas';

const depthRows = defaultAreaDepths.map((d) => `('${d.area}', ${d.typicalMm}, ${d.maxMm})`).join(',\n      ');

export const clients: Migration = {
  version: 2,
  name: 'clients, medical history, courses, treatment sessions, lots, amendments',
  sql: `
    CREATE TABLE client (
      id TEXT PRIMARY KEY,
      first_name TEXT NOT NULL,
      last_name TEXT NOT NULL,
      preferred_name TEXT NOT NULL DEFAULT '',
      date_of_birth TEXT,
      pronouns TEXT NOT NULL DEFAULT '',
      sex TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      email TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT '',
      emergency_contact TEXT NOT NULL DEFAULT '',
      gp TEXT NOT NULL DEFAULT '',
      referral_source TEXT NOT NULL DEFAULT '',
      fitzpatrick INTEGER CHECK (fitzpatrick BETWEEN 1 AND 6),
      concerns TEXT NOT NULL DEFAULT '[]',
      marketing_consent INTEGER NOT NULL DEFAULT 0 CHECK (marketing_consent IN (0, 1)),
      notes TEXT NOT NULL DEFAULT '',
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      sort_key TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX client_by_sort_key ON client (archived, sort_key);
    CREATE INDEX client_by_birth ON client (date_of_birth);
    CREATE INDEX client_by_email ON client (lower(email)) WHERE email <> '';

    -- Search index: folded names, contact details and date of birth; contentless, so the text
    -- lives only in the (encrypted) client table, and prefix indexes make 1-4 letters fast.
    -- state is 'archived' for archived clients: the index alone then counts active matches.
    CREATE VIRTUAL TABLE client_search USING fts5 (
      names, contact, birth, state,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '1 2 3 4',
      content = '',
      contentless_delete = 1
    );

    -- The alphabetical order of clients in a narrow table of its own: sorting a few thousand
    -- search matches reads a few pages of this instead of thousands of wide client rows.
    CREATE TABLE client_order (
      client_rowid INTEGER PRIMARY KEY,
      sort_key TEXT NOT NULL,
      archived INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX client_order_by_key ON client_order (archived, sort_key);

    CREATE TABLE medical_history (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES client (id),
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL REFERENCES staff (id),
      answers TEXT NOT NULL,
      alerts TEXT NOT NULL
    ) STRICT;
    CREATE INDEX medical_history_by_client ON medical_history (client_id, recorded_at);
    CREATE TRIGGER medical_history_refuses_update BEFORE UPDATE ON medical_history
      BEGIN SELECT RAISE(ABORT, 'a medical history entry is never changed: record a new one'); END;

    CREATE TABLE course (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES client (id),
      indication TEXT NOT NULL,
      planned_sessions INTEGER NOT NULL CHECK (planned_sessions BETWEEN 1 AND 50),
      interval_weeks INTEGER NOT NULL CHECK (interval_weeks BETWEEN 1 AND 52),
      status TEXT NOT NULL CHECK (status IN ('active', 'completed', 'stopped')),
      started_on TEXT NOT NULL,
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX course_by_client ON course (client_id, status);

    CREATE TABLE treatment_session (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES client (id),
      course_id TEXT REFERENCES course (id),
      performed_at TEXT NOT NULL,
      practitioner_id TEXT NOT NULL REFERENCES staff (id),
      record TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX treatment_session_by_client ON treatment_session (client_id, performed_at);
    CREATE INDEX treatment_session_by_course ON treatment_session (course_id, performed_at);

    -- Lots used in a session, one row each, so a recall ("who had lot X?") is one indexed search.
    CREATE TABLE session_lot (
      session_id TEXT NOT NULL REFERENCES treatment_session (id),
      kind TEXT NOT NULL CHECK (kind IN ('cartridge', 'product')),
      name TEXT NOT NULL,
      lot TEXT NOT NULL,
      lot_folded TEXT NOT NULL,
      expiry TEXT
    ) STRICT;
    CREATE INDEX session_lot_by_lot ON session_lot (lot_folded);
    CREATE INDEX session_lot_by_session ON session_lot (session_id);

    -- After the day of treatment a session is changed only by an amendment that keeps what was there.
    CREATE TABLE session_amendment (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES treatment_session (id),
      amended_at TEXT NOT NULL,
      amended_by TEXT NOT NULL REFERENCES staff (id),
      reason TEXT NOT NULL,
      previous_record TEXT NOT NULL
    ) STRICT;
    CREATE INDEX session_amendment_by_session ON session_amendment (session_id, amended_at);
    CREATE TRIGGER session_amendment_refuses_update BEFORE UPDATE ON session_amendment
      BEGIN SELECT RAISE(ABORT, 'an amendment is never changed'); END;
    CREATE TRIGGER session_amendment_refuses_delete BEFORE DELETE ON session_amendment
      BEGIN SELECT RAISE(ABORT, 'an amendment is never removed'); END;

    CREATE TABLE screening_override (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES client (id),
      medical_history_id TEXT NOT NULL REFERENCES medical_history (id),
      overridden_at TEXT NOT NULL,
      overridden_by TEXT NOT NULL REFERENCES staff (id),
      rules TEXT NOT NULL,
      reason TEXT NOT NULL
    ) STRICT;
    CREATE INDEX screening_override_by_client ON screening_override (client_id, overridden_at);

    CREATE TABLE area_depth (
      area TEXT PRIMARY KEY,
      typical_mm REAL NOT NULL CHECK (typical_mm > 0 AND typical_mm <= 3),
      max_mm REAL NOT NULL CHECK (max_mm > 0 AND max_mm <= 3)
    ) STRICT;
    INSERT INTO area_depth (area, typical_mm, max_mm) VALUES
      ${depthRows};

    CREATE TABLE note_snippet (
      code TEXT PRIMARY KEY,
      text TEXT NOT NULL
    ) STRICT;
  `,
};
