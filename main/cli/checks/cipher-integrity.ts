import type { SqliteDatabase } from '../../store/open-database';
import type { CheckResult } from './check-result';
import { checkPageMacs } from './page-macs';

/**
 * The cipher's own check. SQLCipher has PRAGMA cipher_integrity_check; SQLite3MultipleCiphers
 * does not, and SQLite answers an unknown pragma with no rows, which would read as "no bad
 * pages". So the pragma's absence is detected (cipher_version is SQLCipher-only), and every
 * page's MAC is checked by reading the file itself.
 */
export function checkCipherIntegrity(db: SqliteDatabase, databasePath: string, dataKey: Buffer): CheckResult {
  const name = 'cipher integrity';
  const pragmaSupported = (db.pragma('cipher_version') as unknown[]).length > 0;
  // Pages still in the WAL are not in the file yet: move them there first. This connection
  // holds the store exclusively, so the checkpoint completes.
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const report = checkPageMacs(databasePath, dataKey, pageSize);
  const how = pragmaSupported
    ? `every page's HMAC was checked by reading all ${report.pages} pages`
    : `cipher_integrity_check is not supported by this cipher build; every page's HMAC was checked by reading all ${report.pages} pages`;
  const problems: string[] = [];
  if (report.badCount > 0) {
    const listed = report.badPages.join(', ') + (report.badCount > report.badPages.length ? ', …' : '');
    problems.push(`${report.badCount} page${report.badCount === 1 ? '' : 's'} failed the HMAC check: ${listed}`);
  }
  if (report.partialLastPage) problems.push('the file ends part-way through a page (truncated)');
  if (report.pages === 0) problems.push('the database file holds no pages');
  return { name, ok: problems.length === 0, detail: problems.length === 0 ? how : `${problems.join('; ')}; ${how}` };
}
