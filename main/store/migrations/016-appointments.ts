import type { Migration } from './migration';

/**
 * The appointment diary. Start times are the clinic's wall clock to the minute
 * ("2026-12-08T09:30"): a diary is read in the clinic's day, and a stored UTC instant would
 * shift every booking by an hour twice a year. The week view reads a range of start times, so
 * the start index serves it whatever the number of clients; the practitioner and room indexes
 * serve the conflict checks, the client index the profile, export and purge.
 * Rooms, opening hours and days off are the diary's settings row (the settings table).
 */
export const appointments: Migration = {
  // Numbered by position on this branch; migration 016 once the lead merges the rounds in order.
  version: 16,
  name: 'the appointment diary',
  sql: `
    CREATE TABLE appointment (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES client (id),
      practitioner_id TEXT NOT NULL REFERENCES staff (id),
      room_id TEXT,
      course_id TEXT REFERENCES course (id),
      course_session INTEGER CHECK (course_session BETWEEN 1 AND 50),
      starts_at TEXT NOT NULL CHECK (starts_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
      minutes INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 480),
      status TEXT NOT NULL CHECK (status IN ('booked', 'arrived', 'in-treatment', 'done', 'no-show', 'cancelled')),
      cancel_reason TEXT CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
      booking_note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES staff (id),
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX appointment_by_start ON appointment (starts_at);
    CREATE INDEX appointment_by_practitioner ON appointment (practitioner_id, starts_at);
    CREATE INDEX appointment_by_room ON appointment (room_id, starts_at) WHERE room_id IS NOT NULL;
    CREATE INDEX appointment_by_client ON appointment (client_id, starts_at);
    CREATE INDEX appointment_by_course ON appointment (course_id) WHERE course_id IS NOT NULL;
  `,
};
