import { StoreError, storeMessages } from './store-error';

/**
 * A write the disk refused, as the clinic should hear it. SQLite rolls the transaction back
 * before it reports any of these, so "nothing was changed" is true when the message says it.
 * Anything else is not a storage failure and stays unexpected (null).
 */
export function storageFailure(error: unknown): StoreError | null {
  const code = codeOf(error);
  if (!code) return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new StoreError('SAVE_FAILED', storeMessages.diskFull, { cause: error });
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return new StoreError('DATA_FOLDER_READ_ONLY', storeMessages.readOnly, { cause: error });
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return new StoreError('SAVE_FAILED', storeMessages.writeFailed, { cause: error });
  return null;
}

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}
