import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, isAbsolute } from 'node:path';
import { version as appVersion } from '../../package.json';
import type { BackupListEntry, BackupProgress, BackupRunResult, BackupSettings, BackupSettingsInput, BackupStatus } from '../../shared/contract/backup-channels';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import type { Vault } from '../vault/vault';
import { backupMessages } from './backup-messages';
import { freeBackupPath, listFolderBackups, removeInterruptedPartials, removeStalePartials } from './backup-folder';
import { removeLeftoverSnapshots } from './snapshot';
import { readBackupRecord, readBackupSettings, writeBackupRecord, writeBackupSettings, type BackupRecord } from './backup-records';
import { backupDue, countsAsActivity, describeBackupStatus, type BackupTrigger } from './backup-status';
import { writeBackup, type CreatedBackup } from './create-backup';
import { backupsToKeep } from './rotation';
import { verifyBackupFile, type VerifiedBackup } from './verify-backup';
import { backupNamePattern } from './archive-format';

export type BackupVia = 'app' | 'schedule' | 'cli';

export interface BackupServiceDeps {
  db: SqliteDatabase;
  vault: Vault;
  /** The services' own copy of the data key, wiped when they close. */
  dataKey: Buffer;
  audit: AuditLog;
  clock: Clock;
}

export type DueBackupResult = { ran: true; result: BackupRunResult } | { ran: false; reason: 'not-configured' | 'not-due' | 'running' };

const maxVerifiedRemembered = 200;

/**
 * Backups of the open store: to the clinic's chosen folder (now, or when due, with rotation) or
 * to one file (the CLI); their status for the home screen; the list of the folder; checks.
 * No timers live here: the app calls runDueBackups on close and from a daily timer.
 */
export class BackupService {
  private running: BackupProgress | null = null;
  private busy = false;

  /** Done once the leftovers of a backup interrupted last time are gone (see cleanUpInterrupted). */
  readonly cleanedUp: Promise<void>;

  constructor(private readonly deps: BackupServiceDeps) {
    this.cleanedUp = this.cleanUpInterrupted();
  }

  /**
   * A backup interrupted by Ctrl+C, a crash or a power cut leaves its `.partial` in the backup
   * folder (and an older version left a full-size snapshot in the data folder): both go when the
   * store is next opened, not at the next backup.
   */
  private async cleanUpInterrupted(): Promise<void> {
    try {
      removeLeftoverSnapshots(this.deps.vault.folder.root);
      const folder = this.settings().folder;
      if (folder) await removeInterruptedPartials(folder, this.deps.vault.storeId());
    } catch {
      // Only housekeeping: what stays is removed at the next start or backup.
    }
  }

  settings(): BackupSettings {
    return readBackupSettings(this.deps.db);
  }

  updateSettings(by: string, input: BackupSettingsInput): BackupSettings {
    const before = this.settings();
    const next: BackupSettings = { ...before, ...input };
    this.save(by, before, next);
    return next;
  }

  /**
   * Sets the backup folder, after proving SkinLedger can write there (a probe file, written and
   * removed: a network share can say "writable" and still refuse). A folder inside the data
   * folder is refused: a backup must survive the loss of the data folder's disk.
   */
  setFolder(by: string, folder: string): BackupSettings {
    const chosen = resolve(folder);
    this.refuseInsideDataFolder(chosen);
    assertWritableFolder(chosen);
    const before = this.settings();
    const next: BackupSettings = { ...before, folder: chosen };
    this.save(by, before, next);
    return next;
  }

  status(): BackupStatus {
    return describeBackupStatus(this.settings(), readBackupRecord(this.deps.db), this.deps.clock.now(), this.running);
  }

  /** The backup running now, for a progress bar. */
  progress(): BackupProgress | null {
    return this.running;
  }

  /** Backs up to the chosen folder now, then rotates the folder's older backups of this store. */
  async runNow(by: string | null, via: BackupVia = 'app'): Promise<BackupRunResult> {
    const folder = this.settings().folder;
    if (!folder) throw new StoreError('CONFLICT', backupMessages.folderNotSet);
    return this.exclusively(async () => {
      const now = this.deps.clock.now();
      try {
        assertWritableFolder(folder);
        const created = await writeBackup(this.source(), freeBackupPath(folder, now), this.track);
        const removed = await this.rotate(folder, created.file);
        this.recordSuccess(by, via, created, removed);
        return { file: created.file, createdAt: created.createdAt, sizeBytes: created.sizeBytes, counts: created.counts, verified: false, removedOldBackups: removed };
      } catch (error) {
        this.recordFailure(by, via, now, error);
        throw error;
      }
    });
  }

