import { GpLetterTemplate, defaultGpLetterTemplate } from '../../shared/copies/gp-letter';
import type { SharingChoice, SharingChoices, SharingKind } from '../../shared/copies/sharing-choices';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { ClientRowEraser } from '../retention/client-erasers';
import type { SqliteDatabase } from '../store/open-database';

interface ChoiceRow {
  agreed: number;
  recorded_at: string;
  recorded_by_name: string;
}

/** A purged client's sharing choices go with the rest of their record. */
export const eraseSharingChoices: ClientRowEraser = (db, clientId) => db.prepare('DELETE FROM client_sharing_choice WHERE client_id = ?').run(clientId);

/**
 * What the clinic needs for copies that leave it: the client's answer to "may we inform your
 * GP?" (with who recorded it and when), and the clinic's own GP letter wording.
 */
export class CopiesService {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  sharingChoices(clientId: string): SharingChoices {
    return { gpLetter: this.choice(clientId, 'gp-letter'), emailCopies: this.choice(clientId, 'email-copies') };
  }

  choice(clientId: string, kind: SharingKind): SharingChoice | null {
    const row = this.db
      .prepare(`SELECT c.agreed, c.recorded_at, s.name AS recorded_by_name FROM client_sharing_choice c JOIN staff s ON s.id = c.recorded_by WHERE c.client_id = ? AND c.kind = ?`)
      .get(clientId, kind) as ChoiceRow | undefined;
    return row ? { agreed: row.agreed === 1, recordedAt: row.recorded_at, recordedByName: row.recorded_by_name } : null;
  }

  /** Records the client's answer as given today; a later answer replaces it, and both are in the audit trail. */
  recordChoice(by: string, clientId: string, kind: SharingKind, agreed: boolean): SharingChoices {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO client_sharing_choice (client_id, kind, agreed, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (client_id, kind) DO UPDATE SET agreed = excluded.agreed, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
        )
        .run(clientId, kind, agreed ? 1 : 0, this.clock.now().toISOString(), by);
      this.audit.append({ staffId: by, action: 'client.sharing-choice', entity: 'client', entityId: clientId, detail: `${kind}=${agreed ? 'agreed' : 'not-agreed'}` });
    })();
    return this.sharingChoices(clientId);
  }

  gpLetterTemplate(): GpLetterTemplate {
    const row = this.db.prepare(`SELECT value FROM setting WHERE key = 'gpLetter'`).get() as { value: string } | undefined;
    return row ? GpLetterTemplate.parse(JSON.parse(row.value)) : defaultGpLetterTemplate;
  }

  updateGpLetterTemplate(by: string, template: GpLetterTemplate): GpLetterTemplate {
    const parsed = GpLetterTemplate.parse(template);
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO setting (key, value) VALUES ('gpLetter', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(parsed));
      this.audit.append({ staffId: by, action: 'settings.gp-letter', entity: 'settings', entityId: 'gpLetter', detail: '' });
    })();
    return parsed;
  }
}
