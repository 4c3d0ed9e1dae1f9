import { describe, expect, it } from 'vitest';
import { seedDemoClinic } from '../../main/demo/demo-seeder';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { profileHeading, searchClients } from './support/records';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, openNav, signIn } from './support/screens';

const harness = useAppPerTest();

describe('a busy clinic’s client list', () => {
  it('scrolls thousands of clients a page at a time, opens one by keyboard or Ctrl+K, shows recent and overdue clients on Home, recalls a demo lot and edits the depth table', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    const { services, staff } = app.runtime.current();
    const seeded = await seedDemoClinic(services, staff.id, { clients: 3000, seed: 11 });
    expect(seeded.clients).toBe(3000);

    await openNav(page, 'Clients');
    await page.getByText('3,000 clients').waitFor();
    const list = page.getByRole('listbox', { name: '3,000 clients found' });
    await list.getByRole('option').first().waitFor();
    // Only the rows in view are in the page.
    expect(await list.getByRole('option').count()).toBeLessThan(40);
    await checkAccessibility(page, 'client list with 3,000 clients');
    await saveScreenshot(page, '25-client-list');

    // To the end in one jump: the last page is asked for by offset, not every page before it.
    const findsBefore = app.calls.filter((call) => call.channel === 'clients.find').length;
    await list.evaluate((element: { scrollTop: number; scrollHeight: number }) => {
      element.scrollTop = element.scrollHeight;
    });
    await page.locator('[role="option"][aria-posinset="3000"]', { hasNotText: 'Loading' }).waitFor();
    const finds = app.calls.filter((call) => call.channel === 'clients.find').slice(findsBefore);
    expect(finds.length).toBeLessThanOrEqual(3);
    expect(finds.some((call) => (call.input as { offset: number }).offset >= 2940)).toBe(true);

    // Keyboard: down three rows from the search box, Enter opens that client.
    const search = page.getByRole('combobox', { name: 'Search clients' });
    await searchClients(page, app.calls, 'a');
    await search.press('ArrowDown');
    await search.press('ArrowDown');
    await search.press('ArrowDown');
    const third = await page.locator('[role="option"][aria-selected="true"]').getAttribute('aria-posinset');
    expect(third).toBe('3');
    const thirdName = (await page.locator('[role="option"][aria-selected="true"] span span').first().textContent()) ?? '';
    await search.press('Enter');
    await profileHeading(page, thirdName).waitFor();
    await page.getByRole('tab', { name: 'Treatments' }).click();
    await page.getByRole('tab', { name: 'Treatments', selected: true }).waitFor();

    // Edit details, then archive: gone from the list, back with "Show archived".
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByRole('textbox', { name: 'Preferred name' }).fill('Mara');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await profileHeading(page, thirdName).waitFor();
    await page.getByText('“Mara”').waitFor();
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Archive client' }).click();
    await page.getByText('Archived: kept with every record').waitFor();
    expect(await page.getByRole('button', { name: 'Start session' }).first().isDisabled()).toBe(true);
    await openNav(page, 'Clients');
    await searchClients(page, app.calls, 'mara');
    expect(await page.getByRole('option').count()).toBe(0);
    await page.getByRole('switch', { name: 'Show archived' }).check();
    await page.getByRole('option', { name: /Mara/ }).getByText('Archived').waitFor();

    // Ctrl+K finds another client by name and Enter opens them.
    const someone = services.clients.find('', { offset: 1500, limit: 1 }).clients[0]!;
    await page.keyboard.press('Control+K');
    await page.getByRole('dialog').getByLabel('Search SkinLedger').fill(`${someone.firstName} ${someone.lastName}`);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: new RegExp(`${someone.firstName} ${someone.lastName}`) })
      .first()
      .waitFor();
    await checkAccessibility(page, 'spotlight with clients');
    await page.keyboard.press('Enter');
    await profileHeading(page, `${someone.firstName} ${someone.lastName}`).waitFor();

    // Home: the clients just opened, and courses overdue.
    await openNav(page, 'Home');
    const recent = page.getByRole('region', { name: 'Recent clients' });
    await recent.getByRole('button', { name: new RegExp(`${someone.firstName} ${someone.lastName}`) }).waitFor();
    // The archived client is left out of Home as well.
    expect(await recent.getByRole('button', { name: new RegExp(thirdName) }).count()).toBe(0);
    const overdue = page.getByRole('region', { name: 'Overdue for their next session' });
    await overdue
      .getByText(/Overdue by \d+ days?/)
      .first()
      .waitFor();
    await checkAccessibility(page, 'home with clients');
    await saveScreenshot(page, '26-home-with-clients');

    // A demo cartridge lot used across many sessions.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Lot recall' }).click();
    await page.getByRole('textbox', { name: 'Lot number' }).fill('ct24 01000');
    await page.getByRole('button', { name: 'Find clients' }).click();
    await page.getByText(/clients treated with lot “ct24 01000”/).waitFor();

    // Settings → Needle depths (admin): a new maximum for the forehead.
    await openNav(page, 'Settings');
    await page.getByRole('tab', { name: 'Needle depths' }).click();
    const foreheadMax = page.getByRole('textbox', { name: 'Maximum depth for Forehead' });
    await foreheadMax.fill('0.6');
    await page.getByRole('textbox', { name: 'Usual depth for Neck' }).fill('0.9');
    await page.getByText('The usual depth is above the maximum.').waitFor();
    expect(await page.getByRole('button', { name: 'Save depths' }).isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: 'Usual depth for Neck' }).fill('0.25');
    await checkAccessibility(page, 'needle depths');
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, '27-settings-needle-depths');
    await page.getByRole('button', { name: 'Save depths' }).click();
    await page.getByText('Depths saved').waitFor();
    expect(services.sessions.areaDepths().find((depth) => depth.area === 'forehead')).toEqual({ area: 'forehead', typicalMm: 0.25, maxMm: 0.6 });

    expect(app.faults).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
