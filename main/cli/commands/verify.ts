import { adminsOnly } from '../../../shared/contract';
import { checkAuditChain } from '../checks/audit-chain';
import { formatCheck, type CheckResult } from '../checks/check-result';
import { checkCipherIntegrity } from '../checks/cipher-integrity';
import { checkConsentHashes } from '../checks/consent-hashes';
import { checkKeyFile } from '../checks/key-file';
import { checkPhotoFiles } from '../checks/photo-files';
import { checkOrphanPhotoFiles } from '../checks/photo-orphans';
import { checkRecordContents } from '../checks/record-contents';
import { countRecords, formatCounts } from '../../store/record-counts';
import { checkSqliteIntegrity } from '../checks/sqlite-integrity';
import { databaseDamage } from '../../store/storage-failure';
import { CliFailure, requiredFlag, type CliCommand } from '../command';
import { signInReadOnly } from '../sign-in';
import { dataFlag, userFlag } from './flags';

/**
 * The store's health in one run: SQLite's structure, every page's MAC, the key file, the audit
 * chain, every photo file (decrypted and re-hashed), then the counts. Changes no file in the
 * data folder, ever (signInReadOnly): a check must not write to the store it suspects.
 */
export const verifyCommand: CliCommand = {
  words: ['verify'],
  summary:
    'Check the store’s integrity (SQLite, cipher, key file, audit chain, every clinical record against its latest audit entry, every signed consent’s PDF and form hash, every photo file) and print record counts. Admins only.',
  flags: [dataFlag, userFlag],
  async run(context) {
    const session = await signInReadOnly(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: adminsOnly,
      command: 'verify',
    });
    try {
      const { services } = session;
      const checks: CheckResult[] = [
        attempt('sqlite integrity', () => checkSqliteIntegrity(services.db)),
        attempt('cipher integrity', () => checkCipherIntegrity(services.db, session.databasePath, session.dataKey)),
        attempt('key file', () => checkKeyFile(services)),
        attempt('audit chain', () => checkAuditChain(services.audit)),
        attempt('record contents', () => checkRecordContents(services.audit)),
        attempt('consent PDFs and form hashes', () => checkConsentHashes(services.db)),
        attempt('photo files', () => checkPhotoFiles(services)),
        attempt('photo files without a record', () => checkOrphanPhotoFiles(services)),
      ];
      for (const check of checks) context.io.out(formatCheck(check));
      const failed = checks.filter((check) => !check.ok);
      if (failed.length > 0) {
        // Counts from a store that failed a check are not worth printing: the next step is a restore.
        throw new CliFailure(`Verification failed: ${failed.map((check) => check.name).join(', ')}. Restore the store from a backup.`);
      }
      context.io.out(formatCounts(countRecords(services.db)));
    } finally {
      session.close();
    }
  },
};

/** A check that meets a page that does not read back fails, and the other checks still run. */
function attempt(name: string, check: () => CheckResult): CheckResult {
  try {
    return check();
  } catch (error) {
    if (!databaseDamage(error)) throw error;
    return { name, ok: false, detail: 'a page of the database could not be read: the file is damaged' };
  }
}
