import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../main/app';
import { purgeClientConsents } from '../../main/consents/purge-gate';
import { SeededRandom } from '../../main/demo/seeded-random';
import { microneedlingTemplate } from '../../shared/consents/built-in-templates';
import { allQuestions } from '../../shared/consents/template';
import { microneedlingForm as signedForm } from '../support/consent-forms';
import { createTestStore, TestClock } from '../support/store';
import { filesUnder, tempFolder } from '../support/temp-folder';

const folder = tempFolder('skinledger-consents-');
const clock = new TestClock();
let services: Services;
let adminId: string;
let clientId: string;
const random = new SeededRandom(7);

const answerDetail = 'Filler in the chin 3 weeks ago (Ωμέγα clinic)';

const microneedlingForm = () => signedForm(services, random, answerDetail);

function pdfText(bytes: Uint8Array): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: Buffer.from(bytes) }).toString('utf8');
}

interface TextLine {
  text: string;
  yMin: number;
  yMax: number;
  pageHeight: number;
}

/** Each page's lines of text from top to bottom, with their vertical place (pdftotext -bbox-layout). */
function textLinesByPage(bytes: Uint8Array): TextLine[][] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', '-', '-'], { input: Buffer.from(bytes) }).toString('utf8');
  return html
    .split('<page ')
    .slice(1)
    .map((page) => {
      const pageHeight = Number(/height="([\d.]+)"/.exec(page)?.[1]);
      const lines = [...page.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((match) => ({
        yMin: Number(match[1]),
        yMax: Number(match[2]),
        text: [...match[3]!.matchAll(/>([^<]*)<\/word>/g)].map((word) => word[1]).join(' '),
        pageHeight,
      }));
      return lines.sort((a, b) => a.yMin - b.yMin);
    });
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  const store = await createTestStore(folder.path, clock);
  services = store.services;
  adminId = store.admin.id;
  clientId = services.clients.create(adminId, { firstName: 'Zoë', lastName: 'Nguyễn Кузнецова', dateOfBirth: '1990-04-01' }).id;
}, 60_000);
afterAll(() => {
  services.close();
  folder.remove();
});

