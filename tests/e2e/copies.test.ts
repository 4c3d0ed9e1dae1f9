import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answeredHistory } from '../support/medical-history';
import { startSmtpCatcher } from '../support/smtp-catcher';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { profileHeading, searchClients } from './support/records';
import { saveScreenshot, screenshotFolder, screenshotsTaken } from './support/screenshots';
import { expectSignedIn, openNav, signIn } from './support/screens';

const harness = useAppPerTest();

const pdfText = (bytes: Uint8Array) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: Buffer.from(bytes) })
    .toString('utf8')
    .replace(/\s+/g, ' ');

describe('copies for clients and GPs', () => {
  it('prints a session record, and e-mails a copy to the client through the clinic’s mail account', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir);
    const app = await harness.launch({ dataDir });
    const smtp = await startSmtpCatcher();
    try {
      const { page } = app;
      await signIn(page, clinic.admin.name, clinic.admin.password);
      await expectSignedIn(page);

      // A client with a session on record (made through the same services the screens use).
      const { services, staff } = app.runtime.current();
      const client = services.clients.create(staff.id, { firstName: 'Zoë', lastName: 'Nguyễn', email: 'zoe@example.org', gp: 'Dr A. Ali\nQuay Surgery, Falmouth' });
      services.medicalHistory.record(staff.id, client.id, answeredHistory());
      services.sessions.record(
        staff.id,
        client.id,
        null,
        {
          performedAt: new Date(Date.now() - 3_600_000).toISOString(),
          device: { kind: 'pen', make: 'Dr. Pen', model: 'M8', settings: '' },
          cartridge: { name: '16-pin cartridge', lot: 'CART-2291', expiry: '2030-06-30' },
          anaesthetic: { product: '', appliedAt: null },
          skinPrep: '',
          areas: [{ area: 'forehead', depthMm: 0.5, passes: 3 }],
          products: [],
          endpoint: 'even-erythema',
          immediateReaction: 'Even erythema',
          aftercareGiven: true,
          notes: '',
        },
        { noConsentReason: 'Paper consent signed this morning; scanned tomorrow.' },
      );

      // Settings → E-mail: the clinic's own account (a local server for the test).
      await openNav(page, 'Settings');
      await page.getByRole('tab', { name: 'E-mail' }).click();
      await page.getByRole('textbox', { name: 'Mail server (SMTP)' }).fill('127.0.0.1');
      await page.getByRole('textbox', { name: 'Port' }).fill(String(smtp.port));
      await page.getByRole('radio', { name: 'None (local relay only)' }).check();
      await page.getByRole('textbox', { name: 'User name' }).fill('desk');
      await page.getByLabel('Password', { exact: true }).fill('mail password 77');
      await page.getByRole('textbox', { name: 'Send from address' }).fill('desk@harbour.example');
      await page.getByRole('button', { name: 'Save e-mail account' }).click();
      await page.getByText('A password is saved. Leave this empty to keep it.').waitFor();
      expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
      await saveScreenshot(page, '90-settings-email');

      // The session, printed: the exception it was done under is on the paper.
      await openNav(page, 'Clients');
      await searchClients(page, app.calls, 'zoë');
      await page.getByRole('option', { name: /Zoë Nguyễn/ }).click();
      await profileHeading(page, 'Zoë Nguyễn').waitFor();
      await page.getByRole('tab', { name: 'Treatments' }).click();
      await page.getByRole('button', { name: /Forehead 0.5 mm/ }).click();
      await page.getByRole('button', { name: /^Print session of/ }).click();
      await page.getByText('The session, with its consent and exceptions, went to the print dialog.').waitFor();
      const printed = pdfText(app.printRequests.at(-1)!.bytes);
      expect(printed).toContain('Paper consent signed this morning; scanned tomorrow.');
      expect(printed).toContain('Harbour Skin Studio');
      expect(printed).toMatch(/Page 1 of 1/);
      if (screenshotsTaken) {
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', '-', join(screenshotFolder, '91-session-record-pdf')], {
          input: Buffer.from(app.printRequests.at(-1)!.bytes),
        });
      }

      // E-mail: asked first, then sent to the client's address with the PDFs attached.
      const emailSection = page.getByRole('region', { name: 'Copy by e-mail' });
      await emailSection.getByText('Not asked yet.').waitFor();
      await emailSection.getByRole('button', { name: 'Client agrees' }).click();
      await emailSection.getByText(/^Agreed \(/).waitFor();
      await emailSection.getByRole('button', { name: /^E-mail a copy to the client: session of/ }).click();
      await page.getByText('The copy went to the client’s e-mail address.').waitFor();
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]!.to).toEqual(['zoe@example.org']);
      expect(smtp.mails[0]!.raw.match(/Content-Disposition: attachment/g)).toHaveLength(2);
      await saveScreenshot(page, '92-session-copies');
      expect(app.faults).toEqual([]);
    } finally {
      await smtp.close();
    }
  });
});
