import { describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { clinic } from './support/clinic';
import { expectSignedIn } from './support/screens';

const harness = useAppPerTest();

describe('first-run set-up', () => {
  it('explains what is missing next to each field, and sends nothing until the form is right', async () => {
    const app = await harness.launch();
    const { page } = app;
    await page.getByRole('heading', { name: 'Set up your clinic' }).waitFor();

    await page.getByRole('button', { name: 'Create the clinic' }).click();
    await expect(page.getByText('Please fill this in.').count()).resolves.toBeGreaterThanOrEqual(2);
    await page.getByText('Use at least 10 characters.').waitFor();

    await page.getByLabel('Clinic name').fill(clinic.name);
    await page.getByLabel('Your name').fill(clinic.admin.name);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(clinic.admin.password);
    await page.getByLabel('Type the password again').fill(`${clinic.admin.password}!`);
    await page.getByRole('button', { name: 'Create the clinic' }).click();
    await page.getByText('The two passwords are not the same.').waitFor();
    expect(await page.getByText('Please fill this in.').count()).toBe(0);
    // The messages are tied to their fields for screen readers.
    await expect(page.getByLabel('Type the password again').getAttribute('aria-invalid')).resolves.toBe('true');
    await checkAccessibility(page, 'set-up with errors');
    expect(app.calls.filter((call) => call.channel === 'setup.create')).toEqual([]);
  });

  it('keeps the recovery screen after a reload (without the key, which is shown only once) and handles a cancelled save', async () => {
    const app = await harness.launch({ savePath: null });
    const { page } = app;
    await page.getByLabel('Clinic name').fill(clinic.name);
    await page.getByLabel('Your name').fill(clinic.admin.name);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(clinic.admin.password);
    await page.getByLabel('Type the password again').fill(clinic.admin.password);
    await page.getByRole('button', { name: 'Create the clinic' }).click();
    await page.getByTestId('recovery-key').waitFor();

    // The clinic cancels the save dialog: no error, no "saved".
    await page.getByRole('button', { name: 'Save Recovery Kit (PDF)…' }).click();
    await expect.poll(() => app.saveRequests.length).toBe(1);
    expect(app.saveRequests[0]).toMatchObject({ defaultName: expect.stringMatching(/\.pdf$/) });
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByText('Recovery Kit saved').count()).toBe(0);

    // A reload (or a crash of the window) does not skip the acknowledgement, and the key is not shown again.
    await page.reload();
    await page.getByRole('heading', { name: 'Your recovery key' }).waitFor();
    expect(await page.getByTestId('recovery-key').count()).toBe(0);
    await page.getByText('The key is no longer on screen').waitFor();
    await page.getByLabel('I have printed or written down the recovery key and stored it safely').check();
    await page.getByRole('button', { name: 'Continue to SkinLedger' }).click();
    await expectSignedIn(page);
    expect(app.faults).toEqual([]);
  });
});
