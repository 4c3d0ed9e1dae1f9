import { z } from 'zod';
import { BackupSettings, backupDefaults } from '../../shared/contract/backup-channels';
import type { SqliteDatabase } from '../store/open-database';

/** What the app remembers about its backups, next to the clinic settings in the setting table. */
export const BackupRecord = z.object({
  lastSuccessAt: z.string().nullable(),
  lastSuccessFile: z.string().nullable(),
  /** The audit row of the last good backup: activity after it means a backup is due on close. */
  lastSuccessAuditSeq: z.number().int().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.object({ at: z.string(), message: z.string() }).nullable(),
  /** Backups in the folder read back and checked in full (after writing, or since). */
  verifiedFiles: z.array(z.string()),
});
export type BackupRecord = z.infer<typeof BackupRecord>;

const emptyRecord: BackupRecord = {
  lastSuccessAt: null,
  lastSuccessFile: null,
  lastSuccessAuditSeq: null,
  lastAttemptAt: null,
  lastError: null,
  verifiedFiles: [],
};

const settingsKey = 'backup';
const recordKey = 'backup.status';

function readJson(db: SqliteDatabase, key: string): Record<string, unknown> {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return {};
  try {
    const value: unknown = JSON.parse(row.value);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function writeJson(db: SqliteDatabase, key: string, value: unknown): void {
  db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

export function readBackupSettings(db: SqliteDatabase): BackupSettings {
  const stored = readJson(db, settingsKey);
  const parsed = BackupSettings.safeParse({ ...backupDefaults, ...stored });
  return parsed.success ? parsed.data : backupDefaults;
}

export function writeBackupSettings(db: SqliteDatabase, settings: BackupSettings): void {
  writeJson(db, settingsKey, settings);
}

export function readBackupRecord(db: SqliteDatabase): BackupRecord {
  const parsed = BackupRecord.safeParse({ ...emptyRecord, ...readJson(db, recordKey) });
  return parsed.success ? parsed.data : emptyRecord;
}

export function writeBackupRecord(db: SqliteDatabase, record: BackupRecord): void {
  writeJson(db, recordKey, record);
}
