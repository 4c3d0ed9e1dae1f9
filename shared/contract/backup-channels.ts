import { z } from 'zod';
import { StaffName } from '../staff';
import { adminsOnly, everyone, type Access } from './access';

interface Spec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}
const channel = <I extends z.ZodType, O extends z.ZodType>(spec: Spec<I, O>) => spec;

const Empty = z.object({}).strict();

/** Backup files are always named by SkinLedger; a name from the window is a bare file name, never a path. */
export const backupFileExtension = '.slbackup';
export const BackupFileName = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*\.slbackup$/, 'Choose a backup from the list.');

export const RecordCounts = z.object({
  clients: z.number().int().min(0),
  sessions: z.number().int().min(0),
  consents: z.number().int().min(0),
  photos: z.number().int().min(0),
  audit: z.number().int().min(0),
});
export type RecordCounts = z.infer<typeof RecordCounts>;

/** How many backups rotation keeps: the newest of each of the last N days, weeks and months. */
export const BackupKeepPolicy = z.object({
  keepDaily: z.number().int().min(1, 'Keep at least 1 daily backup.').max(60),
  keepWeekly: z.number().int().min(0).max(104),
  keepMonthly: z.number().int().min(0).max(240),
});

export const BackupSettingsInput = BackupKeepPolicy.extend({
  /** The home screen warns when the last good backup is older than this. */
  warnAfterDays: z.number().int().min(1, 'At least 1 day.').max(60, 'At most 60 days.'),
}).strict();
export type BackupSettingsInput = z.infer<typeof BackupSettingsInput>;

/** The folder is set only through the folder dialog (backup.chooseFolder), never typed or sent by the window. */
export const BackupSettings = BackupSettingsInput.extend({ folder: z.string().nullable() });
export type BackupSettings = z.infer<typeof BackupSettings>;

export const backupDefaults: BackupSettings = { folder: null, keepDaily: 7, keepWeekly: 4, keepMonthly: 12, warnAfterDays: 2 };

/** A long job's progress, for a bar: bytes done of bytes to do, in the phase it is in. */
export const BackupProgress = z.object({
  activity: z.enum(['backup', 'restore', 'verify']),
  phase: z.enum(['snapshot', 'writing', 'checking', 'reading', 'restoring', 'proving']),
  done: z.number().min(0),
  total: z.number().min(0),
});
export type BackupProgress = z.infer<typeof BackupProgress>;

export const BackupStatus = z.object({
  /** False until an admin chooses a backup folder: scheduled backups do nothing until then. */
  configured: z.boolean(),
  lastSuccessAt: z.string().nullable(),
  /** The file name (no folder) of the last good backup. */
  lastSuccessFile: z.string().nullable(),
  lastError: z.object({ at: z.string(), message: z.string() }).nullable(),
  /** When the next scheduled backup is due; null while no folder is set. */
  nextDueAt: z.string().nullable(),
  /** What the home screen should say: nothing, or why the clinic's records are at risk. */
  warning: z.enum(['none', 'not-configured', 'never', 'overdue']),
  lastSuccessAgeDays: z.number().nullable(),
  warnAfterDays: z.number(),
  /** The backup running now, if any: poll backup.status while backup.runNow is pending. */
  running: BackupProgress.nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const BackupRunResult = z.object({
  file: z.string(),
  createdAt: z.string(),
  sizeBytes: z.number(),
  counts: RecordCounts,
  /** Every part read back and checked before the file got its final name. */
  verified: z.boolean(),
  removedOldBackups: z.number(),
});
export type BackupRunResult = z.infer<typeof BackupRunResult>;

export const BackupListEntry = z.object({
  file: z.string(),
  createdAt: z.string().nullable(),
  sizeBytes: z.number(),
  appVersion: z.string().nullable(),
  /** False for a backup of another clinic's store (a shared folder) or a file that is not a backup. */
  sameStore: z.boolean(),
  /** Read back and checked in full after writing, or by backup.verify since. */
  verified: z.boolean(),
  /** False when even the file's unencrypted description cannot be read. */
  readable: z.boolean(),
});
export type BackupListEntry = z.infer<typeof BackupListEntry>;

/** What opens a backup: the printed recovery key, or a staff password that was valid when it was made. */
export const RestoreKey = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('recovery'), recoveryKey: z.string().min(1, 'Enter the recovery key.').max(200) }).strict(),
  z.object({ kind: z.literal('password'), name: StaffName, password: z.string().min(1, 'Enter the password.').max(256) }).strict(),
]);
export type RestoreKey = z.infer<typeof RestoreKey>;