  /** Backs up to one named file (or a new name in a folder), as `skinledger backup --to` does. No rotation. */
  async backupToFile(by: string | null, target: string, onProgress?: (progress: BackupProgress) => void, via: BackupVia = 'cli'): Promise<CreatedBackup> {
    return this.exclusively(async () => {
      const now = this.deps.clock.now();
      const resolved = resolve(target);
      // Into a folder: a name no file there has yet (two backups in the same second get -2).
      const path = existsSync(resolved) && statSync(resolved).isDirectory() ? freeBackupPath(resolved, now) : resolved;
      this.refuseInsideDataFolder(path);
      try {
        const created = await writeBackup(this.source(), path, (progress) => {
          this.track(progress);
          onProgress?.(progress);
        });
        this.recordSuccess(by, via, created, 0);
        return created;
      } catch (error) {
        this.recordFailure(by, via, now, error);
        throw error;
      }
    });
  }

  /**
   * For the app's shell, on close and from a daily timer: backs up when due (see backupDue), and
   * does nothing while no folder is set. A failure is recorded for the home screen and returned
   * by the thrown error; the shell logs it and carries on.
   */
  async runDueBackups(now: Date, trigger: BackupTrigger): Promise<DueBackupResult> {
    const settings = this.settings();
    if (!settings.folder) return { ran: false, reason: 'not-configured' };
    if (this.busy) return { ran: false, reason: 'running' };
    const record = readBackupRecord(this.deps.db);
    if (!backupDue(record, now, trigger, this.activitySince(record))) return { ran: false, reason: 'not-due' };
    return { ran: true, result: await this.runNow(null, 'schedule') };
  }

  /** The backups in the chosen folder, newest first, described from their headers. */
  async list(): Promise<BackupListEntry[]> {
    const folder = this.settings().folder;
    if (!folder) return [];
    if (!existsSync(folder)) throw new StoreError('SAVE_FAILED', backupMessages.folderUnavailable);
    const verified = new Set(readBackupRecord(this.deps.db).verifiedFiles);
    const storeId = this.deps.vault.storeId();
    return (await listFolderBackups(folder)).map((backup) => ({
      file: backup.file,
      createdAt: backup.createdAt?.toISOString() ?? null,
      sizeBytes: backup.sizeBytes,
      appVersion: backup.appVersion,
      sameStore: backup.storeId === storeId,
      verified: verified.has(backup.file),
      readable: backup.readable,
    }));
  }

  /** The path of a backup in the chosen folder, from its bare name; NOT_FOUND for anything else. */
  listedBackupPath(file: string): string {
    const folder = this.settings().folder;
    if (!folder || basename(file) !== file) throw new StoreError('NOT_FOUND', backupMessages.backupMissing);
    const path = join(folder, file);
    if (!existsSync(path)) throw new StoreError('NOT_FOUND', backupMessages.backupMissing);
    return path;
  }

  /** Reads a backup in the folder through and checks everything, with this store's own key. */
  async verifyListed(by: string, file: string): Promise<VerifiedBackup> {
    const path = this.listedBackupPath(file);
    return this.exclusively(async () => {
      const verified = await verifyBackupFile(path, this.ownKey(), this.track);
      const record = readBackupRecord(this.deps.db);
      writeBackupRecord(this.deps.db, { ...record, verifiedFiles: remember(record.verifiedFiles, file) });
      this.deps.audit.append({ staffId: by, action: 'backup.verify', entity: 'backup', detail: `file=${auditedName(file)} result=ok` });
      return verified;
    });
  }

  /** Unlocks backups of this store without asking anyone: the store's own key. */
  ownKey() {
    return { kind: 'data-key' as const, dataKey: this.deps.dataKey, storeId: this.deps.vault.storeId() };
  }

