import { PhotoSettings, photoSettingsDefaults } from '../../shared/photos/photo-settings';
import type { AuditLog } from '../audit/audit-log';
import type { SqliteDatabase } from '../store/open-database';

/** The clinic's photo settings (the largest file it accepts), kept as one setting row. */
export class PhotoSettingsStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
  ) {}

  get(): PhotoSettings {
    const row = this.db.prepare(`SELECT value FROM setting WHERE key = 'photos'`).get() as { value: string } | undefined;
    if (!row) return photoSettingsDefaults;
    const parsed = PhotoSettings.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : photoSettingsDefaults;
  }

  update(by: string, input: PhotoSettings): PhotoSettings {
    const settings = PhotoSettings.parse(input);
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO setting (key, value) VALUES ('photos', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(settings));
      this.audit.append({ staffId: by, action: 'photo.settings.update', entity: 'setting', entityId: 'photos', detail: `maxFileSizeMb=${settings.maxFileSizeMb}` });
    })();
    return settings;
  }
}
