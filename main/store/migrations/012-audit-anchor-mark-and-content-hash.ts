import type { Migration } from './migration';

/**
 * Two things that make a rolled-back or patched database show:
 *
 * - store_anchor: one row, written the first time the audit head is anchored in the key file,
 *   saying from which row on it was. From then on an anchor is required: a key file with the
 *   anchor removed no longer lets an older copy of the database pass as current.
 * - audit_event.content_hash: for a row written for a clinical record (client, medical history,
 *   treatment session or course, consent, photo), a SHA-256 of that record as written. It is
 *   inside the row's hash, so `verify` can hold the record as it is now against what the trail
 *   says was last written, and a database page copied back from an older copy shows. Rows from
 *   before this step have none and keep their hash as it was.
 */
export const auditAnchorMarkAndContentHash: Migration = {
  version: 12,
  name: 'audit: anchor required once written; content hash of the record in its audit row',
  sql: `
    CREATE TABLE store_anchor (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      since_seq INTEGER NOT NULL,
      recorded_at TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER store_anchor_refuses_update BEFORE UPDATE ON store_anchor
      BEGIN SELECT RAISE(ABORT, 'the anchor mark is never changed'); END;
    CREATE TRIGGER store_anchor_refuses_delete BEFORE DELETE ON store_anchor
      BEGIN SELECT RAISE(ABORT, 'the anchor mark is never removed'); END;

    ALTER TABLE audit_event ADD COLUMN content_hash TEXT;
  `,
};
