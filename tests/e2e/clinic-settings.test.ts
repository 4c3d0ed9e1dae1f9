import { describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { drawLogoPng } from './support/logo';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, invokeFromPage, lockWithButton, openNav, signIn, unlock } from './support/screens';

const harness = useAppPerTest();

describe('clinic settings and passwords, as the admin', () => {
  it('saves phone, logo (checked, previewed, removable), paper size, date format and idle minutes', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    await page.getByRole('button', { name: 'Edit clinic details' }).click();
    await page.getByRole('tab', { name: 'Clinic', selected: true }).waitFor();
    // Every part of Settings is one click away, none pushed onto a second row.
    expect(await page.getByRole('tab').count()).toBe(12);
    await saveScreenshot(page, '07-settings-clinic');

    await page.getByLabel('Phone number').fill('01326 555 014');
    const fileInput = page.locator('input[type="file"]');

    // Not an image: refused with a message, nothing kept.
    await fileInput.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('this is a text file') });
    await page.getByText('That file is not a PNG or JPEG image').waitFor();
    // Too large: refused.
    const huge = Buffer.alloc(600 * 1024);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(huge);
    await fileInput.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: huge });
    await page.getByText(/That image is larger than 512/).waitFor();
    expect(await page.getByRole('img', { name: 'Clinic logo preview' }).count()).toBe(0);

    // A real PNG: previewed.
    const logo = await drawLogoPng(page);
    await fileInput.setInputFiles({ name: 'harbour.png', mimeType: 'image/png', buffer: logo });
    await page.getByRole('img', { name: 'Clinic logo preview' }).waitFor();
    expect(await page.getByText('That file is not a PNG').count()).toBe(0);

    await page.getByRole('radio', { name: 'US Letter' }).check();
    await page.getByRole('radio', { name: /year-month-day/ }).check();
    await page.getByRole('textbox', { name: 'Lock after' }).fill('10');
    await checkAccessibility(page, 'clinic settings with logo');
    await page.getByRole('button', { name: 'Save clinic settings' }).click();
    await page.getByText('Clinic settings saved').waitFor();
    await page.getByRole('button', { name: 'Close message' }).click();
    // Scrolled so the clinic details card, logo included, sits just under the header.
    await page.evaluate('window.scrollTo(0, 0)');
    const top = await page.getByRole('region', { name: 'Clinic details' }).evaluate((section: { getBoundingClientRect(): { top: number } }) => section.getBoundingClientRect().top);
    await page.evaluate(`window.scrollTo(0, ${top - 84})`);
    await saveScreenshot(page, '12-settings-clinic-logo');

    // The bytes went through the bridge intact and everything else was stored.
    const stored = (await page.evaluate(`window.skinledger.invoke('settings.get', {}).then((r) => ({
      ...r.value, logo: r.value.logo instanceof Uint8Array ? Array.from(r.value.logo) : r.value.logo }))`)) as Record<string, unknown>;
    expect(stored).toMatchObject({ clinicPhone: '01326 555 014', paperSize: 'LETTER', dateFormat: 'YYYY-MM-DD', idleLockMinutes: 10 });
    expect(Buffer.from(stored.logo as number[]).equals(logo)).toBe(true);

    // The rest of the app follows: idle minutes on Home, the date format in the staff table.
    await openNav(page, 'Home');
    await page.getByText('locks itself after 10 minutes without use').waitFor();
    await openNav(page, 'Settings');
    await page.getByRole('tab', { name: 'Staff' }).click();
    await page
      .getByRole('row', { name: new RegExp(clinic.admin.name) })
      .getByText(/^\d{4}-\d{2}-\d{2}$/)
      .first()
      .waitFor();

    // Remove the logo again.
    await page.getByRole('tab', { name: 'Clinic' }).click();
    await page.getByRole('button', { name: 'Remove logo' }).click();
    await page.getByRole('button', { name: 'Save clinic settings' }).click();
    await page.getByText('Clinic settings saved').first().waitFor();
    const afterRemove = await invokeFromPage(page, 'settings.get');
    expect((afterRemove.value as { logo: unknown }).logo).toBeNull();
    expect(app.faults).toEqual([]);
  });

  it('keeps the last admin, deactivates and resets staff, and changes my own password', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    await openNav(page, 'Settings');
    await page.getByRole('tab', { name: 'Staff' }).click();

    // The only admin cannot make themselves reception: the main side's reason is shown.
    await page.getByRole('button', { name: `Edit ${clinic.admin.name}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${clinic.admin.name}` });
    expect(await edit.getByRole('switch', { name: 'Can sign in' }).isDisabled()).toBe(true);
    await edit.getByRole('radio', { name: 'Reception' }).check();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit
      .getByRole('alert')
      .getByText(/at least one active admin/)
      .waitFor();
    await checkAccessibility(page, 'edit staff dialog with error');
    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'detached' });

    // Add a practitioner with mismatching passwords first: caught before anything is sent.
    await page.getByRole('button', { name: 'Add staff' }).click();
    const add = page.getByRole('dialog', { name: 'Add a member of staff' });
    await add.getByLabel('Name').fill('Priya Shah');
    await add.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
    await add.getByLabel('Type the password again').fill('different');
    await add.getByRole('button', { name: 'Add staff member' }).click();
    await add.getByText('Use at least 10 characters.').waitFor();
    await add.getByText('The two passwords are not the same.').waitFor();
    expect(app.calls.some((call) => call.channel === 'staff.add')).toBe(false);
    await add.getByRole('textbox', { name: 'Password', exact: true }).fill('needles and serums 3');
    await add.getByLabel('Type the password again').fill('needles and serums 3');
    await add.getByRole('button', { name: 'Add staff member' }).click();
    await add.waitFor({ state: 'detached' });
    const priya = page.getByRole('row', { name: /Priya Shah/ });
    await priya.getByText('Practitioner').waitFor();

    // Deactivate, then reset her password (a fresh key slot), then reactivate.
    await page.getByRole('button', { name: 'Edit Priya Shah' }).click();
    await page.getByRole('dialog', { name: 'Edit Priya Shah' }).getByRole('switch', { name: 'Can sign in' }).uncheck();
    await page.getByRole('dialog', { name: 'Edit Priya Shah' }).getByRole('button', { name: 'Save changes' }).click();
    await priya.getByText('Deactivated').waitFor();
    await page.getByRole('button', { name: 'Reset password for Priya Shah' }).click();
    const reset = page.getByRole('dialog', { name: 'New password for Priya Shah' });
    await reset.getByRole('textbox', { name: 'New password', exact: true }).fill('fresh start serum 4');
    await reset.getByLabel('Type the password again').fill('fresh start serum 4');
    await reset.getByRole('button', { name: 'Set new password' }).click();
    await reset.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Edit Priya Shah' }).click();
    await page.getByRole('dialog', { name: 'Edit Priya Shah' }).getByRole('switch', { name: 'Can sign in' }).check();
    await page.getByRole('dialog', { name: 'Edit Priya Shah' }).getByRole('button', { name: 'Save changes' }).click();
    await priya.getByText('Active', { exact: true }).waitFor();

    // Change my own password: the wrong current one is pointed out; the new one unlocks.
    await page.getByRole('tab', { name: 'My password' }).click();
    const mine = page.getByRole('form', { name: 'My password' });
    await mine.getByRole('textbox', { name: 'Current password' }).fill('not the current one');
    await mine.getByRole('textbox', { name: 'New password', exact: true }).fill('new tide at noon 88');
    await mine.getByLabel('Type the password again').fill('new tide at noon 88');
    await mine.getByRole('button', { name: 'Change password' }).click();
    await mine.getByText('Your current password is not right.').waitFor();
    await checkAccessibility(page, 'my password with error');
    await mine.getByRole('textbox', { name: 'Current password' }).fill(clinic.admin.password);
    await mine.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed').waitFor();
    await lockWithButton(page);
    await unlock(page, 'new tide at noon 88');
    await expectSignedIn(page);
    expect(app.faults).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
