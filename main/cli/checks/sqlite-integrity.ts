import type { SqliteDatabase } from '../../store/open-database';
import type { CheckResult } from './check-result';

const shownProblems = 3;

/** SQLite's own full check: every table and index b-tree, page links, freelist, row counts. */
export function checkSqliteIntegrity(db: SqliteDatabase): CheckResult {
  const name = 'sqlite integrity';
  let problems: string[];
  try {
    problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
  } catch (error) {
    // A page that fails its MAC stops the check with an error instead of a row.
    return { name, ok: false, detail: `the check could not finish: ${sqliteReason(error)}` };
  }
  if (problems.length === 1 && problems[0] === 'ok') return { name, ok: true, detail: '' };
  const more = problems.length > shownProblems ? `; and ${problems.length - shownProblems} more` : '';
  return { name, ok: false, detail: problems.slice(0, shownProblems).join('; ') + more };
}

/** SQLite's error text names pages and tables, never data: fine to show. */
function sqliteReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = error instanceof Error ? error.message : 'unknown error';
  return code ? `${message} [${code}]` : message;
}
