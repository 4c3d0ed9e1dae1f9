import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe';
import { recordHistoryWithNothingToReport } from './support/history';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { faceRegion, fillClientForm, profileHeading } from './support/records';
import { saveScreenshot, screenshotFolder, screenshotsTaken } from './support/screenshots';
import { expectSignedIn, openNav, signIn } from './support/screens';

const harness = useAppPerTest();

describe('a session says what it was done on', () => {
  it('refuses a session without consent, refuses impossible numbers and an expired cartridge, then saves under overrides that the session shows', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);

    await openNav(page, 'Clients');
    await page.getByRole('button', { name: 'Add the first client' }).click();
    await fillClientForm(page, { firstName: 'Olamide', lastName: 'Bello', dateOfBirth: '14/07/1988', phone: '07700 900777', email: 'olamide@example.org' });
    await page.getByRole('button', { name: 'Add client' }).click();
    await profileHeading(page, 'Olamide Bello').waitFor();
    // A complete history, so only the consent stands in the way of a session.
    await recordHistoryWithNothingToReport(page, 'Olamide Bello');
    await profileHeading(page, 'Olamide Bello').waitFor();

    // A course refuses negative weeks at the field instead of turning them positive.
    await page.getByRole('button', { name: 'New course' }).click();
    const courseDialog = page.getByRole('dialog', { name: 'New treatment course' });
    const weeks = courseDialog.getByRole('textbox', { name: 'Weeks apart' });
    await weeks.fill('-2');
    await weeks.blur();
    expect(await weeks.inputValue()).toBe('-2');
    await courseDialog.getByRole('button', { name: 'Create course' }).click();
    await courseDialog.getByText('Enter 1 or more.').waitFor();
    await courseDialog.getByRole('button', { name: 'Cancel' }).click();
    await courseDialog.waitFor({ state: 'detached' });

    // No consent: the new session is refused, with signing or an override offered.
    await page.getByRole('button', { name: 'Start session' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'New session: Olamide Bello' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'No valid treatment consent for this session’s date' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save session' }).count()).toBe(0);
    await page.getByRole('region', { name: 'Consent needed' }).getByRole('button').waitFor();
    await checkAccessibility(page, 'session refused without consent');
    await saveScreenshot(page, '60-session-refused-no-consent');

    await page.getByRole('button', { name: 'Treat without consent…' }).click();
    const overrideDialog = page.getByRole('dialog', { name: 'Treat without a valid consent' });
    await overrideDialog.getByRole('button', { name: 'Record override' }).click();
    await overrideDialog.getByText('Give the reason for the override (at least 5 characters).').waitFor();
    await overrideDialog.getByRole('textbox', { name: 'Reason' }).fill('Paper consent signed this morning is in the client file; scanned tomorrow.');
    await overrideDialog.getByRole('button', { name: 'Record override' }).click();
    await overrideDialog.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Override: treating without a valid consent' }).waitFor();

    // Impossible numbers are refused at the field, never rewritten.
    await faceRegion(page, 'Forehead').click();
    const depth = page.getByRole('textbox', { name: 'Depth for Forehead' });
    const passes = page.getByRole('textbox', { name: 'Passes for Forehead' });
    await depth.fill('-0.5');
    await depth.blur();
    await passes.fill('0');
    await passes.blur();
    expect(await depth.inputValue()).toBe('-0.5 mm');
    expect(await passes.inputValue()).toBe('0');

    // An expired cartridge, typed as the pack prints it.
    await page.getByRole('textbox', { name: 'Needle cartridge' }).fill('16-pin');
    await page.getByRole('textbox', { name: 'Cartridge lot' }).fill('CT-OLD-7');
    const expiry = page.getByRole('textbox', { name: 'Cartridge expiry' });
    await expiry.fill('01/2025');
    await expiry.blur();
    await page.getByText('Expired on the session date (usable until 31/01/2025)').waitFor();
    await page.getByRole('checkbox', { name: /Aftercare explained/ }).check();
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByText('Enter 0.1 or more.').waitFor();
    await page.getByText('Enter 1 or more.').waitFor();
    await page.getByText('Give the reason for using an expired lot (at least 5 characters), or change the lot.').waitFor();
    expect(app.calls.some((call) => call.channel === 'sessions.record')).toBe(false);
    await checkAccessibility(page, 'session form refusals');
    await page.getByRole('region', { name: 'Areas treated' }).evaluate((element: { scrollIntoView(options: object): void }) => element.scrollIntoView({ block: 'start' }));
    await saveScreenshot(page, '61-session-form-refusals');
    await page.getByRole('region', { name: 'An expired lot is used' }).evaluate((element: { scrollIntoView(options: object): void }) => element.scrollIntoView({ block: 'center' }));
    await saveScreenshot(page, '62-session-form-expired-lot');

    await depth.fill('0.25');
    await passes.fill('2');
    await page.getByRole('textbox', { name: 'Reason for using an expired lot' }).fill('No other 16-pin cartridge in stock; client informed and agreed.');
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('tab', { name: 'Treatments', selected: true }).waitFor();

    // The session shows every exception it was done under, and its checklist is real.
    await page
      .getByRole('button', { name: new RegExp(clinic.admin.name) })
      .filter({ hasText: 'Forehead' })
      .click();
    const exceptions = page.getByRole('region', { name: 'Exceptions this session was done under' });
    await exceptions.getByText('No valid consent, overridden').waitFor();
    await exceptions.getByText(/Paper consent signed this morning is in the client file/).waitFor();
    await exceptions.getByText('Expired lot used').waitFor();
    await exceptions.getByText(/16-pin, lot CT-OLD-7, expiry 01\/2025/).waitFor();
    await page.getByText('None: treated under an override (below)').waitFor();
    const checklist = page.getByRole('region', { name: 'Record complete?' }).first();
    await checklist.getByText('Under an override').waitFor();
    expect(await checklist.getByText('Not available yet').count()).toBe(0);
    await checkAccessibility(page, 'session details with exceptions');
    await exceptions.evaluate((element: { scrollIntoView(options: object): void }) => element.scrollIntoView({ block: 'center' }));
    await saveScreenshot(page, '63-session-details-exceptions');

    // The print-out says the same as the screen.
    await page.getByRole('button', { name: /^Print session of/ }).click();
    await page.getByText('The session, with its consent and exceptions, went to the print dialog.').waitFor();
    const printed = app.printRequests.at(-1)!.bytes;
    const printedText = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: Buffer.from(printed) })
      .toString('utf8')
      .replace(/\s+/g, ' ');
    expect(printedText).toContain('None: treated under an override');
    expect(printedText).toContain('Treated without a valid treatment consent, by');
    expect(printedText).toContain('Paper consent signed this morning is in the client file; scanned tomorrow.');
    expect(printedText).toContain('Expired cartridge used (16-pin, lot CT-OLD-7, expiry 01/2025)');
    // A picture of the first page beside the screenshots (ignored folder), to be looked at.
    if (screenshotsTaken) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', '-', join(screenshotFolder, '64-session-printout')], { input: Buffer.from(printed) });

    const { services, staff } = app.runtime.current();
    const clientId = services.clients.find('olamide', { offset: 0, limit: 1 }).clients[0]!.id;
    const stored = services.sessions.readForClient(clientId)[0]!;
    expect(stored.record.areas[0]).toMatchObject({ depthMm: 0.25, passes: 2 });
    expect(stored.record.cartridge?.expiry).toBe('2025-01');
    expect(stored.basis?.exceptions.map((exception) => exception.kind)).toEqual(['no-consent', 'expired-lot']);
    expect(services.audit.recent(20).map((row) => row.action)).toEqual(expect.arrayContaining(['session.override-consent', 'session.override-expired-lot']));

    // The recall list is one a clinic can act on, and saving it is audited.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Lot recall' }).click();
    await page.getByRole('textbox', { name: 'Lot number' }).fill('ct old 7');
    await page.getByRole('button', { name: 'Find clients' }).click();
    await page.getByRole('table', { name: 'Sessions that used the lot' }).getByRole('button', { name: 'Olamide Bello' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    for (const text of ['Client id', 'Phone', 'Email', 'Address', 'Practitioner', clientId, '07700 900777', 'olamide@example.org', staff.name, '01/2025']) expect(csv).toContain(text);
    expect(services.audit.recent(5).map((row) => row.action)).toContain('lot.recall-export');
  });
});
