import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answeredHistory } from '../support/medical-history';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../main/app';
import { systemClock } from '../../main/clock';
import { Vault } from '../../main/vault/vault';
import { TestClock } from '../support/store';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { clinic, clinicScrypt, createClinic } from './support/clinic';
import { profileHeading, searchClients } from './support/records';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, openNav, signIn } from './support/screens';

const harness = useAppPerTest();

const sessionIn2012 = {
  performedAt: '2012-05-01T10:00:00Z',
  device: { kind: 'pen' as const, make: 'Dermapen', model: '4', settings: '' },
  cartridge: { name: '12-pin cartridge', lot: 'OLD-1', expiry: '2013-01-31' },
  anaesthetic: { product: 'Numbing cream', appliedAt: '09:30' },
  skinPrep: '',
  areas: [{ area: 'forehead' as const, depthMm: 0.5, passes: 2 }],
  products: [],
  endpoint: 'even-erythema' as const,
  immediateReaction: '',
  aftercareGiven: true,
  notes: 'Last session before moving away.',
};

/**
 * The clinic's records made the way the app makes them, but by services whose clock says 2012 for
 * Edith (treated then, so long past retention) and today for Zara.
 */
async function recordClients(dataDir: string): Promise<{ zaraId: string; edithId: string }> {
  const vault = new Vault(dataDir, { clock: systemClock, scrypt: clinicScrypt });
  const { dataKey, staffId } = await vault.unlockWithPassword(clinic.admin.name, clinic.admin.password);
  const then = openServices(dataDir, dataKey, { clock: new TestClock(new Date('2012-05-01T09:00:00Z')) });
  let edithId: string;
  try {
    edithId = then.clients.create(staffId, { firstName: 'Edith', lastName: 'Oldfield', dateOfBirth: '1961-08-14', phone: '01326 555123' } as never).id;
    then.medicalHistory.record(staffId, edithId, answeredHistory());
    then.sessions.record(staffId, edithId, null, sessionIn2012, { depthsConfirmed: true, noConsentReason: 'Test clinic: no consent form signed.' });
  } finally {
    then.close();
  }
  const now = openServices(dataDir, dataKey);
  try {
    const zaraId = now.clients.create(staffId, { firstName: 'Zara', lastName: 'Present', dateOfBirth: '1992-02-03', phone: '07700 900777' } as never).id;
    return { zaraId, edithId };
  } finally {
    now.close();
    dataKey.fill(0);
  }
}