export const ChosenBackup = z.discriminatedUnion('chosen', [
  z.object({ chosen: z.literal(false) }),
  z.object({
    chosen: z.literal(true),
    file: z.string(),
    createdAt: z.string(),
    appVersion: z.string(),
    /** Whether it is a backup of the store open now; null when none is open (a fresh install). */
    sameStore: z.boolean().nullable(),
  }),
]);
export type ChosenBackup = z.infer<typeof ChosenBackup>;

export const RestoreResult = z.object({
  backupCreatedAt: z.string(),
  counts: RecordCounts,
  /** The name (not the path) of the folder the replaced store was moved to; null on a fresh install. */
  replacedFolderName: z.string().nullable(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

/** A store a restore moved aside, by its folder name (never a path). */
export const KeptAsideStoreName = z
  .string()
  .max(300)
  .regex(/^[^\\/]+\.replaced-[A-Za-z0-9-]+$/, 'Choose a kept-aside store from the list.');

export const KeptAsideStore = z.object({
  name: z.string(),
  /** When the restore moved it aside; null when its name was changed by hand. */
  movedAsideAt: z.string().nullable(),
  sizeBytes: z.number().min(0),
});
export type KeptAsideStore = z.infer<typeof KeptAsideStore>;

/**
 * Backups and restore. Status is for everyone signed in (the home screen warns
 * reception too); everything else is for admins. Restoring on a fresh install, or over a store
 * whose files are missing or damaged, happens before anyone can sign in, so choosing the file,
 * its progress and that restore are public; the handler refuses it while a usable store is
 * there, and the file opens only with the recovery key or a password from the backup. Paths never cross the bridge: folders and files
 * are picked through the desktop's own dialogs in the main process.
 */
export const backupChannels = {
  'backup.status': channel({ input: Empty, output: BackupStatus, access: everyone }),
  'backup.settings.get': channel({ input: Empty, output: BackupSettings, access: adminsOnly }),
  'backup.settings.update': channel({ input: BackupSettingsInput, output: BackupSettings, access: adminsOnly }),
  'backup.chooseFolder': channel({
    input: Empty,
    output: z.object({ chosen: z.boolean(), settings: BackupSettings }),
    access: adminsOnly,
  }),
  'backup.runNow': channel({ input: Empty, output: BackupRunResult, access: adminsOnly }),
  'backup.list': channel({ input: Empty, output: z.array(BackupListEntry), access: adminsOnly }),
  'backup.verify': channel({
    input: z.object({ file: BackupFileName }).strict(),
    output: z.object({ file: z.string(), createdAt: z.string(), counts: RecordCounts }),
    access: adminsOnly,
  }),

  'backup.restore.chooseFile': channel({ input: Empty, output: ChosenBackup, access: 'public' }),
  'backup.restore.pickListed': channel({ input: z.object({ file: BackupFileName }).strict(), output: ChosenBackup, access: adminsOnly }),
  'backup.restore.progress': channel({ input: Empty, output: BackupProgress.nullable(), access: 'public' }),
  'backup.restore.withoutSignIn': channel({ input: z.object({ key: RestoreKey }).strict(), output: RestoreResult, access: 'public' }),
  'backup.restore.replaceStore': channel({ input: z.object({ key: RestoreKey }).strict(), output: RestoreResult, access: adminsOnly }),
  // The stores earlier restores moved aside: whole copies of the records, purged clients' included.
  'backup.keptAside.list': channel({ input: Empty, output: z.array(KeptAsideStore), access: adminsOnly }),
  'backup.keptAside.delete': channel({ input: z.object({ name: KeptAsideStoreName }).strict(), output: z.array(KeptAsideStore), access: adminsOnly }),
} as const;
