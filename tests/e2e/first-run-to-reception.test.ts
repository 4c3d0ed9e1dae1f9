import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp-folder';
import { launchApp, type LaunchedApp } from './harness';
import { checkAccessibility } from './support/axe';
import { clinic } from './support/clinic';
import { fillClientForm, profileHeading } from './support/records';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, invokeFromPage, lockWithButton, noteRetryCountdown, openNav, signIn, signOut, unlock } from './support/screens';

let app: LaunchedApp | null = null;
let folder: ReturnType<typeof tempFolder> | null = null;
afterEach(async () => {
  await app?.close();
  folder?.remove();
  app = null;
  folder = null;
});

/** What each screen must pass before the flow moves on: no serious axe finding, and a picture. */
async function screen(page: LaunchedApp['page'], name: string, label: string) {
  await checkAccessibility(page, label);
  await saveScreenshot(page, name);
}

describe('a clinic’s first day, in the browser against the real services', () => {
  it('sets up, shows the recovery key once, locks and unlocks, adds reception, and keeps reception out of staff settings', async () => {
    folder = tempFolder('skinledger-e2e-');
    const dataDir = join(folder.path, 'data');
    const kitPath = join(folder.path, 'Recovery Kit.pdf');
    app = await launchApp({ dataDir, savePath: kitPath });
    const { page } = app;

    // First run: the set-up screen.
    await page.getByRole('heading', { name: 'Set up your clinic' }).waitFor();
    await screen(page, '01-setup', 'set-up');
    await page.getByLabel('Clinic name').fill(clinic.name);
    await page.getByLabel('Address').fill(clinic.address);
    await page.getByLabel('Your name').fill(clinic.admin.name);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(clinic.admin.password);
    await page.getByLabel('Type the password again').fill(clinic.admin.password);
    await page.getByRole('button', { name: 'Create the clinic' }).click();

    // The recovery key, shown once, in groups of five.
    await page.getByRole('heading', { name: 'Your recovery key' }).waitFor();
    const key = (await page.getByTestId('recovery-key').textContent()) ?? '';
    expect(key).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5})*(-[0-9A-Z]{1,5})$/);
    expect(key.replace(/-/g, '')).toHaveLength(54);
    await screen(page, '02-recovery-key', 'recovery key');

    // The Recovery Kit: saved where the dialog says, or (while the PDF is not built yet) a clear message.
    await page.getByRole('button', { name: 'Save Recovery Kit (PDF)…' }).click();
    await page
      .getByText(/Recovery Kit saved|Something went wrong/)
      .first()
      .waitFor();
    expect(app.saveRequests).toHaveLength(1);
    if (existsSync(kitPath)) {
      expect(readFileSync(kitPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } else {
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/nothing was saved/i);
    }

    // Continue only once the key is said to be stored.
    const carryOn = page.getByRole('button', { name: 'Continue to SkinLedger' });
    expect(await carryOn.isDisabled()).toBe(true);
    await page.getByLabel('I have printed or written down the recovery key and stored it safely').check();
    await carryOn.click();

    // Home.
    await expectSignedIn(page);
    await page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening), Maria$/ }).waitFor();
    await page.getByText('Finish setting up the clinic').waitFor();
    await screen(page, '03-home', 'home');

    // Lock with the button: the app is unmounted, not covered.
    await lockWithButton(page);
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByText('14 Quay Street').count()).toBe(0);
    await page.getByText(clinic.admin.name, { exact: true }).waitFor();
    await screen(page, '04-lock', 'lock screen');
    await unlock(page, clinic.admin.password);
    await expectSignedIn(page);

    // Ctrl+L locks, even with the cursor in a text field (the spotlight search).
    await page.keyboard.press('Control+K');
    await page.getByRole('dialog').getByLabel('Search SkinLedger').waitFor();
    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { name: 'Screen locked' }).waitFor();

    // A wrong password: a clear message and a visible countdown while the button waits. The
    // delay doubles with each failure (1 s, 2 s…), so the second one is long enough to photograph.
    const unlockButton = page.getByRole('button', { name: 'Unlock' });
    for (let attempt = 0; attempt < 2; attempt++) {
      await unlockButton.and(page.locator(':enabled')).waitFor();
      const countdown = await noteRetryCountdown(page, 'Unlock');
      await unlock(page, 'not my password at all');
      await page
        .getByRole('alert')
        .getByText(/password is not right/)
        .waitFor();
      // As the page showed it: a one-second countdown can be over before a busy test looks.
      await expect.poll(countdown).toMatchObject({ text: expect.stringMatching(/You can try again in \d+ seconds?/), disabled: true });
    }
    await saveScreenshot(page, '05-lock-wrong-password');
    await checkAccessibility(page, 'lock screen, wrong password');
    await unlockButton.and(page.locator(':enabled')).waitFor();
    await unlock(page, clinic.admin.password);
    await expectSignedIn(page);

    // Keyboard first: Ctrl+K, type, Enter goes there.
    await page.keyboard.press('Control+K');
    await page.getByRole('dialog').getByLabel('Search SkinLedger').fill('sett');
    await saveScreenshot(page, '06-search');
    await checkAccessibility(page, 'search');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

    // Settings: clinic details, then staff.
    await page.getByRole('tab', { name: 'Clinic' }).waitFor();
    await expect(page.getByLabel('Clinic name').inputValue()).resolves.toBe(clinic.name);
    await screen(page, '07-settings-clinic', 'clinic settings');
    await page.getByRole('tab', { name: 'Staff' }).click();
    await page.getByRole('table', { name: 'Staff' }).waitFor();
    await screen(page, '08-settings-staff', 'staff settings');

    // Esc closes a dialog.
    await page.getByRole('button', { name: 'Add staff' }).click();
    await page.getByRole('dialog', { name: 'Add a member of staff' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // The admin adds a receptionist.
    await page.getByRole('button', { name: 'Add staff' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a member of staff' });
    await dialog.getByLabel('Name').fill(clinic.reception.name);
    await dialog.getByRole('radio', { name: 'Reception' }).check();
    await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill(clinic.reception.password);
    await dialog.getByLabel('Type the password again').fill(clinic.reception.password);
    await screen(page, '09-add-staff', 'add staff dialog');
    await dialog.getByRole('button', { name: 'Add staff member' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: new RegExp(clinic.reception.name) });
    await row.getByText('Reception').waitFor();
    // At 1366×768 the table fits: no sideways scrolling, "Reset password" whole and in view.
    const staffTable = page.getByRole('table', { name: 'Staff' });
    type Box = { scrollWidth: number; clientWidth: number; className: string; parentElement: Box | null };
    const scrollsSideways = (table: Box) => {
      for (let box: Box | null = table.parentElement; box; box = box.parentElement) if (box.scrollWidth > box.clientWidth + 1) return `${box.className} ${box.scrollWidth}>${box.clientWidth}`;
      return '';
    };
    expect(await staffTable.evaluate(scrollsSideways)).toBe('');
    const resetBox = await row.getByRole('button', { name: /Reset password/ }).boundingBox();
    const tableBox = await staffTable.boundingBox();
    expect(resetBox!.x + resetBox!.width).toBeLessThanOrEqual(tableBox!.x + tableBox!.width + 1);
    await screen(page, '08b-settings-staff-two', 'staff settings with reception');

    // Sign out; reception signs in.
    await signOut(page, clinic.admin.name);
    await page.getByRole('heading', { name: clinic.name }).waitFor();
    await screen(page, '10-sign-in', 'sign-in');
    await signIn(page, clinic.reception.name, clinic.reception.password);
    await expectSignedIn(page);
    await page.getByRole('heading', { level: 1, name: /Tom$/ }).waitFor();
    expect(await page.getByText('Finish setting up the clinic').count()).toBe(0);

    // Reception: no staff or clinic settings in the UI…
    await openNav(page, 'Settings');
    await page.getByRole('heading', { name: 'Change my password' }).waitFor();
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(await page.getByText('Add staff').count()).toBe(0);
    expect(await page.getByLabel('Clinic name').count()).toBe(0);
    await page.keyboard.press('Control+K');
    await page.getByRole('dialog').getByLabel('Search SkinLedger').fill('staff');
    expect(
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /^Staff/ })
        .count(),
    ).toBe(0);
    await page.keyboard.press('Escape');
    // Checked once the search has faded out: mid-fade its text has no contrast to speak of.
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await screen(page, '11-settings-reception', 'settings as reception');

    // Reception registers a client: the note says who records the medical history next.
    await openNav(page, 'Clients');
    await page.getByRole('button', { name: 'Add the first client' }).click();
    await fillClientForm(page, { firstName: 'Ines', lastName: 'Duarte', phone: '07700 900555' });
    await page.getByRole('button', { name: 'Add client' }).click();
    await profileHeading(page, 'Ines Duarte').waitFor();
    await page.getByText('Their profile is open. The practitioner records the medical history before the first treatment.').waitFor();
    expect(await page.getByText(/record the medical history/).count()).toBe(0);
    // Registered through the contact channel: no clinical field was sent, and the form showed none.
    const registered = app.calls.find((call) => call.channel === 'clients.register')?.input as { fields: Record<string, unknown> } | undefined;
    expect(registered?.fields).toMatchObject({ firstName: 'Ines', lastName: 'Duarte', phone: '07700 900555' });
    for (const field of ['gp', 'fitzpatrick', 'concerns', 'notes']) expect(registered?.fields, field).not.toHaveProperty(field);
    expect(app.calls.some((call) => call.channel === 'clients.create' || call.channel === 'clients.profile')).toBe(false);

    // The same phone again: the refusal comes into view with focus on it, not below the fold.
    await openNav(page, 'Clients');
    await page.getByRole('button', { name: 'New client' }).click();
    await fillClientForm(page, { firstName: 'Inês', lastName: 'Duarte', phone: '07700-900-555' });
    await page.getByRole('button', { name: 'Add client' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Not added yet: possible duplicate' });
    await refused.waitFor();
    await expect.poll(() => refused.evaluate((panel: { contains(node: unknown): boolean; ownerDocument: { activeElement: unknown } }) => panel.contains(panel.ownerDocument.activeElement))).toBe(true);
    const panelBox = await refused.boundingBox();
    expect(panelBox!.y).toBeGreaterThanOrEqual(0);
    expect(panelBox!.y + panelBox!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await screen(page, '12-duplicate-refused', 'duplicate refused as reception');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // …and the main side refuses a direct call from the page.
    const list = await invokeFromPage(page, 'staff.list', {});
    expect(list).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const update = await invokeFromPage(page, 'staff.add', { name: 'Sneaky', role: 'admin', password: 'a long enough password' });
    expect(update).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Switch user from the lock screen is one step.
    await lockWithButton(page);
    await page.getByRole('button', { name: 'Switch user' }).click();
    const switchForm = page.getByRole('form', { name: 'Switch user' });
    await switchForm.getByLabel('Your name').fill(clinic.admin.name);
    await switchForm.getByRole('textbox', { name: 'Password', exact: true }).fill(clinic.admin.password);
    await switchForm.getByRole('button', { name: 'Sign in' }).click();
    await expectSignedIn(page);
    await page.getByRole('button', { name: new RegExp(`^Account menu: ${clinic.admin.name}`) }).waitFor();

    expect(app.faults).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
