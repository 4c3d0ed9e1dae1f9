import { copyFileSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SkinLedgerRuntime } from '../../main/session/runtime';
import { snapshotFolder } from '../support/temp-folder';
import { useAppPerTest } from './support/app-test';
import { clinic, clinicScrypt, createClinic } from './support/clinic';
import { expectSignedIn, signIn } from './support/screens';
import { saveScreenshot } from './support/screenshots';

const harness = useAppPerTest();

/** A later day at the clinic, through the real runtime: the admin signs in, saves two clients, and the app closes. */
async function aLaterDay(dataDir: string, settingsDir?: string): Promise<void> {
  const runtime = new SkinLedgerRuntime({ dataDir, appVersion: 'test', scrypt: clinicScrypt, ...(settingsDir ? { settingsDir } : {}) });
  try {
    const admin = await runtime.login(clinic.admin.name, clinic.admin.password);
    for (const lastName of ['Later', 'Later Still']) runtime.current().services.clients.create(admin.id, { firstName: 'Saved', lastName }, { allowDuplicate: true });
  } finally {
    runtime.close();
  }
}

describe('records put back from an older copy', () => {
  it('signing in to a database older than its key file shows what is missing, offers a restore, and changes no file', async () => {
    const { dataDir, scratch } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const older = join(scratch, 'older.db');
    copyFileSync(join(dataDir, 'skinledger.db'), older);
    await aLaterDay(dataDir);
    copyFileSync(older, join(dataDir, 'skinledger.db'));
    const before = snapshotFolder(dataDir);

    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await page.getByRole('heading', { name: 'The clinic’s records cannot be opened' }).waitFor();
    await expect(page.getByTestId('store-error-message').textContent()).resolves.toMatch(/^Records written after \d{1,2} \w+ \d{4} at \d\d:\d\d are missing — restore from a backup\./);
    await page.getByRole('button', { name: 'Restore from a backup…' }).waitFor();
    await saveScreenshot(page, '14-store-error-records-missing');
    await app.close();
    expect(snapshotFolder(dataDir)).toEqual(before);
  });

  it('an admin signing in to a whole data folder put back from an older copy is told how many entries are gone and since when', async () => {
    const { dataDir, scratch } = harness.folders();
    const settingsDir = join(scratch, 'settings');
    await createClinic(dataDir, { keySlots: 'test' });
    const olderFolder = join(scratch, 'older-data');
    cpSync(dataDir, olderFolder, { recursive: true });
    await aLaterDay(dataDir, settingsDir);
    rmSync(dataDir, { recursive: true });
    cpSync(olderFolder, dataDir, { recursive: true });

    const app = await harness.launch({ dataDir, settingsDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    const notice = page.getByRole('alert').filter({ hasText: 'The data folder may have been put back from an older copy' });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toMatch(/\d+ audit trail entries written after \d{1,2} \w+ \d{4} at \d\d:\d\d \(up to .+\) are not in this store/);
    await saveScreenshot(page, '21-home-rollback-notice');
  });
});
