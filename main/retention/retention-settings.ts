import type { RetentionSettingsView } from '../../shared/contract/audit-channels';
import { RetentionSettings, retentionDefaults } from '../../shared/retention/retention-rules';
import type { AuditLog } from '../audit/audit-log';
import type { SqliteDatabase } from '../store/open-database';

/**
 * The retention period, one JSON row in the settings table. Until an admin saves it the UK
 * defaults apply (the app's default clinic) and the screens ask for it to be confirmed.
 */
export class RetentionSettingsStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
  ) {}

  get(): RetentionSettingsView {
    const stored = this.stored();
    return stored ? { ...stored, confirmed: true } : { ...retentionDefaults.UK, confirmed: false };
  }

  update(by: string, next: RetentionSettings): RetentionSettingsView {
    const previous: RetentionSettings = this.get();
    const changed = (Object.keys(next) as (keyof RetentionSettings)[]).filter((key) => previous[key] !== next[key]);
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO setting (key, value) VALUES ('retention', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(RetentionSettings.parse(next)));
      this.audit.append({ staffId: by, action: 'settings.update', entity: 'settings', entityId: 'retention', detail: changed.join(', ') });
    })();
    return this.get();
  }

  private stored(): RetentionSettings | null {
    const row = this.db.prepare(`SELECT value FROM setting WHERE key = 'retention'`).get() as { value: string } | undefined;
    if (!row) return null;
    const parsed = RetentionSettings.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  }
}
