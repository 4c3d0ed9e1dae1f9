import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../main/app';
import { checkConsentHashes } from '../../main/cli/checks/consent-hashes';
import { exportClientRecord } from '../../main/client-export/export-client';
import { SeededRandom } from '../../main/demo/seeded-random';
import { syntheticInk } from '../../main/demo/synthetic-ink';
import { parseCanonicalForm } from '../../shared/consents/form-hash';
import type { FilledForm } from '../../shared/consents/filled-form';
import { microneedlingForm } from '../support/consent-forms';
import { createTestStore, TestClock } from '../support/store';
import { tempFolder } from '../support/temp-folder';

const folder = tempFolder('skinledger-consent-declined-');
const clock = new TestClock();
const random = new SeededRandom(21);
let services: Services;
let adminId: string;
let clientId: string;

const pdfText = (bytes: Uint8Array) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: Buffer.from(bytes) }).toString('utf8');

async function refusing(): Promise<FilledForm> {
  const form = await microneedlingForm(services, random, 'Peel 3 weeks ago');
  return { ...form, answers: { ...form.answers, 'consent-given': { answer: 'no', detail: '' } } };
}

async function photographyForm(choices: FilledForm['photography']): Promise<FilledForm> {
  const template = services.consentTemplates.get('photography', null);
  return {
    templateId: 'photography',
    templateVersion: template.version,
    answers: {},
    initials: {},
    photography: choices,
    guardian: null,
    signatures: {
      client: { ink: await syntheticInk(random, 'signature'), drawnAt: null },
      guardian: null,
      witness: null,
      practitioner: { ink: await syntheticInk(random, 'signature'), drawnAt: null },
    },
  };
}

beforeAll(async () => {
  const store = await createTestStore(folder.path, clock);
  services = store.services;
  adminId = store.admin.id;
  clientId = services.clients.create(adminId, { firstName: 'Dana', lastName: 'Refuses', dateOfBirth: '1988-02-03' }).id;
}, 60_000);
afterAll(() => {
  services.close();
  folder.remove();
});

describe('a refused consent', () => {
  let declinedId: string;

  it('is stored as a declined form naming what was refused; the client still needs a consent', async () => {
    const declined = await services.consents.sign(adminId, clientId, null, await refusing());
    declinedId = declined.id;
    expect(declined).toMatchObject({ state: 'declined', staleReason: null, refusedStatements: ['I consent to microneedling treatment as described, for the course agreed with my practitioner.'] });
    expect(services.consents.status(clientId).microneedling).toMatchObject({ state: 'needed', staleReason: 'declined', signedAt: declined.signedAt, validUntil: null });
    const row = services.db.prepare('SELECT declined, form_json FROM consent WHERE id = ?').get(declinedId) as { declined: number; form_json: string };
    expect(row.declined).toBe(1);
    expect(parseCanonicalForm(row.form_json).outcome).toBe('declined');
  });

  it('its PDF is titled as declined and says it is not a consent', () => {
    const { bytes, fileName } = services.consents.pdf(adminId, declinedId);
    if (process.env['SKINLEDGER_LOOK_AT_PDF']) writeFileSync(join(process.env['SKINLEDGER_LOOK_AT_PDF'], 'declined-consent.pdf'), bytes);
    const text = pdfText(bytes);
    expect(text).toContain('DECLINED: NOT A CONSENT');
    expect(text).toContain('The client did not agree to:');
    expect(text).toMatch(/It is not a consent/);
    expect(fileName).toMatch(/microneedling declined/);
    expect(execFileSync('pdfinfo', ['-'], { input: Buffer.from(bytes) }).toString()).toMatch(/Title:\s+Declined: Microneedling/);
  });

  it('the record export lists it as declined, never as a signed consent', async () => {
    const into = join(folder.path, 'export');
    await exportClientRecord({ services, by: adminId, clientId, folder: into });
    const index = pdfText(readFileSync(join(into, 'index.pdf'))).replace(/\s+/g, ' ');
    expect(index).toMatch(/DECLINED \(not a consent\), signed/);
    expect(index).toMatch(/0 signed and 1 declined/);
  });

  it('a declined form cannot be withdrawn (it gave nothing), and the audit trail says declined, naming no answer', () => {
    expect(() => services.consents.withdraw(adminId, declinedId, ['consent'], '')).toThrow(/declined/);
    const audit = services.db.prepare("SELECT action, detail FROM audit_event WHERE entity_id = ? AND action LIKE 'consent.%'").all(declinedId) as { action: string; detail: string }[];
    expect(audit[0]).toMatchObject({ action: 'consent.decline' });
    expect(audit[0]!.detail).toContain('refused=consent-given');
    expect(audit[0]!.detail).not.toMatch(/Peel/);
  });

  it('as the client’s latest word it replaces an earlier consent, until a new consent is signed', async () => {
    clock.advance(60_000);
    const valid = await services.consents.sign(adminId, clientId, null, await microneedlingForm(services, random, 'Peel 3 weeks ago'));
    expect(valid.state).toBe('valid');
    expect(services.consents.status(clientId).microneedling.state).toBe('valid');
    clock.advance(60_000);
    await services.consents.sign(adminId, clientId, null, await refusing());
    expect(services.consents.status(clientId).microneedling).toMatchObject({ state: 'needed', staleReason: 'declined' });
    // A declined form allows no photo use either.
    expect(services.consents.currentPhotographyChoices(clientId)).toEqual({ clinicalRecord: false, teaching: false, marketingFaceVisible: false, marketingFaceHidden: false });
  });

  it('a photography form without clinical-record photos is declined; withdrawing marketing leaves the status valid and the choices in force say so', async () => {
    clock.advance(60_000);
    const refused = await services.consents.sign(adminId, clientId, null, await photographyForm({ clinicalRecord: false, teaching: true, marketingFaceVisible: false, marketingFaceHidden: false }));
    expect(refused.state).toBe('declined');
    expect(services.consents.status(clientId).photography).toMatchObject({ state: 'needed', staleReason: 'declined' });
    clock.advance(60_000);
    const agreed = await services.consents.sign(adminId, clientId, null, await photographyForm({ clinicalRecord: true, teaching: false, marketingFaceVisible: true, marketingFaceHidden: true }));
    expect(services.consents.status(clientId).photography.state).toBe('valid');
    services.consents.withdraw(adminId, agreed.id, ['marketingFaceVisible', 'marketingFaceHidden'], 'By phone');
    expect(services.consents.currentPhotographyChoices(clientId)).toEqual({ clinicalRecord: true, teaching: false, marketingFaceVisible: false, marketingFaceHidden: false });
    expect(services.consents.status(clientId).photography.state).toBe('valid');
    services.consents.withdraw(adminId, agreed.id, ['clinicalRecord'], '');
    expect(services.consents.status(clientId).photography).toMatchObject({ state: 'stale', staleReason: 'withdrawn' });
  });

  it('verify counts declined forms and finds every one stored as declined', () => {
    const check = checkConsentHashes(services.db);
    expect(check).toMatchObject({ ok: true });
    expect(check.detail).toBe('consents=5 verified=5 declined=3');
  });
});
