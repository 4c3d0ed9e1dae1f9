import type { Migration } from './migration';

/**
 * Consent templates and signed consents. Published template versions and signed consents are
 * immutable: triggers refuse any UPDATE, and any DELETE unless the purge gate is open.
 *
 * The purge gate (consent_purge_gate, one row) is how retention deletes a client's consents:
 * main/consents/purge-gate.ts opens it, deletes, and closes it again inside one transaction, so
 * an open gate is never committed. Nothing else writes that table.
 */
export const consents: Migration = {
  version: 3,
  name: 'consent templates, signed consents with their PDFs, withdrawals',
  sql: `
    CREATE TABLE consent_purge_gate (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      open INTEGER NOT NULL CHECK (open IN (0, 1))
    ) STRICT;
    INSERT INTO consent_purge_gate (id, open) VALUES (1, 0);

    CREATE TABLE consent_template_version (
      template_id TEXT NOT NULL,
      major INTEGER NOT NULL CHECK (major >= 1),
      minor INTEGER NOT NULL CHECK (minor >= 0),
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      content TEXT NOT NULL,
      built_in INTEGER NOT NULL CHECK (built_in IN (0, 1)),
      published_at TEXT NOT NULL,
      published_by TEXT REFERENCES staff (id),
      PRIMARY KEY (template_id, major, minor)
    ) STRICT;
    CREATE TRIGGER consent_template_version_refuses_update BEFORE UPDATE ON consent_template_version
      BEGIN SELECT RAISE(ABORT, 'A published consent template version cannot be changed; publish a new version.'); END;
    CREATE TRIGGER consent_template_version_refuses_delete BEFORE DELETE ON consent_template_version
      BEGIN SELECT RAISE(ABORT, 'A published consent template version cannot be deleted.'); END;

    CREATE TABLE consent (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES client (id),
      template_id TEXT NOT NULL,
      template_major INTEGER NOT NULL,
      template_minor INTEGER NOT NULL,
      kind TEXT NOT NULL,
      session_id TEXT REFERENCES treatment_session (id),
      signed_at TEXT NOT NULL,
      countersigned_by TEXT NOT NULL REFERENCES staff (id),
      -- What lists show without reading the form: signers, guardian, flagged question labels.
      summary TEXT NOT NULL,
      -- The photography choices as signed (JSON), or NULL: what the photo feature looks up.
      photography TEXT,
      form_json TEXT NOT NULL,
      form_sha256 TEXT NOT NULL,
      -- The PDF lives in the encrypted database, so it is encrypted at rest and in every backup.
      pdf BLOB NOT NULL,
      pdf_sha256 TEXT NOT NULL,
      FOREIGN KEY (template_id, template_major, template_minor) REFERENCES consent_template_version (template_id, major, minor)
    ) STRICT;
    CREATE INDEX consent_by_client ON consent (client_id, kind, signed_at);
    CREATE TRIGGER consent_refuses_update BEFORE UPDATE ON consent
      BEGIN SELECT RAISE(ABORT, 'A signed consent cannot be changed; sign a new one.'); END;
    CREATE TRIGGER consent_refuses_delete BEFORE DELETE ON consent
      WHEN (SELECT open FROM consent_purge_gate WHERE id = 1) = 0
      BEGIN SELECT RAISE(ABORT, 'A signed consent cannot be deleted.'); END;

    CREATE TABLE consent_withdrawal (
      id TEXT PRIMARY KEY,
      consent_id TEXT NOT NULL REFERENCES consent (id),
      withdrawn_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL REFERENCES staff (id),
      parts TEXT NOT NULL,
      note TEXT NOT NULL
    ) STRICT;
    CREATE INDEX consent_withdrawal_by_consent ON consent_withdrawal (consent_id);
    CREATE TRIGGER consent_withdrawal_refuses_update BEFORE UPDATE ON consent_withdrawal
      BEGIN SELECT RAISE(ABORT, 'A recorded withdrawal cannot be changed.'); END;
    CREATE TRIGGER consent_withdrawal_refuses_delete BEFORE DELETE ON consent_withdrawal
      WHEN (SELECT open FROM consent_purge_gate WHERE id = 1) = 0
      BEGIN SELECT RAISE(ABORT, 'A recorded withdrawal cannot be deleted.'); END;

    CREATE TABLE consent_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      validity_months INTEGER NOT NULL CHECK (validity_months BETWEEN 1 AND 120)
    ) STRICT;
    INSERT INTO consent_settings (id, validity_months) VALUES (1, 12);
  `,
};
