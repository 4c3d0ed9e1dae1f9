import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../main/demo/seeded-random';
import { ComparisonExporter } from '../../main/photos/comparison-exporter';
import { cancellingPorts } from '../support/desktop';
import { ComparisonExportRequest } from '../../shared/photos/comparison-export';
import { microneedlingForm } from '../support/consent-forms';
import { answeredHistory } from '../support/medical-history';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { profileHeading, searchClients } from './support/records';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, openNav, signIn, signOut } from './support/screens';
import { frontPhoto, rotatedPhoto } from './support/synthetic-photos';

const harness = useAppPerTest();

describe('a client’s record where it is read', () => {
  it('the client’s own audit trail lists a photo export and the consent signed, and "Export record" saves the whole record, in words, into a new folder', async () => {
    const { dataDir, scratch } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const exportFolder = join(scratch, 'Record export');
    const app = await harness.launch({ dataDir, savePath: exportFolder });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);

    // Rosa signs a consent with photography choices, has two photos, and one comparison is exported.
    const { services, staff } = app.runtime.current();
    const rosa = services.clients.create(staff.id, { firstName: 'Rosa', lastName: 'Access', dateOfBirth: '1988-06-30' });
    const consent = await services.consents.sign(staff.id, rosa.id, null, await microneedlingForm(services, new SeededRandom(5), 'None'));
    const results = await services.photos.import(staff.id, {
      clientId: rosa.id,
      labels: { view: 'front', stage: 'before' },
      files: [
        { fileName: 'before.jpg', bytes: await frontPhoto() },
        { fileName: 'after.jpg', bytes: await rotatedPhoto(), labels: { view: 'front', stage: 'after' } },
      ],
    });
    const [before, after] = results.map((result) => (result.outcome === 'imported' ? result.photo.id : ''));
    // Two history versions (the first with a declined answer) and a session done deeper than the
    // clinic's maximum, confirmed: the export must carry both versions and the exception.
    services.medicalHistory.record(staff.id, rosa.id, answeredHistory({ diabetes: { answer: 'declined', detail: '' } }));
    services.medicalHistory.record(staff.id, rosa.id, answeredHistory());
    services.sessions.record(
      staff.id,
      rosa.id,
      null,
      {
        performedAt: new Date().toISOString(),
        device: { kind: 'pen', make: 'Dr. Pen', model: 'M8', settings: '' },
        anaesthetic: { product: '', appliedAt: null },
        skinPrep: 'Chlorhexidine',
        areas: [{ area: 'cheek-right', depthMm: 1.2, passes: 2 }],
        endpoint: 'even-erythema',
        immediateReaction: '',
        aftercareGiven: true,
        notes: '',
      },
      { depthsConfirmed: true },
    );
    const exporter = new ComparisonExporter({ ...cancellingPorts, chooseSavePath: async () => join(scratch, 'comparison.jpg') });
    const exported = await exporter.export(services, staff.id, ComparisonExportRequest.parse({ firstId: before, secondId: after, use: 'clinical', format: 'jpeg' }));
    expect(exported.outcome).toBe('saved');

    await openNav(page, 'Clients');
    await searchClients(page, app.calls, 'rosa');
    await page.getByRole('option', { name: /Rosa Access/ }).click();
    await profileHeading(page, 'Rosa Access').waitFor();

    // The trail from her profile: what was done to her photos and consents is there.
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Audit trail' }).click();
    const table = page.getByRole('table', { name: 'Audit trail rows, newest first' });
    await expect.poll(() => page.getByRole('combobox', { name: 'Client' }).inputValue(), { timeout: 20_000 }).toBe('Rosa Access');
    const row = (text: RegExp) => table.getByRole('row').filter({ hasText: text });
    await row(/Exported photos/)
      .first()
      .waitFor({ timeout: 20_000 });
    await row(/Imported photo/)
      .first()
      .waitFor();
    await row(/Signed consent/)
      .first()
      .waitFor();
    const trailRows = services.auditTrail.find(staff.id, { clientId: rosa.id, staffId: null, actions: [], fromDay: null, toDay: null }, { limit: 100, beforeSeq: null }).rows;
    expect(trailRows.map((r) => r.action)).toEqual(expect.arrayContaining(['photo.export', 'photo.import', 'consent.sign', 'client.create']));
    expect(trailRows.some((r) => r.entityId === consent.id)).toBe(true);
    await checkAccessibility(page, 'client audit trail with photos and consents');
    await saveScreenshot(page, '64a-client-audit-trail-photos-consents');

    // Over 110 is asked about on the form, and the main process takes the answer with the date.
    await openNav(page, 'Clients');
    await searchClients(page, app.calls, 'rosa');
    await page.getByRole('option', { name: /Rosa Access/ }).click();
    await profileHeading(page, 'Rosa Access').waitFor();
    await page.getByRole('button', { name: 'Edit details' }).click();
    const birth = page.getByRole('textbox', { name: 'Date of birth' });
    await birth.fill('01/01/1910');
    await birth.blur();
    await page.getByRole('checkbox', { name: /^Yes, born 01\/01\/1910: \d+ years old$/ }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await profileHeading(page, 'Rosa Access').waitFor();
    expect(services.clients.get(rosa.id).dateOfBirth).toBe('1910-01-01');

    // Right of access from the screen: Export record, through the save dialog, into a new folder.
    await page.getByRole('button', { name: 'More actions' }).click();
    await saveScreenshot(page, '64b-profile-more-actions-export-record');
    await page.getByRole('menuitem', { name: 'Export record…' }).click();
    await page.getByText('Record exported').waitFor({ timeout: 60_000 });
    await page.getByText(/files in the folder “Record export”\. Open index\.pdf first\./).waitFor();
    await saveScreenshot(page, '64c-record-exported');
    expect(app.saveRequests.at(-1)).toMatchObject({ defaultName: expect.stringMatching(/^Record export \d{4}-\d{2}-\d{2}$/) });
    expect(app.saveRequests.at(-1)?.defaultName).not.toContain('Rosa');

    // The same export as the CLI: every part of the record, with an index.
    const files = readdirSync(exportFolder).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'amendments.csv',
        'audit-trail.csv',
        'consents',
        'consents.csv',
        'consents.json',
        'courses.csv',
        'exceptions.csv',
        'index.pdf',
        'medical-history.csv',
        'medical-history.json',
        'photos',
        'profile.csv',
        'profile.json',
        'sessions.csv',
        'sessions.json',
      ]),
    );
    expect(JSON.parse(readFileSync(join(exportFolder, 'profile.json'), 'utf8'))).toMatchObject({ id: rosa.id, lastName: 'Access' });
    expect(readdirSync(join(exportFolder, 'consents'))).toHaveLength(1);
    expect(readdirSync(join(exportFolder, 'photos')).filter((name) => name.endsWith('.jpg'))).toHaveLength(2);
    // Readable by the client: every spreadsheet in words, none with JSON, codes, ids or UTC times.
    const csv = (name: string) => readFileSync(join(exportFolder, name), 'utf8');
    for (const name of [...files.filter((file) => file.endsWith('.csv')), 'photos/photos.csv']) {
      expect(csv(name), name).not.toMatch(/[{[]"|\d{4}-\d{2}-\d{2}T|[0-9a-f]{8}-[0-9a-f]{4}-|cheek-right|even-erythema|\b(?:photo|consent|session|client)\.[a-z-]+\b/);
    }
    expect(csv('profile.csv')).toContain('Date of birth,01/01/1910');
    // Every history version, answers in words: the declined answer is never a "No".
    const history = csv('medical-history.csv');
    expect(history).toContain('Version,Recorded,Recorded by,Question,Answer');
    expect(
      new Set(
        history
          .split('\r\n')
          .slice(1, -1)
          .map((line) => line.split(',')[0]),
      ),
    ).toEqual(new Set(['1 of 2', '2 of 2']));
    expect(history).toMatch(/1 of 2,[^\r\n]*,Diabetes,Client declined to answer/);
    expect(csv('sessions.csv')).toContain('Right cheek 1.2 mm, 2 passes');
    expect(csv('exceptions.csv')).toMatch(/Depth above the clinic maximum \(confirmed\),Right cheek: 1\.2 mm \(clinic maximum 1 mm\),Confirmed by the practitioner,/);
    expect(csv('photos/photos.csv')).toContain('File,View,Stage,Taken,');
    // Who looked at or changed the record, in the audit trail's words and with staff names.
    const trailCsv = csv('audit-trail.csv');
    expect(trailCsv.split('\r\n')[0]).toBe('\uFEFFWhen,Who,What,Concerning');
    expect(trailCsv).toContain(`,${clinic.admin.name},Exported photos,A photo`);
    expect(trailCsv).toContain(`,${clinic.admin.name},Signed consent,A consent form`);
    expect(trailCsv).toContain(`,${clinic.admin.name},Changed client details,The client record`);
    // The index opens with the treatment history in words.
    const index = execFileSync('pdftotext', ['-enc', 'UTF-8', join(exportFolder, 'index.pdf'), '-'])
      .toString('utf8')
      .replace(/\s+/g, ' ');
    expect(index).toMatch(/Consent forms Microneedling[^.]*version 1\.0, signed \d\d\/\d\d\/\d{4}: In force until/);
    expect(index).toMatch(/Session 1, \d\d\/\d\d\/\d{4}, by [^:]+: Right cheek 1\.2 mm × 2\. • Depth above the clinic maximum \(confirmed\)/);
    expect(index).toContain('Version 2, ');
    expect(index).toContain('2 photos, in the folder "photos".');
    const exportRow = services.db.prepare(`SELECT staff_id, detail FROM audit_event WHERE action = 'client.export' AND entity_id = ?`).get(rosa.id) as { staff_id: string; detail: string };
    expect(exportRow).toMatchObject({ staff_id: staff.id, detail: expect.stringMatching(/^files=\d+ consents=1$/) });

    expect(app.faults).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  }, 300_000);

  it('reception sees and changes only contact details: the profile and edit form show no clinical field, and a phone change keeps the notes and skin type', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    const { services, staff } = app.runtime.current();
    await services.staff.add(staff.id, { name: clinic.reception.name, role: 'reception', password: clinic.reception.password });
    const clinical = { gp: 'Dr Rivers, Harbour Surgery', fitzpatrick: 4, concerns: ['pigmentation' as const], notes: 'Keloid tendency on the jaw line.' };
    const rosa = services.clients.create(staff.id, {
      firstName: 'Rosa',
      lastName: 'Desk',
      dateOfBirth: '1988-06-30',
      phone: '07700 900111',
      email: 'rosa@example.org',
      address: '3 Quay Street',
      ...clinical,
    });
    await signOut(page, clinic.admin.name);

    await signIn(page, clinic.reception.name, clinic.reception.password);
    await expectSignedIn(page);
    await openNav(page, 'Clients');
    await searchClients(page, app.calls, 'rosa');
    await page.getByRole('option', { name: /Rosa Desk/ }).click();
    await profileHeading(page, 'Rosa Desk').waitFor();
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByText('07700 900111').waitFor();
    await details.getByText('3 Quay Street').waitFor();
    // Nothing clinical on the page: not the notes, GP, concerns or skin type, nor their labels.
    for (const text of [clinical.notes, clinical.gp, 'Pigmentation', /skin type/i, /^GP/, /^Notes$/, /^Skin concerns$/]) {
      expect(await page.getByText(text).count(), String(text)).toBe(0);
    }
    expect(app.calls.some((call) => call.channel === 'clients.profile')).toBe(false);
    await checkAccessibility(page, 'client profile as reception');
    await saveScreenshot(page, '64d-profile-as-reception');

    // The edit form: identity and contact only.
    await page.getByRole('button', { name: 'Edit details' }).click();
    const form = page.getByRole('form', { name: /Edit/ });
    await form.getByRole('textbox', { name: 'Phone' }).waitFor();
    for (const label of ['GP / doctor', 'Notes', 'Skin concerns']) expect(await form.getByLabel(label, { exact: true }).count(), label).toBe(0);
    expect(await form.getByRole('radio', { name: /^Type IV\b/ }).count()).toBe(0);
    await saveScreenshot(page, '64e-edit-client-as-reception');
    await form.getByRole('textbox', { name: 'Phone' }).fill('07700 900222');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await profileHeading(page, 'Rosa Desk').waitFor();
    await details.getByText('07700 900222').waitFor();

    // Only the phone was sent, and the clinical fields are as the practitioner left them.
    const sent = app.calls.filter((call) => call.channel === 'clients.updateContact').map((call) => call.input);
    expect(sent).toEqual([{ id: rosa.id, fields: { phone: '07700 900222' }, dateOfBirthConfirmed: false }]);
    expect(services.clients.get(rosa.id)).toMatchObject({ phone: '07700 900222', address: '3 Quay Street', ...clinical });
    expect(app.faults).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  }, 300_000);
});
