import { StoreError } from '../store/store-error';

/**
 * What the clinic is told when a backup or a restore cannot go on: what is wrong, that nothing
 * was changed (when that is so), and what to do next. No message carries a key, a password or a
 * path; several name the part of the file that failed, so a support call can say where.
 */
export const backupMessages = {
  notABackup: 'This file is not a SkinLedger backup. Nothing was changed. Choose a file whose name ends in .slbackup.',
  unsupportedVersion: 'This backup was written in a format this version of SkinLedger does not know. Nothing was changed. Install the newest SkinLedger and try again.',
  headerAltered: 'This backup file has been altered since it was written: its description no longer matches its key. Nothing was changed. Use another backup.',
  incomplete: 'This backup file is incomplete: it ends before its last part (the copy was cut short, or the drive was removed too early). Nothing was changed. Use another backup.',
  damagedPart: (part: number) => `This backup file is damaged: part ${part} does not read back as it was written (a disk or copy error). Nothing was changed. Use another backup.`,
  reorderedPart: (part: number, belongsAt: number) =>
    `This backup file is damaged: its parts are out of order (part ${belongsAt} was found in place of part ${part}). Nothing was changed. Use another backup.`,
  damagedMember: (member: string) => `This backup file is damaged: ${member} inside it does not read back as it was written (a disk or copy error). Nothing was changed. Use another backup.`,
  reorderedMember: (found: string, expected: string) =>
    `This backup file is damaged: its contents are out of order (${found} was found in place of ${expected}). Nothing was changed. Use another backup.`,
  damagedStructure: 'This backup file is damaged: the index of its contents does not read back as it was written (a disk or copy error). Nothing was changed. Use another backup.',
  trailingData: 'This backup file has extra data after its last part, so it is not the file SkinLedger wrote. Nothing was changed. Use another backup.',
  contentsMismatch: (what: string) => `This backup file does not match its own list of contents (${what}). Nothing was changed. Use another backup.`,
  plaintextDatabase: 'This backup holds an unencrypted database, which SkinLedger never writes. Nothing was changed. Use another backup.',
  wrongRecoveryKey: 'That recovery key does not open this backup. Check each group of characters. If it is right, the backup belongs to another clinic’s store.',
  wrongPassword: 'That name and password do not open this backup. Use a name and password that were valid when the backup was made, or the recovery key.',
  otherStore: 'This backup belongs to another clinic’s store, so it cannot be checked with this store’s key. Use its recovery key to restore it.',
  newerSchema: 'This backup was made by a newer version of SkinLedger. Nothing was changed. Install the newer version to restore it.',
  targetNotEmpty: 'That folder already holds files. Nothing was changed. Restore into an empty folder, or a new one.',
  storeExists: 'This PC already has a clinic store. To replace it with a backup, sign in as an admin and restore from Settings.',
  leftoverRestore: 'A folder from an earlier restore is in the way (its name ends in .restoring) and it was not made by SkinLedger. Nothing was changed. Move it elsewhere and try again.',
  restoredCopyFailed: (what: string) => `The restored copy did not prove sound (${what}). Nothing was replaced and the unfinished copy was removed. Use another backup.`,
  databaseUnsound: (what: string) => `The database inside this backup is not sound (${what}). Nothing was changed. Use another backup.`,
  backupMissing: 'That backup file can no longer be found (the drive may have been removed). Choose it again.',
  noFileChosen: 'Choose a backup file first.',
  folderNotSet: 'No backup folder is set. Choose one in Settings → Backups first.',
  folderUnavailable: 'The backup folder cannot be reached (a USB drive removed, or a network share offline) or SkinLedger may not write there. Connect it, or choose another folder.',
  insideDataFolder: 'Choose a place outside SkinLedger’s data folder, best on another drive: a backup must survive the loss of this one.',
  targetExists: 'A file with that name is already there. Nothing was overwritten. Choose a new name.',
  alreadyRunning: 'A backup or restore is already running. Wait for it to finish.',
  changedDuringBackup: 'A file in the data folder changed while it was being backed up. Nothing was saved; run the backup again.',
  writeFailed: 'The backup could not be written (the drive may be full, read-only or removed). Nothing was saved there; the previous backups are untouched.',
  stoppedUnexpectedly:
    'The backup stopped before it was finished (the part of SkinLedger that encrypts it stopped unexpectedly). Nothing was saved; the previous backups are untouched. Try again; if it keeps happening, restart SkinLedger.',
  snapshotFailed: 'SkinLedger could not take a consistent copy of the records to back up. Nothing was saved; try again in a moment.',
} as const;

export function damaged(message: string): StoreError {
  return new StoreError('BACKUP_DAMAGED', message);
}
