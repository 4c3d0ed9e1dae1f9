import type { Migration } from './migration';

/**
 * Copies that leave the clinic:
 *
 * - Whether a client agreed to share their treatment beyond the clinic (a letter to their GP,
 *   copies by e-mail), with who recorded the answer and when. No row means nobody asked: there
 *   is no default answer.
 * - The e-mail outbox: messages (with their PDFs) wait here, inside the encrypted store, until
 *   the clinic's mail server takes them; a sent message's row is removed (the audit trail keeps
 *   what was sent, to whom and when, never the content).
 *
 * Numbered 017 for this change; it is step 15 on this branch (the lead renumbers on merge).
 */
export const clientSharingChoices: Migration = {
  version: 17,
  name: 'clients: what they agreed to share beyond the clinic (their GP), asked and recorded',
  sql: `
    CREATE TABLE client_sharing_choice (
      client_id TEXT NOT NULL REFERENCES client (id),
      kind TEXT NOT NULL CHECK (kind IN ('gp-letter', 'email-copies')),
      agreed INTEGER NOT NULL CHECK (agreed IN (0, 1)),
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL REFERENCES staff (id),
      PRIMARY KEY (client_id, kind)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE email_outbox (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES client (id),
      to_address TEXT NOT NULL,
      what TEXT NOT NULL,
      message TEXT NOT NULL,
      queued_at TEXT NOT NULL,
      queued_by TEXT NOT NULL REFERENCES staff (id),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      last_error TEXT
    ) STRICT;
    CREATE INDEX email_outbox_by_next_attempt ON email_outbox (next_attempt_at);
  `,
};
