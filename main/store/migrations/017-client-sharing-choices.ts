import type { Migration } from './migration';

/**
 * Whether a client agreed to share their treatment beyond the clinic (a letter to their GP),
 * with who recorded the answer and when. No row means nobody asked: there is no default answer.
 *
 * Numbered 017 for this change; it is step 15 on this branch (the lead renumbers on merge).
 */
export const clientSharingChoices: Migration = {
  version: 15,
  name: 'clients: what they agreed to share beyond the clinic (their GP), asked and recorded',
  sql: `
    CREATE TABLE client_sharing_choice (
      client_id TEXT NOT NULL REFERENCES client (id),
      kind TEXT NOT NULL CHECK (kind IN ('gp-letter')),
      agreed INTEGER NOT NULL CHECK (agreed IN (0, 1)),
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL REFERENCES staff (id),
      PRIMARY KEY (client_id, kind)
    ) STRICT, WITHOUT ROWID;
  `,
};