describe('audit trail and retention, as the admin uses them', () => {
  it('filters the trail by client and action, exports it as CSV, verifies it, and purges a client past retention', async () => {
    const { dataDir, scratch } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const { zaraId, edithId } = await recordClients(dataDir);
    const savePath = join(scratch, 'audit-trail.csv');
    const app = await harness.launch({ dataDir, savePath });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);

    // Open Zara's record (a read the trail must show), then the trail from her profile.
    await openNav(page, 'Clients');
    await searchClients(page, app.calls, 'zara');
    await page.getByRole('option', { name: /Zara Present/ }).click();
    await profileHeading(page, 'Zara Present').waitFor();
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    const client = page.getByRole('combobox', { name: 'Client' });
    await expect.poll(() => client.inputValue(), { timeout: 20_000 }).toBe('Zara Present');
    const table = page.getByRole('table', { name: 'Audit trail rows, newest first' });
    await table.getByRole('row').filter({ hasText: 'Opened client record' }).first().waitFor();

    // The whole trail, newest first, then narrowed to one client and one action.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await table.getByRole('row').filter({ hasText: 'Created the clinic' }).first().waitFor({ timeout: 20_000 });
    // Every action reads as words, never as a code such as "session.sign-in".
    const actionCells = await table
      .getByRole('row')
      .evaluateAll((rows) =>
        rows.slice(1).map((row) => (row as unknown as { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> }).querySelectorAll('[role="cell"]')[2]?.textContent ?? ''),
      );
    expect(actionCells.length).toBeGreaterThan(3);
    for (const words of actionCells) expect(words).not.toMatch(/^[a-z-]+(\.[a-z-]+)+$/);
    await table.getByRole('row').filter({ hasText: 'Signed in' }).first().waitFor();
    await checkAccessibility(page, 'audit trail');
    await saveScreenshot(page, '60-audit-trail');

    await client.fill('Present');
    await page.getByRole('option', { name: 'Zara Present' }).click();
    await page.getByRole('combobox', { name: 'Actions' }).click();
    await page.getByRole('option', { name: 'Opened client record' }).click();
    await page.keyboard.press('Escape');
    await page.getByText('1 row', { exact: true }).waitFor();
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(2);
    await rows.nth(1).getByText('Zara Present').waitFor();
    await rows.nth(1).getByText(clinic.admin.name).waitFor();
    await checkAccessibility(page, 'audit trail filtered');
    await saveScreenshot(page, '61-audit-trail-filtered');

    // The days picker shows the clinic's date order.
    await page.getByRole('button', { name: 'Days' }).click();
    await page.getByRole('dialog').waitFor();
    await saveScreenshot(page, '62-audit-trail-days');
    await page.keyboard.press('Escape');

    // Export: through the save dialog, the rows shown, ids but no names.
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByText('1 row saved as CSV.').waitFor();
    expect(app.saveRequests.at(-1)).toMatchObject({ filters: [{ name: 'CSV', extensions: ['csv'] }] });
    const csv = readFileSync(savePath, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Row,Time UTC (ISO 8601),Time (clinic),Staff,Action,Entity,Id,Detail');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,${clinic.admin.name},client.view,client,${zaraId},`);
    expect(csv).not.toContain('Zara');
    await saveScreenshot(page, '63-audit-trail-exported');

    // Verify: every link holds.
    await page.getByRole('button', { name: 'Verify trail' }).click();
    await page.getByText('The trail is intact').waitFor();
    await checkAccessibility(page, 'audit trail verified');
    await saveScreenshot(page, '64-audit-trail-verified');

    // Retention: Edith, last treated in 2012, is past the UK's 8 years.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Retention' }).click();
    await page.getByRole('heading', { level: 1, name: 'Records past retention' }).waitFor();
    const report = page.getByRole('table', { name: 'Clients past retention' });
    await report.getByRole('row').filter({ hasText: 'Edith Oldfield' }).waitFor();
    expect(await report.getByRole('row').filter({ hasText: 'Zara Present' }).count()).toBe(0);
    await report.getByText('01/05/2012').waitFor();
    await checkAccessibility(page, 'retention report');
    await saveScreenshot(page, '65-retention-report');

    await page.getByRole('button', { name: 'Purge the records of Edith Oldfield' }).click();
    const dialog = page.getByRole('dialog', { name: 'Purge a client’s records' });
    const purgeButton = dialog.getByRole('button', { name: 'Purge records' });
    await dialog.getByRole('textbox', { name: 'Note for the tombstone' }).fill('Retention period over; reviewed by the clinic owner.');
    await dialog.getByRole('textbox', { name: /Type the client’s full name/ }).fill('Edith');
    expect(await purgeButton.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: /Type the client’s full name/ }).fill('Edith Oldfield');
    expect(await purgeButton.isDisabled()).toBe(false);
    await checkAccessibility(page, 'purge confirmation');
    await saveScreenshot(page, '66-purge-confirmation');
    await purgeButton.click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('No client is past the retention period today.').waitFor();
    await saveScreenshot(page, '67-retention-after-purge');

    // Gone from search; the tombstone stays; the trail still verifies and shows the purge.
    await openNav(page, 'Clients');
    await searchClients(page, app.calls, 'oldfield');
    expect(await page.getByRole('option').count()).toBe(0);
    const services = app.runtime.current().services;
    expect(services.retention.tombstone(edithId)).toMatchObject({ reason: 'retention-period-ended', note: 'Retention period over; reviewed by the clinic owner.' });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await table.getByRole('row').filter({ hasText: 'Purged client records' }).first().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Verify trail' }).click();
    await page.getByText('The trail is intact').waitFor();

    // Settings → Retention: the country's defaults, editable.
    await openNav(page, 'Settings');
    await page.getByRole('tab', { name: 'Retention' }).click();
    await page.getByRole('combobox', { name: 'Country' }).waitFor();
    await page.getByText(/NHS Records Management Code/).waitFor();
    await checkAccessibility(page, 'retention settings');
    await saveScreenshot(page, '68-settings-retention');

    expect(app.faults).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  }, 300_000);

  it('keeps the audit trail and retention away from other roles', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    const { services, staff } = app.runtime.current();
    await services.staff.add(staff.id, { name: clinic.reception.name, role: 'reception', password: clinic.reception.password });
    await page.getByRole('button', { name: new RegExp(`^Account menu: ${clinic.admin.name}`) }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await signIn(page, clinic.reception.name, clinic.reception.password);
    await expectSignedIn(page);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('button', { name: 'Clients' }).waitFor();
    expect(await nav.getByRole('button', { name: 'Audit trail' }).count()).toBe(0);
    expect(await nav.getByRole('button', { name: 'Retention' }).count()).toBe(0);
    const refused = await page.evaluate(() =>
      (globalThis as unknown as { skinledger: { invoke(c: string, i: unknown): Promise<{ ok: boolean; error?: { code: string } }> } }).skinledger.invoke('auditTrail.verify', {}),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(app.faults).toEqual([]);
  });
});
