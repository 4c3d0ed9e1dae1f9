import { expect } from 'vitest';
import { openServices, type Services } from '../../../main/app';
import { checkAuditChain } from '../../../main/cli/checks/audit-chain';
import type { CheckResult } from '../../../main/cli/checks/check-result';
import { checkCipherIntegrity } from '../../../main/cli/checks/cipher-integrity';
import { checkKeyFile } from '../../../main/cli/checks/key-file';
import { checkPhotoFiles } from '../../../main/cli/checks/photo-files';
import { checkOrphanPhotoFiles } from '../../../main/cli/checks/photo-orphans';
import { checkSqliteIntegrity } from '../../../main/cli/checks/sqlite-integrity';
import { TestClock } from '../../support/store';

/**
 * What `verify` checks, on the store as the next start opens it (which finishes what a kill cut
 * off and runs any migration still due), then `look` at what must have survived.
 */
export async function verifyAfterKill(dataDir: string, dataKey: Buffer, context: string, look: (services: Services) => void | Promise<void>): Promise<void> {
  const services = openServices(dataDir, dataKey, { clock: new TestClock() });
  try {
    const checks: CheckResult[] = [
      checkSqliteIntegrity(services.db),
      checkCipherIntegrity(services.db, services.vault.folder.database, dataKey),
      checkKeyFile(services),
      checkAuditChain(services.audit),
      checkPhotoFiles(services),
      checkOrphanPhotoFiles(services),
    ];
    for (const check of checks) expect(check, `${context}: ${check.name}`).toMatchObject({ ok: true });
    await look(services);
  } finally {
    await services.photos.close();
    services.close();
  }
}
