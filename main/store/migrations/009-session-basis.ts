import type { Migration } from './migration';

/**
 * A session keeps what it was done on: the treatment consent it relied on, or the overrides a
 * practitioner took responsibility for (no consent, a screening stop, a depth above the clinic's
 * maximum, an expired lot), as JSON. Sessions saved before have none: they show "not recorded"
 * rather than an invented basis. `updated_by` names who made a same-day change.
 *
 * Numbered by position in this branch; the file number is the one given to this change.
 */
export const sessionBasis: Migration = {
  version: 9,
  name: 'sessions keep their consent and exceptions',
  sql: `
    ALTER TABLE treatment_session ADD COLUMN basis TEXT;
    ALTER TABLE treatment_session ADD COLUMN updated_by TEXT REFERENCES staff (id);
  `,
};
