import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readClientList } from '../../main/import/read-client-list';
import { guessMapping } from '../../shared/import/import-fields';
import { createTestStore } from '../support/store';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { searchClients } from './support/records';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, openNav, signIn } from './support/screens';

const harness = useAppPerTest();

const firstNames = ['Søren', 'José', 'François', 'Chloé', 'Björn', 'Ana', 'Siobhán', 'Maëlle'];
const lastNames = [
  'Ó Briain',
  'Müller',
  'García',
  'Dubois',
  'Nyström',
  'Kelly',
  'Rossi',
  'Fernández',
  'Novak',
  'Lefèvre',
  'Øberg',
  'Costa',
  'Schäfer',
  'Moreau',
  'Walsh',
  'Jansen',
  'Silva',
  'Brennan',
  'Keller',
  'Morel',
];

/**
 * A 1,000-row list as another system's export on a Windows PC writes it: Windows-1252, no
 * byte-order mark, semicolons, CRLF; one column whose header is not guessed (the admin maps it),
 * three rows that are clients already there and two rows that cannot be read.
 */
function otherSystemExport(): Buffer {
  const rows = ['Client Name;Date of Birth;Mobile;Alerts & warnings;Loyalty Points', 'Zoë Brontë;14/03/1988;07700 800000;Latex allergy;10'];
  for (let i = 1; i < 995; i++) {
    const birth = `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${1960 + (i % 40)}`;
    rows.push(`${firstNames[i % 8]} ${lastNames[Math.floor(i / 8) % 20]};${birth};07700 8${String(i).padStart(5, '0')};;${i % 50}`);
  }
  rows.push(rows[11]!, rows[21]!.replace(/;[^;]*;/, ';;'), 'Cara Doyle;;07700 900222;;0');
  rows.push('Cher;01/01/1970;;;0', 'Ben Jones;31/02/1980;;;0');
  return iconv.encode(rows.join('\r\n'), 'windows-1252');
}

describe('importing clients from another system, as the admin', () => {
  it('maps a column, dry-runs (3 matches, 2 bad rows), imports 995 and finds an imported Zoë', async () => {
    const { dataDir, scratch } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const file = join(scratch, 'old-system-clients.csv');
    writeFileSync(file, otherSystemExport());
    const app = await harness.launch({ dataDir, dialogs: { folder: null, openPath: file } });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    const { services, staff } = app.runtime.current();
    services.clients.create(staff.id, { firstName: 'Cara', lastName: 'Doyle', phone: '07700 900222' });

    await openNav(page, 'Settings');
    await page.getByRole('tab', { name: 'Import and export' }).click();
    await page.getByRole('button', { name: 'Choose a CSV file…' }).click();
    await page.getByText('old-system-clients.csv: 1000 rows, WINDOWS-1252, semicolons between cells').waitFor();
    // Guessed from the header; the one it could not guess is set by hand.
    await expect
      .poll(() =>
        page
          .getByRole('textbox', { name: 'Becomes, for the column “Client Name”' })
          .or(page.getByRole('combobox', { name: 'Becomes, for the column “Client Name”' }))
          .inputValue(),
      )
      .toBe('Full name');
    await page
      .getByRole('textbox', { name: 'Becomes, for the column “Alerts & warnings”' })
      .or(page.getByRole('combobox', { name: 'Becomes, for the column “Alerts & warnings”' }))
      .click();
    await page.getByRole('option', { name: 'Notes' }).click();
    await saveScreenshot(page, '60-import-mapping');

    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await page.getByText('Dry run, nothing written yet: 995 will be added, 3 match a recorded client, 2 cannot be imported.').waitFor();
    const attention = page.getByRole('table', { name: 'Rows to look at' });
    await attention.getByRole('row', { name: /Cara Doyle.*same phone/ }).waitFor();
    await attention.getByRole('row', { name: /Cher.*one word/ }).waitFor();
    await attention.getByRole('row', { name: /Ben Jones.*not a date/ }).waitFor();
    expect(services.clients.count()).toBe(1);
    await checkAccessibility(page, 'client import dry run');
    await saveScreenshot(page, '61-import-dry-run');

    await page.getByRole('button', { name: 'Import 995 clients' }).click();
    await page.getByTestId('import-result').getByText('Added 995, left 3 recorded clients as they are, filled in 0, could not import 2.').waitFor();
    await saveScreenshot(page, '62-import-done');
    expect(services.clients.count()).toBe(996);

    await openNav(page, 'Clients');
    await searchClients(page, app.calls, 'zoe bronte');
    await page
      .getByRole('option', { name: /Zoë Brontë/ })
      .or(page.getByRole('row', { name: /Zoë Brontë/ }))
      .first()
      .waitFor();
    const zoe = services.clients.find('zoe bronte', { offset: 0, limit: 1 }).clients[0]!;
    expect(services.clients.get(zoe.id)).toMatchObject({ dateOfBirth: '1988-03-14', notes: 'Latex allergy' });
    expect(app.faults).toEqual([]);
  });

  it('exports everything into a new folder, and its clients.csv imports back into a new clinic', async () => {
    const { dataDir, scratch } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const usb = join(scratch, 'usb');
    mkdirSync(usb);
    const app = await harness.launch({ dataDir, dialogs: { folder: usb, openPath: null } });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    const { services, staff } = app.runtime.current();
    services.clients.create(staff.id, { firstName: 'Zoë', lastName: 'Brontë', dateOfBirth: '1988-03-14', notes: 'Latex allergy' });
    services.clients.create(staff.id, { firstName: 'Søren', lastName: 'Nyström', phone: '07700 900333' });

    await openNav(page, 'Settings');
    await page.getByRole('tab', { name: 'Import and export' }).click();
    await page.getByRole('button', { name: 'Export everything…' }).click();
    await page
      .getByText(/^2 clients, \d+ files, in the folder “SkinLedger export \d{4}-\d{2}-\d{2}”/)
      .first()
      .waitFor();
    await saveScreenshot(page, '63-export-everything');
    const [exported] = readdirSync(usb);
    expect(readdirSync(join(usb, exported!)).sort()).toEqual(['README.txt', 'audit-trail.csv', 'clients', 'clients.csv', 'consent-templates', 'staff.csv']);

    // Walk in again: the export's clients.csv into another clinic gives the same two clients.
    const other = await createTestStore(join(scratch, 'other'));
    const list = readClientList(readFileSync(join(usb, exported!, 'clients.csv')));
    const result = await other.services.clientImport.run(other.admin.id, list, { fileName: 'clients.csv', mapping: guessMapping(list.headers), dateOrder: 'dmy', matching: 'skip' });
    expect(result.added).toBe(2);
    expect(other.services.clients.count()).toBe(services.clients.count());
    expect(app.faults).toEqual([]);
  });
});
