import { DiarySettings, diaryDefaults } from '../../shared/diary/diary-settings';
import type { AuditLog } from '../audit/audit-log';
import type { SqliteDatabase } from '../store/open-database';

/** Opening hours, days off, rooms and the diary's defaults: one JSON row in the settings table. */
export class DiarySettingsStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
  ) {}

  get(): DiarySettings {
    const row = this.db.prepare(`SELECT value FROM setting WHERE key = 'diary'`).get() as { value: string } | undefined;
    if (!row) return diaryDefaults;
    const parsed = DiarySettings.safeParse({ ...diaryDefaults, ...(JSON.parse(row.value) as object) });
    return parsed.success ? parsed.data : diaryDefaults;
  }

  update(by: string, next: DiarySettings): DiarySettings {
    const settings = DiarySettings.parse(next);
    const previous = this.get();
    const changed = (Object.keys(settings) as (keyof DiarySettings)[]).filter((key) => JSON.stringify(previous[key]) !== JSON.stringify(settings[key]));
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO setting (key, value) VALUES ('diary', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(settings));
      this.audit.append({ staffId: by, action: 'settings.update', entity: 'settings', entityId: 'diary', detail: changed.join(', ') });
    })();
    return this.get();
  }
}
