import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aftercareSheet } from '../../shared/clinical/aftercare';
import { microneedlingTemplate } from '../../shared/consents/built-in-templates';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { answer, dotPath, drawOn, fillSectionsAsPlanned, initialsPath, plannedAnswers, saveTouchscreenShot, signaturePath } from './support/consent-steps';
import { recordHistoryWithNothingToReport } from './support/history';
import { fillClientForm, profileHeading } from './support/records';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, invokeFromPage, noteRetryCountdown, openNav, signIn } from './support/screens';

const harness = useAppPerTest();

/** Greek and Cyrillic: the PDF must carry the name in its own letters. */
const client = { firstName: 'Ψάπφω', lastName: 'Иванова', dateOfBirth: '20/11/1985', phone: '07700 900456' } as const;
const fullName = `${client.firstName} ${client.lastName}`;

/** The one answer that needs the practitioner's attention, with its detail. */
const changedDetail = 'Started vitamin D tablets in October';

function pdfText(bytes: Uint8Array): string {
  // Straight from memory through a pipe: the signed PDF never lands in a file.
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: Buffer.from(bytes) })
    .toString('utf8')
    .replace(/\s+/g, ' ');
}

describe('consent signing in client mode, countersigned, printed and kept unalterable', () => {
  it('a client signs the microneedling consent with drawn initials and signature, the practitioner countersigns, the PDF holds every answer and its version, and it stays on that version after a new one is published', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);

    await openNav(page, 'Clients');
    await page.getByRole('button', { name: 'Add the first client' }).click();
    await fillClientForm(page, client);
    await page.getByRole('button', { name: 'Add client' }).click();
    await profileHeading(page, fullName).waitFor();

    // No consent yet: the header says so and offers to start one.
    await page.getByText('Consent needed', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Consents' }).click();
    await page.getByText('No consent signed yet').waitFor();
    await page.getByRole('button', { name: 'New consent' }).click();
    await page.getByRole('menuitem', { name: microneedlingTemplate.title }).click();
    await page.getByRole('heading', { level: 1, name: 'Hand the screen to the client' }).waitFor();
    await checkAccessibility(page, 'consent: hand over');
    await page.getByRole('button', { name: 'Start client mode' }).click();

    // Client mode: the form alone, big, step by step.
    await page.getByRole('heading', { level: 1, name: `Welcome, ${fullName}` }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByRole('banner').getByRole('button', { name: /^Lock/ }).count()).toBe(0);
    await checkAccessibility(page, 'client mode: welcome');
    await saveScreenshot(page, '30-consent-client-mode-welcome');
    await saveTouchscreenShot(page, '31-consent-client-mode-welcome-1280x800');

    // The client cannot get out or reach a record: Escape and Ctrl+K do nothing, and the main
    // side refuses record channels while the form is on screen (the session is locked).
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+K');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('heading', { level: 1, name: `Welcome, ${fullName}` }).waitFor();
    const reached = await invokeFromPage(page, 'clients.find', { text: 'Ψάπφω', offset: 0, limit: 8 });
    expect(reached.ok).toBe(false);
    expect(reached.error?.code).toBe('LOCKED');

    const planned = plannedAnswers(microneedlingTemplate, { 'history-changed': changedDetail });
    await page.getByRole('button', { name: 'Next' }).click();
    for (const section of microneedlingTemplate.sections) {
      await page.getByRole('heading', { level: 1, name: section.title }).waitFor();
      if (section.id === 'medical-history') {
        // Next with nothing answered: each question and the initials say what is missing.
        await page.getByRole('button', { name: 'Next' }).click();
        await page.getByText('Please answer yes or no.').first().waitFor();
        await page.getByText(/Please draw your initials here/).waitFor();
        await checkAccessibility(page, 'client mode: questions with messages');
      }
      for (const question of section.questions) await answer(page, question, planned.get(question.id)!.text);
      if (section.photography) {
        await page.getByRole('checkbox', { name: section.photography.clinicalRecord }).check();
        await page.getByRole('checkbox', { name: section.photography.marketingFaceHidden }).check();
        await saveScreenshot(page, '34-consent-client-mode-photography');
      }
      if (section.initials) {
        await drawOn(page, page.getByRole('img', { name: /^Initials pad/ }), initialsPath);
        await page.getByRole('img', { name: 'Initials pad, initialled.' }).waitFor();
      }
      // Pictures of a section show its end: the last answers, the initials and Next.
      const toBottom = () =>
        page.locator('[data-client-mode] main').evaluate((body: { scrollTop: number; scrollHeight: number }) => {
          body.scrollTop = body.scrollHeight;
        });
      if (section.id === 'procedure') {
        await toBottom();
        await saveScreenshot(page, '32-consent-client-mode-section');
        await saveTouchscreenShot(page, '33-consent-client-mode-section-1280x800', toBottom);
      }
      if (section.id === 'medical-history') {
        await saveTouchscreenShot(page, '35-consent-client-mode-questions-1280x800', toBottom);
      }
      await page.getByRole('button', { name: 'Next' }).click();
    }

    // The signature: nothing, then a dot, are refused with a clear message.
    await page.getByRole('heading', { level: 1, name: 'Your signature' }).waitFor();
    await page.getByRole('button', { name: 'I have signed' }).click();
    await page.getByText('Please sign here. A dot or a short line is not enough.').waitFor();
    const signaturePad = page.getByRole('img', { name: /^Signature pad/ });
    await drawOn(page, signaturePad, dotPath);
    await page.getByRole('img', { name: 'Signature pad, signed.' }).waitFor();
    await page.getByRole('button', { name: 'I have signed' }).click();
    await page.getByText(/This signature is too small/).waitFor();
    await page.getByRole('button', { name: 'Clear the signature' }).click();
    await drawOn(page, signaturePad, signaturePath);
    await page.getByRole('img', { name: 'Signature pad, signed.' }).waitFor();
    await checkAccessibility(page, 'client mode: signature');
    await saveTouchscreenShot(page, '36-consent-client-mode-signature-1280x800');
    await page.getByRole('button', { name: 'I have signed' }).click();

    // Hand back: a wrong password keeps the client form; the right one opens the review.
    await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    await page.getByRole('button', { name: 'Hand back to staff' }).click();
    const handBack = page.getByRole('dialog', { name: 'Staff password' });
    await handBack.getByLabel(`Password for ${clinic.admin.name}`).fill('not the password');
    // The countdown lasts a second: on a busy machine it can be over before the test looks, so
    // the page itself notes what it showed the moment the countdown appeared.
    const countdown = await noteRetryCountdown(page, 'Continue as staff');
    await handBack.getByRole('button', { name: 'Continue as staff' }).click();
    await handBack.getByText(/password is not right/i).waitFor();
    // The dialog said how long to wait and held the button until then, as a person would see.
    await expect.poll(countdown).toMatchObject({ text: expect.stringMatching(/You can try again in \d+ seconds?/), disabled: true });
    const continueAsStaff = handBack.getByRole('button', { name: 'Continue as staff' });
    await checkAccessibility(page, 'client mode: staff password');
    await continueAsStaff.and(page.locator(':enabled')).waitFor();
    await handBack.getByLabel(`Password for ${clinic.admin.name}`).fill(clinic.admin.password);
    await continueAsStaff.click();

    // The practitioner's review: the flagged answer first, then the countersignature.
    await page.getByRole('heading', { level: 1, name: 'Practitioner review' }).waitFor();
    const flagged = page.getByRole('region', { name: '1 answer to go through with the client' });
    await flagged.getByText(changedDetail, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Countersign and create the PDF' }).click();
    await page.getByText('Please countersign here. A dot or a short line is not enough.').waitFor();
    await drawOn(page, page.getByRole('img', { name: /^Signature pad/ }), signaturePath);
    await page.getByRole('img', { name: 'Signature pad, signed.' }).waitFor();
    await checkAccessibility(page, 'practitioner review');
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, '37-consent-practitioner-review');
    await page.getByRole('button', { name: 'Countersign and create the PDF' }).click();
    await page.getByRole('heading', { level: 1, name: 'Consent signed' }).waitFor({ timeout: 60_000 });
    await checkAccessibility(page, 'consent signed');

    // Print hands the exact stored PDF to the print dialog.
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await page.getByText('Sent to the printer').waitFor();
    expect(app.printRequests).toHaveLength(1);

    // The stored row: its PDF hashes to the stored SHA-256, is what was printed, and reads back
    // the client's name in their own letters, every answer and the template version.
    const db = app.runtime.current().services.db;
    const row = db.prepare('SELECT id, pdf, pdf_sha256 FROM consent').get() as { id: string; pdf: Uint8Array; pdf_sha256: string };
    const pdf = new Uint8Array(row.pdf);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(row.pdf_sha256);
    expect(Buffer.from(app.printRequests[0]!.bytes).equals(Buffer.from(pdf))).toBe(true);
    const text = pdfText(pdf);
    expect(text).toContain(fullName);
    for (const { question, text: answerText } of planned.values()) {
      expect(text, question.label).toContain(question.label.replace(/\s+/g, ' '));
      expect(text, question.id).toContain(answerText);
    }
    expect(text).toMatch(/version 1\.0/i);

    // A signed consent cannot be changed, not even by someone with the database open.
    expect(() => db.prepare('UPDATE consent SET signed_at = ? WHERE id = ?').run(new Date().toISOString(), row.id)).toThrow(/cannot be changed/);

    // On the profile: valid, on version 1.0.
    await page.getByRole('button', { name: 'Back to the client' }).click();
    await profileHeading(page, fullName).waitFor();
    const card = page.getByRole('article', { name: microneedlingTemplate.title });
    await card.getByText(/^Version 1\.0 · signed/).waitFor();
    await card.getByText(/^Valid until/).waitFor();
    expect(await page.getByText('Consent needed', { exact: true }).count()).toBe(0);
    await checkAccessibility(page, 'consents tab');
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, '38-consents-tab');

    // A new major version of the template: the old consent keeps its own version and is out of date.
    await openNav(page, 'Settings');
    await page.getByRole('tab', { name: 'Consent templates' }).click();
    await page.getByRole('button', { name: `Edit ${microneedlingTemplate.title}` }).click();
    await page.getByRole('heading', { level: 2, name: `Edit “${microneedlingTemplate.title}”` }).waitFor();
    const firstTitle = page.getByRole('textbox', { name: 'Section title' }).first();
    await firstTitle.fill('The treatment and how it works');
    await checkAccessibility(page, 'template editor');
    await saveScreenshot(page, '39-consent-template-editor');
    // The consent statement is marked as one the client must agree to.
    const consentQuestion = page.getByRole('group', { name: 'Question: I consent to microneedling treatment as described, for the course agreed with my practitioner.' });
    const mustAgree = consentQuestion.getByRole('checkbox', { name: 'The client must agree (answer yes)' });
    expect(await mustAgree.isChecked()).toBe(true);
    await mustAgree.scrollIntoViewIfNeeded();
    await saveScreenshot(page, '39b-consent-template-editor-must-agree');
    await page.getByRole('button', { name: 'Publish as a new version…' }).click();
    const publish = page.getByRole('dialog', { name: 'Publish a new version' });
    await publish.getByRole('radio', { name: /^Major/ }).check();
    await publish.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Version 2.0 is now the one clients sign.').waitFor();
    await page.getByRole('cell', { name: /^2\.0/ }).first().waitFor();

    await openNav(page, 'Clients');
    await page.getByRole('option', { name: new RegExp(fullName) }).click();
    await profileHeading(page, fullName).waitFor();
    await page.getByText('Consent out of date', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Consents' }).click();
    const oldCard = page.getByRole('article', { name: microneedlingTemplate.title });
    await oldCard.getByText(/^Version 1\.0 · signed/).waitFor();
    await oldCard.getByText('Form changed since').waitFor();

    expect(app.faults).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  }, 300_000);

  it('a consent signed at session start with a witness: the witness names themselves and signs in client mode, the PDF shows them, and the aftercare sheet prints with it', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);

    const sessionClient = { firstName: 'Zoë', lastName: 'Nguyễn', dateOfBirth: '02/03/1990', phone: '07700 900789' } as const;
    const sessionName = `${sessionClient.firstName} ${sessionClient.lastName}`;
    const witnessName = 'Aled Rhys-Jones';
    await openNav(page, 'Clients');
    await page.getByRole('button', { name: 'Add the first client' }).click();
    await fillClientForm(page, sessionClient);
    await page.getByRole('button', { name: 'Add client' }).click();
    await profileHeading(page, sessionName).waitFor();
    await recordHistoryWithNothingToReport(page, sessionName);

    // Session start says the consent is missing and starts one for this session.
    await page.getByRole('button', { name: 'Start session' }).first().click();
    await page.getByRole('heading', { level: 1, name: `New session: ${sessionName}` }).waitFor();
    await page.getByRole('region', { name: 'Consent needed' }).getByRole('button', { name: 'Sign consent now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hand the screen to the client' }).waitFor();
    await page.getByRole('checkbox', { name: 'A witness signs too' }).check();
    await page.getByRole('button', { name: 'Start client mode' }).click();
    await page.getByRole('heading', { level: 1, name: `Welcome, ${sessionName}` }).waitFor();

    const planned = plannedAnswers(microneedlingTemplate, {});
    await fillSectionsAsPlanned(page, microneedlingTemplate, planned);
    await page.getByRole('heading', { level: 1, name: 'Your signature' }).waitFor();
    await drawOn(page, page.getByRole('img', { name: /^Signature pad/ }), signaturePath);
    await page.getByRole('img', { name: 'Signature pad, signed.' }).waitFor();
    await page.getByRole('button', { name: 'I have signed' }).click();

    // The witness's turn: neither a name nor a signature, then a name alone, are refused.
    await page.getByRole('heading', { level: 1, name: 'Witness' }).waitFor();
    await page.getByText(microneedlingTemplate.signatures.witness).waitFor();
    await page.getByRole('button', { name: 'I have signed' }).click();
    await page.getByText('Enter the witness’s full name.').waitFor();
    await page.getByText('The witness signs here. A dot or a short line is not enough.').waitFor();
    await page.getByRole('textbox', { name: 'Witness’s full name' }).fill(witnessName);
    await page.getByRole('button', { name: 'I have signed' }).click();
    await page.getByText('The witness signs here. A dot or a short line is not enough.').waitFor();
    expect(await page.getByText('Enter the witness’s full name.').count()).toBe(0);
    await drawOn(page, page.getByRole('img', { name: /^Signature pad/ }), signaturePath);
    await page.getByRole('img', { name: 'Signature pad, signed.' }).waitFor();
    await page.getByText(`${witnessName}, witness to ${sessionName}’s signature`).waitFor();
    await checkAccessibility(page, 'client mode: witness');
    await saveTouchscreenShot(page, '69-consent-client-mode-witness-1280x800');
    await page.getByRole('button', { name: 'I have signed' }).click();

    await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    await page.getByRole('button', { name: 'Hand back to staff' }).click();
    const handBack = page.getByRole('dialog', { name: 'Staff password' });
    await handBack.getByLabel(`Password for ${clinic.admin.name}`).fill(clinic.admin.password);
    await handBack.getByRole('button', { name: 'Continue as staff' }).click();

    // The review shows who witnessed; the countersignature makes the PDF.
    await page.getByRole('heading', { level: 1, name: 'Practitioner review' }).waitFor();
    await page.getByText(`Witnessed by ${witnessName}.`).waitFor();
    await page.getByRole('img', { name: 'The witness’s signature' }).waitFor();
    await drawOn(page, page.getByRole('img', { name: /^Signature pad/ }), signaturePath);
    await page.getByRole('img', { name: 'Signature pad, signed.' }).waitFor();
    await page.getByRole('button', { name: 'Countersign and create the PDF' }).click();
    await page.getByRole('heading', { level: 1, name: 'Consent signed' }).waitFor({ timeout: 60_000 });

    // For a session, Print sends the signed PDF and then the aftercare sheet, both with the client's name.
    await page.getByRole('button', { name: 'Print with aftercare sheet' }).click();
    await page.getByText('Sent to the printer').waitFor();
    await saveScreenshot(page, '70-consent-signed-for-session');
    expect(app.printRequests).toHaveLength(2);
    const db = app.runtime.current().services.db;
    const row = db.prepare('SELECT pdf FROM consent').get() as { pdf: Uint8Array };
    expect(Buffer.from(app.printRequests[0]!.bytes).equals(Buffer.from(row.pdf))).toBe(true);
    const consentText = pdfText(app.printRequests[0]!.bytes);
    // SKINLEDGER_LOOK_AT_PDF=folder keeps the two printed PDFs (synthetic client) to look at; never set in CI.
    const lookAt = process.env['SKINLEDGER_LOOK_AT_PDF'];
    if (lookAt) {
      writeFileSync(join(lookAt, 'witness-consent.pdf'), app.printRequests[0]!.bytes);
      writeFileSync(join(lookAt, 'aftercare.pdf'), app.printRequests[1]!.bytes);
    }
    expect(consentText).toContain(witnessName);
    // The role is set in spaced capitals, which pdftotext may split.
    expect(consentText).toMatch(/W\s*I\s*T\s*N\s*E\s*S\s*S/);
    expect(consentText).toContain(microneedlingTemplate.signatures.witness);
    const aftercareText = pdfText(app.printRequests[1]!.bytes);
    expect(aftercareText).toContain(aftercareSheet.title);
    expect(aftercareText).toContain(`For ${sessionName}`);
    expect(aftercareText).not.toContain(microneedlingTemplate.title);

    // Back to the session the consent was signed for, which no longer asks for one.
    await page.getByRole('button', { name: 'Back to the session' }).click();
    await page.getByRole('heading', { level: 1, name: `New session: ${sessionName}` }).waitFor();
    await page.getByRole('region', { name: 'Consent needed' }).waitFor({ state: 'detached' });

    // The aftercare sheet also prints on its own from the session form: the same PDF.
    await page.getByRole('button', { name: 'Print aftercare sheet' }).click();
    await page.getByText('The aftercare sheet went to the print dialog.', { exact: true }).waitFor();
    expect(app.printRequests).toHaveLength(3);
    expect(pdfText(app.printRequests[2]!.bytes)).toContain(`For ${sessionName}`);

    expect(app.faults).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  }, 300_000);
});
