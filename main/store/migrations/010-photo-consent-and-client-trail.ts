import type { Migration } from './migration';

/**
 * Two things the record must show where it is read:
 *
 * - A photo an admin added without a photography consent (a clinic's older photos, say) keeps
 *   the override on its own row: the reason and who gave it.
 * - A client's audit trail includes what was done to their consents and photos, which are
 *   audited against the consent or photo, not the client. audit_client_link maps each such row
 *   to its client, filled by a trigger as the row is appended (so no caller can forget it) and
 *   here for the rows already written. A photo deleted before its row is appended is found by the
 *   "client=" its audit detail starts with. Ids only, like the trail itself.
 *
 * Numbered 011 for this change; it is step 8 on this branch (the lead renumbers on merge).
 */
export const photoConsentAndClientTrail: Migration = {
  version: 10,
  name: 'photos: consent override on the photo; audit rows of consents and photos linked to their client',
  sql: `
    ALTER TABLE photo ADD COLUMN consent_override_reason TEXT;
    ALTER TABLE photo ADD COLUMN consent_override_by TEXT REFERENCES staff (id);

    CREATE TABLE audit_client_link (
      client_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (client_id, seq)
    ) WITHOUT ROWID;

    CREATE TRIGGER audit_event_links_client AFTER INSERT ON audit_event
      WHEN NEW.entity IN ('photo', 'consent')
      BEGIN
        INSERT OR IGNORE INTO audit_client_link (client_id, seq)
        SELECT client_id, NEW.seq FROM (
          SELECT coalesce(
            CASE NEW.entity
              WHEN 'photo' THEN (SELECT client_id FROM photo WHERE id = NEW.entity_id)
              WHEN 'consent' THEN (SELECT client_id FROM consent WHERE id = NEW.entity_id)
            END,
            CASE WHEN NEW.detail LIKE 'client=%' THEN substr(NEW.detail, 8, instr(NEW.detail || ' ', ' ') - 8) END
          ) AS client_id
        ) WHERE client_id IS NOT NULL AND client_id <> '';
      END;

    INSERT OR IGNORE INTO audit_client_link (client_id, seq)
    SELECT client_id, seq FROM (
      SELECT e.seq, coalesce(
        CASE e.entity
          WHEN 'photo' THEN (SELECT client_id FROM photo WHERE id = e.entity_id)
          WHEN 'consent' THEN (SELECT client_id FROM consent WHERE id = e.entity_id)
        END,
        CASE WHEN e.detail LIKE 'client=%' THEN substr(e.detail, 8, instr(e.detail || ' ', ' ') - 8) END
      ) AS client_id
      FROM audit_event e WHERE e.entity IN ('photo', 'consent')
    ) WHERE client_id IS NOT NULL AND client_id <> '';
  `,
};
