import { ClinicSettings, defaultSettings } from '../../shared/settings';
import type { AuditLog } from '../audit/audit-log';
import type { SqliteDatabase } from '../store/open-database';

type StoredSettings = Omit<ClinicSettings, 'logo'> & { logo: string | null };

/** The clinic's settings, one JSON row: small, read on every screen, changed rarely. */
export class SettingsService {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
  ) {}

  get(): ClinicSettings {
    const row = this.db.prepare(`SELECT value FROM setting WHERE key = 'clinic'`).get() as { value: string } | undefined;
    const stored: Partial<StoredSettings> = row ? (JSON.parse(row.value) as StoredSettings) : {};
    return ClinicSettings.parse({
      ...defaultSettings,
      clinicName: 'Clinic',
      clinicAddress: '',
      ...stored,
      logo: stored.logo ? new Uint8Array(Buffer.from(stored.logo, 'base64')) : null,
    });
  }

  /** `by` is null only for the set-up step, before anyone is signed in. */
  update(by: string | null, next: ClinicSettings): ClinicSettings {
    const before = this.db.prepare(`SELECT value FROM setting WHERE key = 'clinic'`).get() as { value: string } | undefined;
    const previous = before ? (JSON.parse(before.value) as Record<string, unknown>) : {};
    const stored: StoredSettings = { ...next, logo: next.logo ? Buffer.from(next.logo).toString('base64') : null };
    const changed = Object.keys(stored).filter((k) => JSON.stringify(previous[k]) !== JSON.stringify(stored[k as keyof StoredSettings]));
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO setting (key, value) VALUES ('clinic', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(stored));
      this.audit.append({ staffId: by, action: 'settings.update', entity: 'settings', entityId: 'clinic', detail: changed.join(', ') });
    })();
    return this.get();
  }
}