describe('signing a consent', () => {
  let consentId: string;
  let pdf: Uint8Array;

  it('stores the PDF with its SHA-256 and the form hash, and the status turns valid', async () => {
    expect(services.consents.status(clientId).microneedling.state).toBe('needed');
    const signed = await services.consents.sign(adminId, clientId, null, await microneedlingForm());
    consentId = signed.id;
    pdf = services.consents.pdf(adminId, consentId).bytes;
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    // SKINLEDGER_LOOK_AT_PDF=folder keeps a copy to look at (pdftoppm); never set in CI.
    if (process.env['SKINLEDGER_LOOK_AT_PDF']) writeFileSync(join(process.env['SKINLEDGER_LOOK_AT_PDF'], 'consent.pdf'), pdf);
    expect(signed.pdfSha256).toBe(sha256(pdf));
    const row = services.db.prepare('SELECT form_json, form_sha256 FROM consent WHERE id = ?').get(consentId) as { form_json: string; form_sha256: string };
    expect(row.form_sha256).toBe(sha256(row.form_json));
    expect(signed.version).toEqual({ major: 1, minor: 0 });
    expect(signed.signers.map((s) => s.role)).toEqual(['client', 'witness', 'practitioner']);
    expect(signed.flaggedQuestions).toHaveLength(1);
    expect(services.consents.status(clientId).microneedling).toMatchObject({ state: 'valid', validUntil: '2027-11-25' });
  });

  it('the PDF text holds the non-Latin names, every answer, the choices and the template version', () => {
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Zoë Nguyễn Кузнецова');
    expect(text).toContain('Ελένη Παπαδοπούλου');
    expect(text).toContain('Ada Admin');
    expect(text).toContain('Template version 1.0');
    expect(text).toContain('version 1.0 · document');
    expect(text).toContain(answerDetail);
    expect(text).toContain('I would like a topical numbing cream');
    for (const question of allQuestions(microneedlingTemplate)) expect(text, question.id).toContain(question.label.replace(/\s+/g, ' ').slice(0, 40));
    expect(text).toMatch(/Page 1 of \d/);
    expect(text).toContain('Verification: form hash');
    expect(text).toContain('☑ Yes');
    expect(text).toContain('☐ No');
  });

  it('text runs down every page without a hole: a section that crosses a page carries on at the top of the next', () => {
    const pages = textLinesByPage(pdf);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((lines, index) => {
      const body = lines.filter((line) => line.yMin < line.pageHeight - 70);
      for (let i = 1; i < body.length; i += 1) {
        const gap = body[i]!.yMin - body[i - 1]!.yMax;
        expect(gap, `page ${index + 1}: "${body[i - 1]!.text}" then "${body[i]!.text}"`).toBeLessThan(90);
      }
    });
  });

  it('the same form and clock give the same PDF bytes', async () => {
    const { renderConsentPdf } = await import('../../main/pdf/consent-pdf');
    const { parseCanonicalForm } = await import('../../shared/consents/form-hash');
    const row = services.db.prepare('SELECT form_json, form_sha256 FROM consent WHERE id = ?').get(consentId) as { form_json: string; form_sha256: string };
    const settings = services.settings.get();
    const client = services.clients.get(clientId);
    const again = await renderConsentPdf({
      clinic: { name: settings.clinicName, address: settings.clinicAddress, phone: settings.clinicPhone, logo: settings.logo },
      paperSize: settings.paperSize,
      dateFormat: settings.dateFormat,
      client: { name: `${client.firstName} ${client.lastName}`, dateOfBirth: client.dateOfBirth },
      template: services.consentTemplates.get('microneedling', { major: 1, minor: 0 }),
      form: parseCanonicalForm(row.form_json),
      formSha256: row.form_sha256,
    });
    expect(sha256(again)).toBe(sha256(pdf));
  });

  it('a signed row refuses UPDATE and DELETE in SQL, even with the foreign keys and services out of the way', () => {
    expect(() => services.db.prepare("UPDATE consent SET form_json = '{}' WHERE id = ?").run(consentId)).toThrow(/cannot be changed/);
    expect(() => services.db.prepare('UPDATE consent SET pdf = ? WHERE id = ?').run(Buffer.from('%PDF-forged'), consentId)).toThrow(/cannot be changed/);
    expect(() => services.db.prepare('DELETE FROM consent WHERE id = ?').run(consentId)).toThrow(/cannot be deleted/);
    expect(() => services.db.prepare("UPDATE consent_template_version SET content = '{}'").run()).toThrow(/cannot be changed/);
    expect(() => services.db.prepare('DELETE FROM consent_template_version').run()).toThrow(/cannot be deleted/);
    expect(sha256(services.consents.pdf(adminId, consentId).bytes)).toBe(sha256(pdf));
  });

  it('a form that is not complete, or signed with a dot, is refused and stores nothing', async () => {
    const before = services.consents.count();
    const missing = await microneedlingForm();
    delete missing.initials['risks-rare'];
    await expect(services.consents.sign(adminId, clientId, null, missing)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const dot = await microneedlingForm();
    dot.signatures.client = { ink: { ...dot.signatures.client!.ink, strokes: [[{ x: 10, y: 10, t: 0 }]] }, drawnAt: null };
    await expect(services.consents.sign(adminId, clientId, null, dot)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(services.consents.count()).toBe(before);
  });

  it('the PDF and the client’s name are nowhere in plaintext under the data folder', () => {
    const needles = [
      Buffer.from('Zoë Nguyễn'),
      Buffer.from(answerDetail),
      Buffer.from(pdf.subarray(0, 64)),
      Buffer.from(pdf.subarray(pdf.length - 400, pdf.length - 336)),
      Buffer.from(pdf.subarray(2000, 2064)),
    ];
    for (const file of filesUnder(folder.path)) {
      const bytes = readFileSync(file);
      for (const needle of needles) expect(bytes.includes(needle), relative(folder.path, file)).toBe(false);
    }
  });

  it('withdrawing marketing is a new dated record; the photos feature sees the choice turned off', () => {
    expect(services.consents.currentPhotographyChoices(clientId)).toEqual({ clinicalRecord: true, teaching: true, marketingFaceVisible: false, marketingFaceHidden: true });
    clock.advance(86_400_000);
    const after = services.consents.withdraw(adminId, consentId, ['marketingFaceHidden'], 'Client asked by phone.');
    expect(after.withdrawals).toEqual([expect.objectContaining({ parts: ['marketingFaceHidden'], withdrawnAt: '2026-11-26T09:00:00.000Z', recordedByName: 'Ada Admin' })]);
    expect(after.photography?.marketingFaceHidden).toBe(true);
    expect(services.consents.currentPhotographyChoices(clientId)).toEqual({ clinicalRecord: true, teaching: true, marketingFaceVisible: false, marketingFaceHidden: false });
    expect(after.state).toBe('valid');
  });

  it('a new minor version leaves the consent valid; a new major version makes it stale while it keeps its own version', () => {
    const current = services.consentTemplates.get('microneedling', null).content;
    const minor = services.consentTemplates.publish(adminId, { ...current, summary: `${current.summary} (typo fixed)` }, 'minor');
    expect(minor.version).toEqual({ major: 1, minor: 1 });
    expect(services.consents.status(clientId).microneedling.state).toBe('valid');
    const major = services.consentTemplates.publish(adminId, current, 'major');
    expect(major.version).toEqual({ major: 2, minor: 0 });
    const status = services.consents.status(clientId).microneedling;
    expect(status).toMatchObject({ state: 'stale', staleReason: 'new-major-version' });
    const listed = services.consents.listForClient(adminId, clientId).consents[0]!;
    expect(listed.version).toEqual({ major: 1, minor: 0 });
    expect(pdfText(services.consents.pdf(adminId, listed.id).bytes)).toContain('Template version 1.0');
  });

  it('a form filled on the old version is refused once a new one is published', async () => {
    const old = await microneedlingForm();
    await expect(services.consents.sign(adminId, clientId, null, { ...old, templateVersion: { major: 1, minor: 0 } })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a consent runs out after the clinic’s validity period', async () => {
    const fresh = await services.consents.sign(adminId, clientId, null, await microneedlingForm());
    expect(fresh.version).toEqual({ major: 2, minor: 0 });
    services.consents.updateSettings(adminId, { validityMonths: 6 });
    clock.advance(200 * 86_400_000);
    expect(services.consents.status(clientId).microneedling).toMatchObject({ state: 'stale', staleReason: 'expired' });
  });

  it('every read and write left an audit row that names no answer and no name', () => {
    const rows = services.db.prepare("SELECT action, detail FROM audit_event WHERE action LIKE 'consent%'").all() as { action: string; detail: string | null }[];
    const actions = new Set(rows.map((row) => row.action));
    for (const action of ['consent.sign', 'consent.pdf-open', 'consent.withdraw', 'consent.list', 'consent-template.publish', 'consent.settings']) expect(actions).toContain(action);
    const details = rows.map((row) => row.detail ?? '').join('\n');
    expect(details).not.toContain('Zoë');
    expect(details).not.toContain('Filler');
    expect(details).not.toContain('phone');
  });

  it('the PDF carries its metadata and follows the clinic’s paper size', async () => {
    services.settings.update(adminId, { ...services.settings.get(), clinicName: 'Клиника Zoë & <Smith>', paperSize: 'LETTER' });
    const signed = await services.consents.sign(adminId, clientId, null, await microneedlingForm());
    const bytes = Buffer.from(services.consents.pdf(adminId, signed.id).bytes);
    const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', '-'], { input: bytes }).toString('utf8');
    expect(info).toMatch(/Title:\s+Microneedling \(collagen induction therapy\) consent · Zoë Nguyễn Кузнецова/);
    expect(info).toMatch(/Author:\s+Клиника Zoë & <Smith>/);
    // Kept as PDF/A-2b: the XMP says so (and stays well-formed XML with "&" and "<" in the
    // clinic's name), an sRGB output intent is there, and every font is embedded.
    const xmp = execFileSync('pdfinfo', ['-meta', '-'], { input: bytes }).toString('utf8');
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('Клиника Zoë &amp; &lt;Smith&gt;');
    expect(bytes.includes('/OutputIntents')).toBe(true);
    expect(bytes.includes('sRGB IEC61966-2.1')).toBe(true);
    const fonts = execFileSync('pdffonts', ['-'], { input: bytes }).toString('utf8').trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font, font).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+$/);
    expect(info).toMatch(/Subject:\s+Signed consent, template microneedling version 2\.0/);
    expect(info).toMatch(/CreationDate:\s+\S.*2027/);
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });

  it('only the purge gate deletes a client’s consents, and it is closed again afterwards', () => {
    expect(purgeClientConsents(services.db, clientId)).toBe(3);
    expect(services.consents.count()).toBe(0);
    expect((services.db.prepare('SELECT open FROM consent_purge_gate').get() as { open: number }).open).toBe(0);
  });
});
