import type { BackupProgress, BackupSettings, BackupStatus } from '../../shared/contract/backup-channels';
import type { AuditAction } from '../../shared/audit/audit-actions';
import type { BackupRecord } from './backup-records';

const day = 24 * 60 * 60 * 1000;
/** Scheduled backups run at most daily; after a failure the timer tries again after an hour. */
export const backupInterval = day;
export const retryAfterFailure = 60 * 60 * 1000;

/** What the home screen shows: when the last good backup was, what went wrong last, and whether to worry. */
export function describeBackupStatus(settings: BackupSettings, record: BackupRecord, now: Date, running: BackupProgress | null): BackupStatus {
  const configured = settings.folder !== null;
  const lastSuccess = record.lastSuccessAt ? new Date(record.lastSuccessAt) : null;
  const age = lastSuccess ? now.getTime() - lastSuccess.getTime() : null;
  let warning: BackupStatus['warning'] = 'none';
  if (age === null) warning = configured ? 'never' : 'not-configured';
  else if (age > settings.warnAfterDays * day) warning = 'overdue';
  else if (!configured) warning = 'not-configured';
  // Only an error newer than the last success is still news.
  const lastError = record.lastError && (!lastSuccess || new Date(record.lastError.at) > lastSuccess) ? record.lastError : null;
  return {
    configured,
    lastSuccessAt: record.lastSuccessAt,
    lastSuccessFile: record.lastSuccessFile,
    lastError,
    nextDueAt: configured ? new Date(lastSuccess ? lastSuccess.getTime() + backupInterval : now.getTime()).toISOString() : null,
    warning,
    lastSuccessAgeDays: age === null ? null : Math.floor(Math.max(0, age) / day),
    warnAfterDays: settings.warnAfterDays,
    running,
  };
}

export type BackupTrigger = 'daily' | 'close';

/**
 * Whether a scheduled backup is due. Daily: a day after the last good one (an hour after a failed
 * try, so an unplugged USB drive is not hammered). On close: also whenever the clinic did anything
 * since the last backup, so the day's work leaves the PC with the clinic's last click.
 */
export function backupDue(record: BackupRecord, now: Date, trigger: BackupTrigger, activitySinceLastBackup: boolean): boolean {
  const lastSuccess = record.lastSuccessAt ? new Date(record.lastSuccessAt).getTime() : null;
  const lastAttempt = record.lastAttemptAt ? new Date(record.lastAttemptAt).getTime() : null;
  if (trigger === 'close') return lastSuccess === null || activitySinceLastBackup || now.getTime() - lastSuccess >= backupInterval;
  if (lastAttempt !== null && (lastSuccess === null || lastAttempt > lastSuccess) && now.getTime() - lastAttempt < retryAfterFailure) return false;
  return lastSuccess === null || now.getTime() - lastSuccess >= backupInterval;
}

/**
 * Audit actions that are not the clinic's work: signing in and out, locking, backups themselves,
 * confirming the recovery key. Listed one by one: a treatment session's actions share the
 * `session.` prefix with signing in, and a recorded session is exactly what needs a backup.
 */
const housekeepingActions: ReadonlySet<string> = new Set<AuditAction>([
  'session.sign-in',
  'session.sign-in-failed',
  'session.sign-out',
  'session.switch-user',
  'session.lock',
  'session.unlock',
  'backup.create',
  'backup.failed',
  'backup.verify',
  'backup.restore',
  'backup.kept-aside.delete',
  'recovery-key.acknowledge',
]);

/** Whether an audited action is the clinic's work, which a backup on close should carry off the PC. */
export function countsAsActivity(action: string): boolean {
  return !housekeepingActions.has(action);
}
