import { describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, openNav, signIn } from './support/screens';

const harness = useAppPerTest();

describe('what the Electron shell can ask of the window', () => {
  it('shows About from the menu, locks from the menu, and hides everything when main locks on its own', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    await openNav(page, 'Clients');
    await page.getByText('No client records yet').waitFor();
    await checkAccessibility(page, 'clients');
    await saveScreenshot(page, '14-clients');

    await app.shell.menu('about');
    const about = page.getByRole('dialog', { name: 'About SkinLedger' });
    await about.getByText(/^Version \d+\.\d+\.\d+/).waitFor();
    await page.keyboard.press('Escape');
    await about.waitFor({ state: 'detached' });

    await app.shell.menu('lock');
    await page.getByRole('heading', { name: 'Screen locked' }).waitFor();
    expect(app.runtime.isLocked()).toBe(true);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(clinic.admin.password);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expectSignedIn(page);

    // The computer's own screen lock: main locks the session, then tells the window.
    app.runtime.lock('button');
    await app.shell.sessionLocked();
    await page.getByRole('heading', { name: 'Screen locked' }).waitFor();
    expect(await page.getByText('No client records yet').count()).toBe(0);
    expect(app.faults).toEqual([]);
  });
});
