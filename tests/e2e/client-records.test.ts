import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { answerTheRest } from './support/history';
import { faceRegion, fillClientForm, profileHeading, searchClients } from './support/records';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, invokeFromPage, openNav, signIn, signOut } from './support/screens';

const harness = useAppPerTest();

const zoe = { firstName: 'Zoë', lastName: 'Nguyễn', dateOfBirth: '02/03/1990', phone: '07700 900123', email: 'zoe@example.com', fitzpatrick: 'III', concerns: ['Acne scarring'] } as const;
const sappho = { firstName: 'Ψάπφω', lastName: 'Иванова', dateOfBirth: '20/11/1985', phone: '07700 900456' } as const;

describe('client records and treatment sessions, from the front desk to the treatment room', () => {
  it('registers clients in any script, finds them accent-free, screens, overrides a stop, records a session on the face map, recalls a lot and keeps reception out of health data', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);

    // A new clinic: the list says so and offers the first client.
    await openNav(page, 'Clients');
    await page.getByText('No client records yet').waitFor();
    await page.getByRole('button', { name: 'Add the first client' }).click();
    await page.getByRole('heading', { level: 1, name: 'New client' }).waitFor();
    await fillClientForm(page, zoe);
    await page.getByText('Age 3', { exact: false }).first().waitFor();
    await checkAccessibility(page, 'new client form');
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, '20-client-form');
    await page.getByRole('button', { name: 'Add client' }).click();
    await profileHeading(page, 'Zoë Nguyễn').waitFor();

    // A second client, in Greek and Cyrillic.
    await page.getByRole('button', { name: 'Clients', exact: true }).first().click();
    await page.getByRole('button', { name: 'New client' }).click();
    await fillClientForm(page, sappho);
    // Dates are typed in the clinic's order (DD/MM/YYYY here); an impossible one is pointed out.
    const birth = page.getByRole('textbox', { name: 'Date of birth' });
    await birth.fill('31/02/1985');
    await birth.blur();
    await page.getByText('That day does not exist. Check the day and month.').waitFor();
    // A year alone, or a year no one alive was born in, is named for what it is.
    await birth.fill('1850');
    await birth.blur();
    await page.getByText('Enter the whole date of birth (day, month and year) as DD/MM/YYYY.').waitFor();
    await birth.fill('01/01/1850');
    await page.getByText(/^That would make the client \d+ years old\. Check the year\.$/).waitFor();
    await saveScreenshot(page, '20a-client-form-birth-1850');
    // The short form a front desk types is read in the clinic's order, the year in the past.
    await birth.fill('1/2/85');
    await birth.blur();
    await expect.poll(() => birth.inputValue()).toBe('01/02/1985');
    // Over 110 is possible but asked about before the form saves.
    await birth.fill('01/01/1910');
    await birth.blur();
    await page.getByRole('checkbox', { name: /^Yes, born 01\/01\/1910: \d+ years old$/ }).waitFor();
    await saveScreenshot(page, '20b-client-form-birth-confirm');
    await birth.fill(sappho.dateOfBirth);
    await page.getByRole('button', { name: 'Add client' }).click();
    await profileHeading(page, 'Ψάπφω Иванова').waitFor();

    // The same phone again: warned while typing, refused on save, "Add anyway" offered.
    await openNav(page, 'Clients');
    await page.getByRole('button', { name: 'New client' }).click();
    await fillClientForm(page, { firstName: 'Zoe', lastName: 'Nguyen', phone: '07700-900-123' });
    await page.getByText('This may be someone already recorded').waitFor();
    await page.getByText('same phone number').waitFor();
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByText('Not added yet: possible duplicate').waitFor();
    await page.getByRole('button', { name: 'Add anyway: a different person' }).waitFor();
    await checkAccessibility(page, 'duplicate warning');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // Search as you type, accent-free, any script, Greek and Cyrillic names by their Latin
    // spelling as heard; arrows and Enter open the client.
    const search = page.getByRole('combobox', { name: 'Search clients' });
    for (const typed of ['zoe', 'nguy', 'ψαπ', 'иван', 'ZOE NGUYEN', 'ivanova', 'sapfo']) {
      await searchClients(page, app.calls, typed);
      expect(await page.getByRole('option').count()).toBe(1);
    }
    await searchClients(page, app.calls, 'nguy');
    await page.getByRole('option', { name: /Zoë Nguyễn/ }).waitFor();
    await checkAccessibility(page, 'client list');
    await search.press('ArrowDown');
    await search.press('Enter');
    await profileHeading(page, 'Zoë Nguyễn').waitFor();

    // Medical history with a stop: pregnant.
    await page.getByRole('button', { name: 'Record medical history' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Medical history: Zoë Nguyễn' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Is the client pregnant or breastfeeding?' }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('textbox', { name: /Is the client pregnant or breastfeeding\? Details/ }).fill('about 12 weeks');
    await page
      .getByRole('radiogroup', { name: /cold sores\?/ })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await answerTheRest(page);
    await checkAccessibility(page, 'medical history form');
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, '21-medical-history-form');
    await page.getByRole('button', { name: 'Save medical history' }).click();
    await page.getByRole('heading', { level: 1, name: /Medical history saved/ }).waitFor();
    await page.getByRole('alert').getByText('Pregnant or breastfeeding').waitFor();
    await page.getByText('History of cold sores: consider antiviral cover').waitFor();
    await page.getByRole('button', { name: 'Back to Zoë Nguyễn' }).click();

    // On the profile: a red stop badge, an amber caution, and Start session blocked with the reason.
    await profileHeading(page, 'Zoë Nguyễn').waitFor();
    const badges = page.getByRole('list', { name: 'Screening alerts' });
    await badges.getByText('Stop: Pregnant or breastfeeding').waitFor();
    await badges.getByText(/Caution: History of cold sores/).waitFor();
    const start = page.getByRole('button', { name: 'Start session' }).first();
    expect(await start.isDisabled()).toBe(true);
    await page.getByText('Sessions are blocked by: Pregnant or breastfeeding.').waitFor();

    // A course from the client's concern.
    await page.getByRole('button', { name: 'New course' }).click();
    const courseDialog = page.getByRole('dialog', { name: 'New treatment course' });
    await courseDialog.getByRole('combobox', { name: 'Treats' }).waitFor();
    await checkAccessibility(page, 'new course dialog');
    await courseDialog.getByRole('button', { name: 'Create course' }).click();
    await courseDialog.waitFor({ state: 'detached' });
    await page.getByRole('article', { name: 'Acne scarring' }).getByText('0 of 6').waitFor();

    // The override: a reason, then who/when/why on the profile and the button free.
    await page.getByRole('button', { name: 'Record an override…' }).click();
    const overrideDialog = page.getByRole('dialog', { name: 'Treat despite the stops' });
    await overrideDialog.getByRole('button', { name: 'Record override' }).click();
    await overrideDialog.getByText('Use at least 5 characters.').waitFor();
    await checkAccessibility(page, 'override dialog');
    await overrideDialog.getByLabel('Reason').fill('Client’s obstetrician confirmed in writing; neck only, away from the abdomen.');
    await overrideDialog.getByRole('button', { name: 'Record override' }).click();
    await overrideDialog.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Override for today' }).getByText(`Recorded by ${clinic.admin.name}`).waitFor();
    await page.getByText('“Client’s obstetrician confirmed in writing; neck only, away from the abdomen.”').waitFor();
    await checkAccessibility(page, 'client profile');
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, '22-client-profile');

    // A session: three face areas on the map, two products with lots, a depth above the maximum.
    await page.getByRole('button', { name: 'Start session' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'New session: Zoë Nguyễn' }).waitFor();
    // No consent signed for her yet: the session goes ahead only under an override with a reason.
    await page.getByRole('button', { name: 'Treat without consent…' }).click();
    await page.getByRole('dialog', { name: 'Treat without a valid consent' }).getByRole('textbox', { name: 'Reason' }).fill('Paper consent signed today; scanned into the record tomorrow.');
    await page.getByRole('dialog', { name: 'Treat without a valid consent' }).getByRole('button', { name: 'Record override' }).click();
    await page.getByRole('region', { name: 'Override: treating without a valid consent' }).waitFor();
    // The screening stop decided earlier today shows as the override in force, not as an open stop.
    await page
      .getByRole('region', { name: 'Override in force today' })
      .getByText(/Client’s obstetrician confirmed in writing/)
      .waitFor();
    await saveScreenshot(page, '22b-session-form-overrides-in-force');
    await faceRegion(page, 'Forehead').click();
    await faceRegion(page, 'Left cheek').click();
    // Keyboard: Tab to a region and Space chooses it.
    await faceRegion(page, 'Right cheek').focus();
    await page.keyboard.press('Space');
    expect(await faceRegion(page, 'Right cheek').getAttribute('aria-pressed')).toBe('true');
    const areas = page.getByRole('table', { name: 'Areas, depths and passes' });
    for (const area of ['Forehead', 'Left cheek', 'Right cheek']) await areas.getByRole('row', { name: new RegExp(area) }).waitFor();
    await page.getByRole('textbox', { name: 'Depth for Forehead' }).fill('0.75');
    await page.getByText('Above the maximum (0.5 mm)').waitFor();
    await page.getByRole('textbox', { name: 'Make' }).fill('Dermapen');
    await page.getByRole('textbox', { name: 'Model' }).fill('4');
    await page.getByRole('textbox', { name: 'Needle cartridge' }).fill('16-pin');
    await page.getByRole('textbox', { name: 'Cartridge lot' }).fill('CT-2291');
    await page.getByRole('button', { name: 'Add product' }).click();
    await page.getByRole('textbox', { name: 'Product or serum (product 1)' }).fill('Hyaluronic serum');
    await page.getByRole('textbox', { name: 'Lot number (product 1)' }).fill('HA-7781');
    await page.getByRole('button', { name: 'Add product' }).click();
    await page.getByRole('textbox', { name: 'Product or serum (product 2)' }).fill('Growth factor ampoule');
    await page.getByRole('textbox', { name: 'Lot number (product 2)' }).fill('GF 0042');
    await page.getByRole('checkbox', { name: /Aftercare explained/ }).check();
    const notes = page.getByRole('textbox', { name: 'Notes' });
    await notes.pressSequentially('.ee ');
    expect(await notes.inputValue()).toBe('Even erythema reached across all treated areas; no pinpoint bleeding. ');
    await page.getByRole('combobox', { name: 'Course' }).waitFor();
    await page.getByText('session 1 of 6').waitFor();
    await checkAccessibility(page, 'session form');
    // Scrolled so the map sits under the header (html has a scroll-padding for it).
    await page.getByRole('region', { name: 'Areas treated' }).evaluate((element: { scrollIntoView(options: object): void }) => element.scrollIntoView({ block: 'start' }));
    await saveScreenshot(page, '23-session-form-face-map');

    await page.getByRole('button', { name: 'Save session' }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm depths above the maximum' });
    await confirm.getByText('Forehead: 0.75 mm (maximum 0.5 mm)').waitFor();
    await checkAccessibility(page, 'depth confirmation');
    await confirm.getByRole('button', { name: 'Confirm and save' }).click();
    await page.getByRole('tab', { name: 'Treatments', selected: true }).waitFor();
    await page.getByText(/Forehead 0\.75 mm · Left cheek 0\.5 mm · Right cheek 0\.5 mm/).waitFor();
    const recordCall = app.calls.find((call) => call.channel === 'sessions.record');
    expect(recordCall?.input).toMatchObject({ depthsConfirmed: true });

    // Open the session to read it.
    await page
      .getByRole('button', { name: new RegExp(clinic.admin.name) })
      .filter({ hasText: 'Forehead' })
      .click();
    await page.getByText('Hyaluronic serum · lot HA-7781').waitFor();
    await page.getByRole('region', { name: 'Record complete?' }).first().waitFor();
    await checkAccessibility(page, 'treatments tab');

    // Two days later the record is amended, not rewritten: a reason is required, the original is kept.
    app.runtime
      .current()
      .services.db.prepare('UPDATE treatment_session SET created_at = ?')
      .run(new Date(Date.now() - 2 * 86_400_000).toISOString());
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('tab', { name: 'Treatments' }).click();
    await page
      .getByRole('button', { name: new RegExp(clinic.admin.name) })
      .filter({ hasText: 'Forehead' })
      .click();
    await page.getByRole('button', { name: /^Amend this session/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Amend session: Zoë Nguyễn' }).waitFor();
    await page.getByRole('textbox', { name: 'Passes for Left cheek' }).fill('3');
    await page.getByRole('button', { name: 'Save amendment' }).click();
    await page.getByText('Give the reason for changing an earlier session.').waitFor();
    await page.getByRole('textbox', { name: 'Reason for the amendment' }).fill('Passes on the left cheek were miscounted.');
    await page.getByRole('button', { name: 'Save amendment' }).click();
    await page.getByRole('dialog', { name: 'Confirm depths above the maximum' }).getByRole('button', { name: 'Confirm and save' }).click();
    await page.getByRole('tab', { name: 'Treatments', selected: true }).waitFor();
    await page.getByText('Amended', { exact: true }).waitFor();
    await page
      .getByRole('button', { name: new RegExp(clinic.admin.name) })
      .filter({ hasText: 'Forehead' })
      .click();
    const amendments = page.getByRole('region', { name: 'Amendments' });
    await amendments.getByText(`by ${clinic.admin.name}`, { exact: false }).waitFor();
    await amendments.getByText('Why: Passes on the left cheek were miscounted.').waitFor();
    await amendments.getByText('Changed: areas and depths').waitFor();
    const stored = app.runtime.current().services.sessions.forClient(app.runtime.current().staff.id, app.runtime.current().services.clients.find('zoe', { offset: 0, limit: 1 }).clients[0]!.id)[0]!;
    expect(stored.amendments).toHaveLength(1);
    expect(stored.amendments[0]!.previous.areas.find((area) => area.area === 'cheek-left')?.passes).toBe(2);
    expect(stored.record.areas.find((area) => area.area === 'cheek-left')?.passes).toBe(3);
    await checkAccessibility(page, 'amended session');

    // Progress on the overview; the medical history tab reads the answers back.
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('article', { name: 'Acne scarring' }).getByText('1 of 6').waitFor();
    await page.getByRole('tab', { name: 'Medical history' }).click();
    await page.getByRole('region', { name: 'Latest answers' }).getByText('Yes: about 12 weeks').waitFor();
    await checkAccessibility(page, 'medical history tab');

    // Lot recall finds her by a product lot typed differently, and exports CSV.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Lot recall' }).click();
    await page.getByRole('textbox', { name: 'Lot number' }).fill('gf-0042');
    await page.getByRole('button', { name: 'Find clients' }).click();
    await page.getByText('1 client treated with lot “gf-0042” · 1 session').waitFor();
    await page.getByRole('table', { name: 'Sessions that used the lot' }).getByRole('button', { name: 'Zoë Nguyễn' }).waitFor();
    await checkAccessibility(page, 'lot recall');
    await saveScreenshot(page, '24-lot-recall');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('Zoë Nguyễn');
    expect(csv).toContain('GF 0042');
    expect(csv).toContain('07700 900123');
    expect(csv).toContain(clinic.admin.name);
    expect(download.suggestedFilename()).toBe('recall-gf-0042.csv');

    // Reception: the client, but no health alerts, history or treatments, and the bridge agrees.
    await app.runtime.current().services.staff.add(app.runtime.current().staff.id, { name: clinic.reception.name, role: 'reception', password: clinic.reception.password });
    await signOut(page, clinic.admin.name);
    await signIn(page, clinic.reception.name, clinic.reception.password);
    await expectSignedIn(page);
    await page.keyboard.press('Control+K');
    await page.getByRole('dialog').getByLabel('Search SkinLedger').fill('zoe ngu');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Zoë Nguyễn/ })
      .waitFor();
    await page.keyboard.press('Enter');
    await profileHeading(page, 'Zoë Nguyễn').waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Overview', 'Consents', 'Photos']);
    expect(await page.getByRole('list', { name: 'Screening alerts' }).count()).toBe(0);
    expect(await page.getByText('Pregnant').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Start session' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Lot recall' }).count()).toBe(0);
    const clientId = (app.calls.findLast((call) => call.channel === 'clients.profile')?.input as { id: string }).id;
    for (const [channel, input] of [
      ['sessions.list', { clientId }],
      ['medicalHistory.list', { clientId }],
      ['sessions.findByLot', { lot: 'GF0042' }],
    ] as const) {
      expect(await invokeFromPage(page, channel, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // The full profile is for clinicians; reception's own view has no clinical field at all.
    expect(await invokeFromPage(page, 'clients.profile', { id: clientId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const contact = await invokeFromPage(page, 'clients.contact', { id: clientId });
    expect(contact).toMatchObject({ ok: true });
    expect(JSON.stringify(contact)).not.toMatch(/"(notes|gp|fitzpatrick|concerns|screening|sessions|medicalHistory)"/);
    await checkAccessibility(page, 'profile as reception');

    expect(app.faults).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
