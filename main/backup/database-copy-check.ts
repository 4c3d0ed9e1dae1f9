import { countRecords, formatCounts, type RecordCounts } from '../store/record-counts';
import { openDatabase } from '../store/open-database';

export type CopyCheck = { ok: true; counts: RecordCounts } | { ok: false; problem: string };

/**
 * Opens a database copy from a backup with the data key, read-only, and checks it the way
 * `verify` does: the key opens it, SQLite's integrity check passes, and it holds the counts the
 * backup's list of contents promised.
 */
export function checkDatabaseCopy(path: string, dataKey: Buffer, expected: RecordCounts): CopyCheck {
  let db;
  try {
    db = openDatabase(path, dataKey, { readonly: true });
  } catch {
    return { ok: false, problem: 'it does not open with the key' };
  }
  try {
    db.pragma('temp_store = MEMORY');
    let rows: string[];
    try {
      rows = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    } catch {
      return { ok: false, problem: 'its integrity check could not finish' };
    }
    if (rows.length !== 1 || rows[0] !== 'ok') return { ok: false, problem: 'its integrity check failed' };
    const counts = countRecords(db);
    if (formatCounts(counts) !== formatCounts(expected)) {
      return { ok: false, problem: `it holds ${formatCounts(counts)}, the list says ${formatCounts(expected)}` };
    }
    return { ok: true, counts };
  } finally {
    db.close();
  }
}
