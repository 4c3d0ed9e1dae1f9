import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { microneedlingTemplate } from '../../shared/consents/built-in-templates';
import { checkAccessibility } from './support/axe';
import { recordHistoryWithNothingToReport } from './support/history';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { answer, drawOn, fillSectionsAsPlanned, initialsPath, plannedAnswers, signaturePath } from './support/consent-steps';
import { fillClientForm, profileHeading } from './support/records';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, openNav, signIn } from './support/screens';
import type { Page } from 'playwright-core';
import { SeededRandom } from '../../main/demo/seeded-random';
import { syntheticInk } from '../../main/demo/synthetic-ink';

const harness = useAppPerTest();

const consentStatement = microneedlingTemplate.sections.find((section) => section.id === 'declaration')!.questions[0]!;

async function addClient(page: Page, client: { firstName: string; lastName: string; dateOfBirth: string; phone: string }): Promise<string> {
  const name = `${client.firstName} ${client.lastName}`;
  await openNav(page, 'Clients');
  await page.getByRole('button', { name: 'Add the first client' }).click();
  await fillClientForm(page, client);
  await page.getByRole('button', { name: 'Add client' }).click();
  await profileHeading(page, name).waitFor();
  return name;
}

async function handBackToStaff(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Hand back to staff' }).click();
  const handBack = page.getByRole('dialog', { name: 'Staff password' });
  await handBack.getByLabel(`Password for ${clinic.admin.name}`).fill(clinic.admin.password);
  await handBack.getByRole('button', { name: 'Continue as staff' }).click();
  await page.getByRole('heading', { level: 1, name: 'Practitioner review' }).waitFor();
}

