import { StoreError, storeMessages } from './store-error';

/**
 * A write the disk refused, or a database file that no longer reads back, as the clinic should
 * hear it. SQLite rolls the transaction back before it reports any of these, so "nothing was
 * changed" is true when the message says it. Anything else is not a storage failure and stays
 * unexpected (null).
 */
export function storageFailure(error: unknown): StoreError | null {
  if (error instanceof StoreError) return error.code === 'DATABASE_DAMAGED' ? error : null;
  const damage = databaseDamage(error);
  if (damage) return damage;
  const code = codeOf(error);
  if (!code) return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new StoreError('SAVE_FAILED', storeMessages.diskFull, { cause: error });
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return new StoreError('DATA_FOLDER_READ_ONLY', storeMessages.readOnly, { cause: error });
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return new StoreError('SAVE_FAILED', storeMessages.writeFailed, { cause: error });
  return null;
}

/**
 * SQLITE_CORRUPT (a page that fails its HMAC or its structure) or SQLITE_NOTADB met after the
 * key was proven: the file is damaged, not merely in the way. Whoever meets it stops writing.
 */
export function databaseDamage(error: unknown): StoreError | null {
  if (error instanceof StoreError) return error.code === 'DATABASE_DAMAGED' ? error : null;
  const code = codeOf(error);
  if (code && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) {
    return new StoreError('DATABASE_DAMAGED', storeMessages.databaseDamaged, { cause: error });
  }
  return null;
}

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}
