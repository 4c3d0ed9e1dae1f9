import type { ErrorCode } from '../../shared/errors';

/**
 * A failure the clinic can act on: a code the screens and the CLI map to a message, and a
 * message that names what is wrong and what to do. Never carries a key, a password or a path.
 */
export class StoreError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterSeconds: number | undefined;
  /** Field-level messages keyed by dotted input path, for a refusal a form shows at its fields. */
  readonly fields: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, options?: { retryAfterSeconds?: number; cause?: unknown; fields?: Record<string, string> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreError';
    this.code = code;
    this.retryAfterSeconds = options?.retryAfterSeconds;
    this.fields = options?.fields;
  }
}

export const storeMessages = {
  notSetUp: 'This data folder has no SkinLedger store yet. Set up the clinic first.',
  alreadyExists: 'This data folder already holds a SkinLedger store. Nothing was changed. Choose an empty folder to set up a new clinic.',
  folderNotEmpty: "This folder already holds other files. Nothing was changed. Choose an empty folder (or a new one) for the clinic's records.",
  keyFileMissing:
    'The key file (keyslots.json) is missing from the data folder, so the records cannot be opened. Nothing was changed. Put the key file back from a backup, or restore the whole store from a backup with the recovery key.',
  keyFileDamaged: 'The key file (keyslots.json) is damaged, so the records cannot be opened. Nothing was changed. Restore the key file or the whole store from a backup with the recovery key.',
  keyFileAltered:
    'The key file (keyslots.json) was changed by something other than SkinLedger, so the records were not opened. Nothing was changed. Put the key file back from a backup, or restore the whole store from a backup with the recovery key.',
  databaseMissing: 'The records database is missing from the data folder. Nothing was changed. Restore it from a backup.',
  databaseUnreadable: "The records database cannot be read with this clinic's key: it is damaged or belongs to another store. Nothing was changed. Restore it from a backup.",
  databaseDamaged:
    'The records database is damaged: part of the file no longer reads back as SkinLedger wrote it. SkinLedger has stopped writing to it, so nothing more was changed. Restore the records from a backup.',
  databaseOldFormat:
    'The records database is in an older encryption format (SQLCipher 3) that this version of SkinLedger does not open. Nothing was changed. Restore the records from a backup made by this version of SkinLedger.',
  keyFileEmpty: 'The key file (keyslots.json) is empty (0 bytes), so the records cannot be opened. Nothing was changed. Restore the key file or the whole store from a backup with the recovery key.',
  newerVersion: 'This store was last opened by a newer version of SkinLedger. Nothing was changed. Install the newer version to open it.',
  readOnly:
    'SkinLedger cannot write to its data folder: it is read-only (its permissions were changed, or the drive is write-protected). Nothing was changed. Ask whoever looks after this computer to give SkinLedger write access to the folder again, then try again.',
  diskFull:
    'The disk is full, so this was not saved. Nothing was changed: the records are as they were before. Free some space on this computer (empty the recycle bin, move old files), then try again.',
  writeFailed:
    'The disk refused the write (it may be failing, or was removed), so this was not saved. Nothing was changed. Try again; if it keeps happening, restore the records on another computer from the latest backup.',
  openOrNotClosed:
    "SkinLedger has this store open, or it was not closed properly last time (the database's -wal file is still beside it). Nothing was changed. Close SkinLedger on this folder and run the command again; after a crash, open SkinLedger once and close it first.",
  inUse: 'SkinLedger is already open on this data folder (in another window or on another account). Close it there first.',
  wrongPassword: 'That name and password do not match. Check the spelling and Caps Lock, then try again.',
  wrongRecoveryKey: 'That recovery key does not open this store. Check each group of characters and try again.',
} as const;
