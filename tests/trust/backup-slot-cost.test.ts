import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testDesktop } from '../support/desktop';
import { backupMessages } from '../../main/backup/backup-messages';
import { restoreIntoEmptyFolder } from '../../main/backup/restore-backup';
import { productionScryptLimits, scryptWithin } from '../../main/crypto/kdf';
import { fastScryptForTests } from '../support/fast-scrypt';
import { SkinLedgerRuntime } from '../../main/session/runtime';
import { adminName, adminPassword, createTestStore, TestClock } from '../support/store';
import { tempFolder } from '../support/temp-folder';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.reverse()) step();
  cleanup = [];
});

/**
 * A backup whose password slot is cheap to guess at (made at the test cost, 2^10, far below the
 * production 2^17), with a genuine header MAC: the app must treat its slots as it treats its own
 * key file's, and refuse them before any scrypt work.
 */
async function cheapSlotBackup() {
  const folder = tempFolder('skinledger-slot-cost-');
  cleanup.push(() => folder.remove());
  const store = await createTestStore(join(folder.path, 'source'));
  expect(scryptWithin(fastScryptForTests, productionScryptLimits)).toBe(false);
  store.services.clients.create(store.admin.id, { firstName: 'Cheap', lastName: 'Slot' });
  const backups = join(folder.path, 'backups');
  mkdirSync(backups);
  const backup = (await store.services.backup.backupToFile(store.admin.id, backups)).path;
  await store.services.photos.close();
  store.services.close();
  return { folder: folder.path, backup };
}

/** A fresh install as the shell builds it (production slot cost), with the restore desk attached. */
function freshApp(dataDir: string, options: { testCost?: boolean } = {}) {
  const clock = new TestClock();
  const runtime = new SkinLedgerRuntime({ dataDir, appVersion: 'trust', clock, ...(options.testCost ? { scrypt: fastScryptForTests } : {}) });
  cleanup.push(() => runtime.close());
  return { runtime, desk: testDesktop(runtime).backup };
}

describe('attack: a backup whose key slot claims a tiny KDF cost', () => {
  it("is refused by the app's restore with the right password, as altered, and nothing is written", async () => {
    const { folder, backup } = await cheapSlotBackup();
    const dataDir = join(folder, 'fresh');
    const { runtime, desk } = freshApp(dataDir);
    expect(runtime.status().state).toBe('needs-setup');
    await desk.pick(backup);
    await expect(desk.restoreWithoutSignIn({ kind: 'password', name: adminName, password: adminPassword })).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
      message: backupMessages.headerAltered,
    });
    expect(readdirSync(folder).sort()).toEqual(['backups', 'source']);
    expect(runtime.status().state).toBe('needs-setup');
  });

  it('is refused by the restore function itself unless the caller asks for the test range', async () => {
    const { folder, backup } = await cheapSlotBackup();
    const request = { archivePath: backup, unlock: { kind: 'password' as const, name: adminName, password: adminPassword }, clock: new TestClock(), via: 'app' as const };
    await expect(restoreIntoEmptyFolder(join(folder, 'fresh'), request)).rejects.toMatchObject({ code: 'BACKUP_DAMAGED', message: backupMessages.headerAltered });
    expect(readdirSync(folder).sort()).toEqual(['backups', 'source']);
  });

  it('opens in a test app built with the test cost (the only seam, never taken by the shell): the refusal is the cost, not the password', async () => {
    const { folder, backup } = await cheapSlotBackup();
    const dataDir = join(folder, 'fresh');
    const { runtime, desk } = freshApp(dataDir, { testCost: true });
    await desk.pick(backup);
    const restored = await desk.restoreWithoutSignIn({ kind: 'password', name: adminName, password: adminPassword });
    expect(restored.counts.clients).toBe(1);
    expect(runtime.status().state).toBe('signed-out');
  });
});
