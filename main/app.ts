import { AuditLog } from './audit/audit-log';
import { BackupService } from './backup/backup-service';
import { ClientProfileService } from './clients/client-profile-service';
import { ClientService } from './clients/client-service';
import { MedicalHistoryService } from './medical-history/medical-history-service';
import { systemClock, type Clock } from './clock';
import type { ScryptParams } from './crypto/kdf';
import { SettingsService } from './settings/settings-service';
import { StaffService } from './staff/staff-service';
import { CourseService } from './treatments/course-service';
import { SessionService } from './treatments/session-service';
import type { SqliteDatabase } from './store/open-database';
import { Vault, openStoreDatabase } from './vault/vault';

export interface ServiceOptions {
  clock?: Clock;
  /** KDF cost for password slots made from now on (tests lower it; the default is production). */
  scrypt?: ScryptParams;
}

/** Everything SkinLedger does with an unlocked store. Built in one place, for every caller. */
export interface Services {
  readonly vault: Vault;
  readonly db: SqliteDatabase;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly staff: StaffService;
  readonly settings: SettingsService;
  readonly clients: ClientService;
  readonly profiles: ClientProfileService;
  readonly medicalHistory: MedicalHistoryService;
  readonly courses: CourseService;
  readonly sessions: SessionService;
  readonly backup: BackupService;
  /** True if this data key is the one the services were opened with. */
  holdsKey(dataKey: Buffer): boolean;
  close(): void;
}

/**
 * The composition root: the Electron shell, the CLI, the tests and the benchmarks all get their
 * services from here, from a data folder and an unlocked data key.
 */
export function openServices(dataDir: string, dataKey: Buffer, options: ServiceOptions = {}): Services {
  const vault = new Vault(dataDir, vaultOptions(options));
  const db = openStoreDatabase(vault, dataKey);
  return assembleServices(vault, db, dataKey, options.clock ?? systemClock);
}

export function vaultOptions(options: ServiceOptions) {
  return { clock: options.clock ?? systemClock, ...(options.scrypt ? { scrypt: options.scrypt } : {}) };
}

export function assembleServices(vault: Vault, db: SqliteDatabase, dataKey: Buffer, clock: Clock): Services {
  const key = Buffer.from(dataKey);
  // The vault anchors the audit head in the key file, so a cut-off trail is noticed.
  const audit = new AuditLog(db, clock, vault);
  const staff = new StaffService(db, vault, key, audit, clock);
  const settings = new SettingsService(db, audit);
  const clients = new ClientService(db, audit, clock);
  const medicalHistory = new MedicalHistoryService(db, audit, clock);
  const courses = new CourseService(db, audit, clock);
  const sessions = new SessionService(db, audit, clock, medicalHistory);
  const profiles = new ClientProfileService({ db, audit, clock, clients, medicalHistory, courses, sessions, staff });
  const backup = new BackupService({ db, vault, dataKey: key, audit, clock });
  let open = true;
  return {
    vault,
    db,
    clock,
    audit,
    staff,
    settings,
    clients,
    profiles,
    medicalHistory,
    courses,
    sessions,
    backup,
    holdsKey: (candidate) => candidate.length === key.length && candidate.equals(key),
    close() {
      if (!open) return;
      open = false;
      db.close();
      key.fill(0);
    },
  };
}
