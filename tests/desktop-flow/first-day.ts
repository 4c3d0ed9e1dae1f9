import type { Page } from 'playwright-core';
import { expectSignedIn, lockWithButton, signIn, unlock } from '../e2e/support/screens';

/**
 * A clinic's first day in five steps, written once and run twice: by the browser harness on every
 * CI run (tests/e2e/desktop-flow.test.ts) and by the packaged Electron app where a real desktop is
 * to be had (tests/electron/smoke.test.ts, in .github/workflows/desktop.yml). Each step waits for
 * what the next screen shows, never on a timer.
 */
export const smokeClinic = {
  name: 'Smoke Test Clinic',
  address: '1 Test Street',
  admin: { name: 'Robin Smoke', password: 'smoke test password 42' },
} as const;

export async function createClinicOnSetUp(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Set up your clinic' }).waitFor();
  await page.getByLabel('Clinic name').fill(smokeClinic.name);
  await page.getByLabel('Address').fill(smokeClinic.address);
  await page.getByLabel('Your name').fill(smokeClinic.admin.name);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(smokeClinic.admin.password);
  await page.getByLabel('Type the password again').fill(smokeClinic.admin.password);
  await page.getByRole('button', { name: 'Create the clinic' }).click();
  await page.getByRole('heading', { name: 'Your recovery key' }).waitFor();
}

/** The save dialog must already answer with a path (the harness's savePath, or a stubbed Electron dialog). */
export async function saveRecoveryKitAndContinue(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save Recovery Kit (PDF)…' }).click();
  await page.getByText('Recovery Kit saved').first().waitFor();
  await page.getByLabel('I have printed or written down the recovery key and stored it safely').check();
  await page.getByRole('button', { name: 'Continue to SkinLedger' }).click();
  await expectSignedIn(page);
}

export async function lockThenUnlock(page: Page): Promise<void> {
  await lockWithButton(page);
  await unlock(page, smokeClinic.admin.password);
  await expectSignedIn(page);
}

/** After a restart: the sign-in screen, and the same person gets in. */
export async function signInAfterRestart(page: Page): Promise<void> {
  await signIn(page, smokeClinic.admin.name, smokeClinic.admin.password);
  await expectSignedIn(page);
}