  /** A backup inside the data folder would be lost with it, and copied into every later backup. */
  private refuseInsideDataFolder(path: string): void {
    const inside = relative(this.deps.vault.folder.root, path);
    if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) throw new StoreError('SAVE_FAILED', backupMessages.insideDataFolder);
  }

  private readonly track = (progress: BackupProgress) => {
    this.running = progress;
  };

  private async exclusively<T>(job: () => Promise<T>): Promise<T> {
    if (this.busy) throw new StoreError('CONFLICT', backupMessages.alreadyRunning);
    this.busy = true;
    try {
      return await job();
    } finally {
      this.busy = false;
      this.running = null;
    }
  }

  private source() {
    return { ...this.deps, appVersion };
  }

  /** Removes this store's scheduled backups that rotation no longer keeps; never the one just written. */
  private async rotate(folder: string, justWritten: string): Promise<number> {
    const storeId = this.deps.vault.storeId();
    await removeStalePartials(folder, storeId, this.deps.clock.now());
    const ours = (await listFolderBackups(folder)).filter((backup) => backup.readable && backup.scheduledName && backup.storeId === storeId && backup.createdAt);
    const keep = backupsToKeep(
      ours.map((backup) => ({ file: backup.file, createdAt: backup.createdAt! })),
      this.settings(),
      justWritten,
    );
    let removed = 0;
    for (const backup of ours) {
      if (keep.has(backup.file)) continue;
      try {
        unlinkSync(backup.path);
        removed++;
      } catch {
        // Still there: kept one more round, which is the safe way to fail.
      }
    }
    return removed;
  }

  private activitySince(record: BackupRecord): boolean {
    const since = record.lastSuccessAuditSeq ?? 0;
    const actions = this.deps.db.prepare('SELECT DISTINCT action FROM audit_event WHERE seq > ?').pluck().all(since) as string[];
    return actions.some(countsAsActivity);
  }

  private recordSuccess(by: string | null, via: BackupVia, created: CreatedBackup, removed: number): void {
    const row = this.deps.audit.append({
      staffId: by,
      action: 'backup.create',
      entity: 'backup',
      detail: `via=${via} file=${auditedName(created.file)} bytes=${created.sizeBytes} removed=${removed}`,
    });
    const record = readBackupRecord(this.deps.db);
    writeBackupRecord(this.deps.db, {
      ...record,
      lastSuccessAt: created.createdAt,
      lastSuccessFile: created.file,
      lastSuccessAuditSeq: row.seq,
      lastAttemptAt: created.createdAt,
    });
  }

  private recordFailure(by: string | null, via: BackupVia, at: Date, error: unknown): void {
    const message = error instanceof StoreError ? error.message : backupMessages.writeFailed;
    const code = error instanceof StoreError ? error.code : 'INTERNAL';
    try {
      this.deps.audit.append({ staffId: by, action: 'backup.failed', entity: 'backup', detail: `via=${via} code=${code}` });
      writeBackupRecord(this.deps.db, { ...readBackupRecord(this.deps.db), lastAttemptAt: at.toISOString(), lastError: { at: at.toISOString(), message } });
    } catch {
      // The store itself may be the trouble (closed, disk full): the caller still gets the first error.
    }
  }

  private save(by: string, before: BackupSettings, next: BackupSettings): void {
    const changed = (Object.keys(next) as (keyof BackupSettings)[]).filter((key) => before[key] !== next[key]);
    this.deps.db.transaction(() => {
      writeBackupSettings(this.deps.db, next);
      // Field names only: the folder's path can name a person.
      this.deps.audit.append({ staffId: by, action: 'settings.update', entity: 'settings', entityId: 'backup', detail: changed.join(', ') });
    })();
  }
}

/** SkinLedger's own dated names go in the trail; a name typed by hand might name a client, so it does not. */
function auditedName(file: string): string {
  return backupNamePattern.test(file) ? file : '(named by hand)';
}

function remember(files: readonly string[], file: string): string[] {
  return [...files.filter((name) => name !== file), file].slice(-maxVerifiedRemembered);
}

function assertWritableFolder(folder: string): void {
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    const probe = join(folder, `.skinledger-write-test-${randomUUID()}`);
    writeFileSync(probe, '', { flag: 'wx' });
    rmSync(probe, { force: true });
  } catch (error) {
    throw new StoreError('SAVE_FAILED', backupMessages.folderUnavailable, { cause: error });
  }
}