describe('a refused consent is not a consent', () => {
  it('the client answers No to "I consent to microneedling…": client mode tells them kindly, the review says Declined, the form is stored only as a declined record and the client still needs consent', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    const name = await addClient(page, { firstName: 'Dana', lastName: 'Moreau', dateOfBirth: '14/06/1984', phone: '07700 900111' });

    await page.getByRole('tab', { name: 'Consents' }).click();
    await page.getByRole('button', { name: 'New consent' }).click();
    await page.getByRole('menuitem', { name: microneedlingTemplate.title }).click();
    await page.getByRole('button', { name: 'Start client mode' }).click();
    await page.getByRole('heading', { level: 1, name: `Welcome, ${name}` }).waitFor();

    const planned = plannedAnswers(microneedlingTemplate, {});
    await page.getByRole('button', { name: 'Next' }).click();
    for (const section of microneedlingTemplate.sections) {
      await page.getByRole('heading', { level: 1, name: section.title }).waitFor();
      for (const question of section.questions) await answer(page, question, question.id === consentStatement.id ? 'No' : planned.get(question.id)!.text);
      if (section.photography) await page.getByRole('checkbox', { name: section.photography.clinicalRecord }).check();
      if (section.initials) {
        await drawOn(page, page.getByRole('img', { name: /^Initials pad/ }), initialsPath);
        await page.getByRole('img', { name: 'Initials pad, initialled.' }).waitFor();
      }
      if (section.id === 'declaration') {
        // "No" to the consent statement: a kind word, and the client may change it or go on.
        const refusal = page.getByRole('status').filter({ hasText: 'We cannot go ahead without this' });
        await refusal.getByText(/Please speak to your practitioner/).waitFor();
        await checkAccessibility(page, 'client mode: consent refused');
        await saveScreenshot(page, '80-consent-client-mode-refused');
        // Changing the answer takes the message away; the client changes their mind back to No.
        await answer(page, consentStatement, 'Yes');
        await refusal.waitFor({ state: 'detached' });
        await answer(page, consentStatement, 'No');
        await page.getByRole('status').filter({ hasText: 'We cannot go ahead without this' }).waitFor();
      }
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Your signature' }).waitFor();
    await drawOn(page, page.getByRole('img', { name: /^Signature pad/ }), signaturePath);
    await page.getByRole('img', { name: 'Signature pad, signed.' }).waitFor();
    await page.getByRole('button', { name: 'I have signed' }).click();

    // After signing there is no Back into the signed answers; the screen says what happens next.
    await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    await page.getByText(/You did not agree to everything on this form/).waitFor();
    expect(await page.getByRole('button', { name: 'Back', exact: true }).count()).toBe(0);
    await saveScreenshot(page, '81-consent-client-mode-thanks-declined');
    await handBackToStaff(page);

    // The review says Declined before anything else, and the button says what it stores.
    const declined = page.getByRole('region', { name: 'Declined: this form is not a consent' });
    await declined.getByText(consentStatement.label).waitFor();
    await page.getByText('Declined', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Countersign and create the PDF' }).count()).toBe(0);
    await drawOn(page, page.getByRole('img', { name: /^Signature pad/ }), signaturePath);
    await page.getByRole('img', { name: 'Signature pad, signed.' }).waitFor();
    await checkAccessibility(page, 'practitioner review: declined');
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, '82-consent-review-declined');
    await page.getByRole('button', { name: 'Countersign and record as declined' }).click();
    await page.getByRole('heading', { level: 1, name: 'Declined form recorded' }).waitFor({ timeout: 60_000 });
    await page.getByText(new RegExp(`It is not a consent: ${name} still needs to sign a consent`)).waitFor();

    // Stored only as a declined record; its PDF says so.
    const services = app.runtime.current().services;
    const row = services.db.prepare('SELECT id, declined, pdf, client_id FROM consent').get() as { id: string; declined: number; pdf: Uint8Array; client_id: string };
    expect(row.declined).toBe(1);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: Buffer.from(row.pdf) }).toString('utf8');
    expect(text).toContain('DECLINED: NOT A CONSENT');
    // SKINLEDGER_LOOK_AT_PDF=folder keeps the declined PDF (synthetic client) to look at; never set in CI.
    if (process.env['SKINLEDGER_LOOK_AT_PDF']) writeFileSync(join(process.env['SKINLEDGER_LOOK_AT_PDF'], 'declined-e2e.pdf'), row.pdf);
    // The status the session gate reads: no valid consent.
    expect(services.consents.status(row.client_id).microneedling).toMatchObject({ state: 'needed', staleReason: 'declined' });

    // The profile still says "Consent needed"; the Consents tab shows the form as declined.
    await page.getByRole('button', { name: 'Back to the client' }).click();
    await profileHeading(page, name).waitFor();
    await page.getByText('Consent needed', { exact: true }).first().waitFor();
    const card = page.getByRole('article', { name: microneedlingTemplate.title });
    await card.getByText('Declined: not a consent').waitFor();
    await card.getByText(consentStatement.label).waitFor();
    expect(await card.getByText(/^Valid until/).count()).toBe(0);
    expect(await card.getByRole('button', { name: 'Withdraw…' }).count()).toBe(0);
    // Treatment and photography both: a declined form grants nothing, its photo choices included.
    await page
      .getByText(/^Declined .*: not a consent$/)
      .nth(1)
      .waitFor();
    expect(await page.getByText(/^Declined .*: not a consent$/).count()).toBe(2);
    await checkAccessibility(page, 'consents tab: declined');
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, '83-consents-tab-declined');

    // The session gate sees the declined form as no consent: with a complete history, a new
    // session is still refused.
    await page.getByRole('tab', { name: 'Overview' }).click();
    await recordHistoryWithNothingToReport(page, name);
    await profileHeading(page, name).waitFor();
    await page.getByRole('button', { name: 'Start session' }).first().click();
    await page.getByRole('heading', { level: 1, name: `New session: ${name}` }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'No valid treatment consent for this session’s date' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save session' }).count()).toBe(0);

    expect(app.faults).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  }, 300_000);

  it('a client under 18: the flow asks for the guardian before anyone signs, and the confirmation names the guardian who signed', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    const birthYear = new Date().getFullYear() - 16;
    const name = await addClient(page, { firstName: 'Mia', lastName: 'Young', dateOfBirth: `01/01/${birthYear}`, phone: '07700 900222' });

    await page.getByRole('tab', { name: 'Consents' }).click();
    await page.getByRole('button', { name: 'New consent' }).click();
    await page.getByRole('menuitem', { name: microneedlingTemplate.title }).click();
    const guardianSigns = page.getByRole('checkbox', { name: 'A parent or guardian signs for the client' });
    expect(await guardianSigns.isChecked()).toBe(true);
    expect(await guardianSigns.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Start client mode' }).click();
    await page.getByRole('heading', { level: 1, name: `Welcome, ${name}` }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();

    // The guardian's details come first, before any section.
    await page.getByRole('heading', { level: 1, name: 'Who is signing' }).waitFor();
    // Next without the guardian's details is refused here, not at the end of the form.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Enter the guardian’s name.').waitFor();
    await page.getByText('Enter their relationship to the client.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Who is signing' }).waitFor();
    await saveScreenshot(page, '86-consent-client-mode-guardian-needed');
    await page.getByRole('textbox', { name: 'Guardian’s full name' }).fill('Sara Young');
    await page.getByRole('textbox', { name: 'Relationship to the client' }).fill('Mother');
    await fillSectionsAsPlanned(page, microneedlingTemplate, plannedAnswers(microneedlingTemplate, {}));
    await page.getByRole('heading', { level: 1, name: 'Your signature' }).waitFor();
    await page.getByText(`Sara Young, guardian of ${name}`).waitFor();
    await drawOn(page, page.getByRole('img', { name: /^Signature pad/ }), signaturePath);
    await page.getByRole('img', { name: 'Signature pad, signed.' }).waitFor();
    await page.getByRole('button', { name: 'I have signed' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    await handBackToStaff(page);
    await drawOn(page, page.getByRole('img', { name: /^Signature pad/ }), signaturePath);
    await page.getByRole('img', { name: 'Signature pad, signed.' }).waitFor();
    await page.getByRole('button', { name: 'Countersign and create the PDF' }).click();
    await page.getByRole('heading', { level: 1, name: 'Consent signed' }).waitFor({ timeout: 60_000 });
    await page.getByText(`Signed by Sara Young (Mother) for ${name}`, { exact: false }).waitFor();
    await saveScreenshot(page, '84-consent-signed-by-guardian');

    expect(app.faults).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  }, 300_000);

  it('withdrawing marketing: the card no longer says marketing is allowed, and the photography status lists what is allowed now', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    const name = await addClient(page, { firstName: 'Noor', lastName: 'Haddad', dateOfBirth: '09/09/1991', phone: '07700 900333' });

    // Set-up: a photography consent allowing everything, signed as client mode would send it.
    const services = app.runtime.current().services;
    const clientId = (services.db.prepare('SELECT id FROM client').get() as { id: string }).id;
    const template = services.consentTemplates.get('photography', null);
    const random = new SeededRandom(5);
    const ink = () => syntheticInk(random, 'signature');
    const staffId = (services.db.prepare('SELECT id FROM staff').get() as { id: string }).id;
    await services.consents.sign(staffId, clientId, null, {
      templateId: 'photography',
      templateVersion: template.version,
      answers: {},
      initials: {},
      photography: { clinicalRecord: true, teaching: true, marketingFaceVisible: true, marketingFaceHidden: true },
      guardian: null,
      signatures: { client: { ink: await ink(), drawnAt: null }, guardian: null, witness: null, practitioner: { ink: await ink(), drawnAt: null } },
    });

    await page.getByRole('tab', { name: 'Consents' }).click();
    const card = page.getByRole('article', { name: template.content.title });
    await card.getByText('Marketing, face visible: Allowed').waitFor();
    await card.getByRole('button', { name: 'Withdraw…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a withdrawal' });
    await dialog.getByRole('checkbox', { name: 'Marketing, face visible' }).check();
    await dialog.getByRole('checkbox', { name: 'Marketing, face hidden' }).check();
    await dialog.getByRole('button', { name: 'Record withdrawal' }).click();
    await dialog.waitFor({ state: 'detached' });

    await card.getByText(/^Marketing, face visible: Withdrawn /).waitFor();
    await card.getByText(/^Marketing, face hidden: Withdrawn /).waitFor();
    expect(await card.getByText('Marketing, face visible: Allowed').count()).toBe(0);
    await card.getByText('Photos for the clinical record: Allowed').waitFor();
    await page.getByText('Allowed now: Photos for the clinical record, Anonymised teaching').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, '85-consents-tab-marketing-withdrawn');
    await profileHeading(page, name).waitFor();

    expect(app.faults).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  }, 300_000);
});
