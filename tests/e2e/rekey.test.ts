import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SkinLedgerRuntime } from '../../main/session/runtime';
import { Vault } from '../../main/vault/vault';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { expectSignedIn, openNav, signIn, signOut } from './support/screens';
import { saveScreenshot } from './support/screenshots';

const harness = useAppPerTest();

/** The clinic with a receptionist and one client, as an admin would have made them. */
async function clinicWithReception(dataDir: string): Promise<void> {
  await createClinic(dataDir);
  const runtime = new SkinLedgerRuntime({ dataDir, appVersion: 'test' });
  try {
    await runtime.login(clinic.admin.name, clinic.admin.password);
    const { services, staff } = runtime.current();
    await services.staff.add(staff.id, { name: clinic.reception.name, role: 'reception', password: clinic.reception.password });
    services.clients.create(staff.id, { firstName: 'Quillon', lastName: 'Ravensworth' });
  } finally {
    runtime.close();
  }
}

describe('changing the data key', () => {
  it('an admin changes the data key: sees the new recovery key, the one-time password and the fresh-backup prompt; the receptionist then chooses her own password', async () => {
    const { dataDir, scratch } = harness.folders();
    await clinicWithReception(dataDir);
    const kitPath = join(scratch, 'new-kit.pdf');
    const app = await harness.launch({ savePath: kitPath });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    await openNav(page, 'Settings');
    await page.getByRole('tab', { name: 'Staff' }).click();
    await page.getByRole('button', { name: 'Change the data key…' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'rekey-section');
    await page.getByRole('button', { name: 'Change the data key…' }).click();

    const dialog = page.getByRole('dialog', { name: 'Change the data key' });
    await dialog.getByText('Backups made before now still open with the OLD recovery key only.', { exact: false }).waitFor();
    await saveScreenshot(page, 'rekey-confirm');
    // A wrong password changes nothing and says so at the field.
    await dialog.getByLabel('Your password').fill('not my password at all');
    await dialog.getByRole('button', { name: 'Change the data key' }).click();
    await dialog.getByText('That is not your password.', { exact: false }).waitFor();

    await dialog.getByLabel('Your password').fill(clinic.admin.password);
    await dialog.getByRole('button', { name: 'Change the data key' }).click();
    const done = page.getByRole('dialog', { name: 'The data key has been changed' });
    await done.getByTestId('recovery-key').waitFor();
    const recoveryKey = (await done.getByTestId('recovery-key').textContent()) ?? '';
    const oneTime =
      (await done
        .getByRole('table', { name: 'One-time passwords' })
        .getByRole('row', { name: new RegExp(clinic.reception.name) })
        .getByRole('cell')
        .nth(1)
        .textContent()) ?? '';
    expect(oneTime).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
    await done.getByText('Backups made before the change open only with the OLD recovery key.', { exact: false }).waitFor();
    await done.getByText('Make a fresh backup now').waitFor();
    await saveScreenshot(page, 'rekey-done');
    await done.getByRole('button', { name: 'Go to Backups' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'rekey-done-backup-prompt');

    // The new Recovery Kit, saved as at set-up, carries the new key.
    await done.getByRole('button', { name: 'Save Recovery Kit (PDF)…' }).click();
    await done.getByRole('status').filter({ hasText: 'Recovery Kit saved' }).waitFor();
    expect(existsSync(kitPath) && readFileSync(kitPath).subarray(0, 5).toString()).toBe('%PDF-');

    // The new key opens the store and the old one no longer does (checked on the main side).
    const vault = new Vault(dataDir, { clock: { now: () => new Date() } });
    expect(() => vault.unlockWithRecoveryKey(recoveryKey)).not.toThrow();

    await done.getByLabel('I have recorded the new recovery key and the one-time passwords').check();
    await done.getByRole('button', { name: 'Go to Backups' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Backups' }).getAttribute('aria-selected')).toBe('true');
    expect(app.calls.map((call) => call.channel)).toEqual(expect.arrayContaining(['rekey.run', 'rekey.saveRecoveryKit', 'rekey.acknowledge']));

    // The receptionist signs in with the one-time password and must choose her own first.
    await signOut(page, clinic.admin.name);
    await signIn(page, clinic.reception.name, clinic.reception.password);
    await page.getByText('That name and password do not match.', { exact: false }).waitFor();
    await signIn(page, clinic.reception.name, oneTime);
    await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    await saveScreenshot(page, 'rekey-choose-own-password');
    await page.getByLabel('One-time password').fill(oneTime);
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('my own tulips 2027');
    await page.getByLabel('Type the password again').fill('my own tulips 2027');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectSignedIn(page);
    expect(app.faults).toEqual([]);
  });
});
