import { adminsOnly } from '../../../shared/contract';
import { checkAuditChain } from '../checks/audit-chain';
import { formatCheck, type CheckResult } from '../checks/check-result';
import { checkCipherIntegrity } from '../checks/cipher-integrity';
import { checkConsentHashes } from '../checks/consent-hashes';
import { checkKeyFile } from '../checks/key-file';
import { checkPhotoFiles } from '../checks/photo-files';
import { checkRecordContents } from '../checks/record-contents';
import { countRecords, formatCounts } from '../checks/record-counts';
import { checkSqliteIntegrity } from '../checks/sqlite-integrity';
import { CliFailure, requiredFlag, type CliCommand } from '../command';
import { signIn } from '../sign-in';
import { dataFlag, userFlag } from './flags';

/**
 * The store's health in one run: SQLite's structure, every page's MAC, the key file, the audit
 * chain, every photo file (decrypted and re-hashed), then the counts. Later features add their
 * checks here (PDF hashes).
 */
export const verifyCommand: CliCommand = {
  words: ['verify'],
  summary: 'Check the store’s integrity (SQLite, cipher, key file, audit chain, every clinical record against its latest audit entry, every signed consent’s PDF and form hash, every photo file) and print record counts. Admins only.',
  flags: [dataFlag, userFlag],
  async run(context) {
    const session = await signIn(context.io, {
      dataDir: requiredFlag(context, 'data'),
      name: requiredFlag(context, 'user'),
      access: adminsOnly,
      command: 'verify',
    });
    try {
      const { services } = session;
      const checks: CheckResult[] = [
        checkSqliteIntegrity(services.db),
        checkCipherIntegrity(services.db, services.vault.folder.database, session.dataKey),
        checkKeyFile(services),
        checkAuditChain(services.audit),
        checkRecordContents(services.audit),
        checkConsentHashes(services.db),
        checkPhotoFiles(services),
      ];
      for (const check of checks) context.io.out(formatCheck(check));
      const failed = checks.filter((check) => !check.ok);
      if (failed.length > 0) {
        // Nothing more is written to a store that failed a check, and counts from it are not
        // worth printing: the next step is a restore.
        throw new CliFailure(`Verification failed: ${failed.map((check) => check.name).join(', ')}. Restore the store from a backup.`);
      }
      context.io.out(formatCounts(countRecords(services.db)));
      services.audit.append({ staffId: session.staff.id, action: 'cli.verify', entity: 'store', detail: 'result=ok' });
    } finally {
      session.close();
    }
  },
};
