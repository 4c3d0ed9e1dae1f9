import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/bridge/dispatch';
import { testDesktop } from '../support/desktop';
import { fastScryptForTests } from '../support/fast-scrypt';
import { SeededRandom } from '../../main/demo/seeded-random';
import { syntheticInk } from '../../main/demo/synthetic-ink';
import { SkinLedgerRuntime } from '../../main/session/runtime';
import type { FilledForm } from '../../shared/consents/filled-form';
import type { ConsentSummary } from '../../shared/contract/consent-channels';
import { TestClock } from '../support/store';
import { tempFolder } from '../support/temp-folder';

const folder = tempFolder('skinledger-consent-bridge-');
const outside = tempFolder('skinledger-consent-dialogs-');
const prints: { bytes: Uint8Array; jobName: string }[] = [];
const answers = { save: null as string | null, open: null as string | null, folder: null as string | null };
const clock = new TestClock();
const runtime = new SkinLedgerRuntime({
  dataDir: folder.path,
  appVersion: 'test',
  clock,
  scrypt: fastScryptForTests,
});
const desktop = testDesktop(runtime, {
  chooseSavePath: async () => answers.save,
  chooseOpenPath: async () => answers.open,
  chooseFolder: async () => answers.folder,
  printPdf: async (bytes, jobName) => {
    prints.push({ bytes, jobName });
    return true;
  },
});
const faults: unknown[] = [];
const dispatch = createDispatcher(runtime, desktop, { isTrustedSender: () => true, reportFault: (_c, error) => faults.push(error) });
const call = (channel: string, input: unknown = {}) => dispatch(channel, input, { frameUrl: 'app://skinledger/index.html' });
async function ok<T>(channel: string, input: unknown = {}): Promise<T> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let clientId: string;
let consent: ConsentSummary;

beforeAll(async () => {
  await ok('setup.create', { clinicName: 'Bridge Clinic', clinicAddress: '1 Test Street', adminName: 'Ada Admin', password: 'correct horse battery staple' });
  await ok('staff.add', { name: 'Rex Reception', role: 'reception', password: 'reception password 1' });
  clientId = (await ok<{ id: string }>('clients.create', { fields: { firstName: 'Zoë', lastName: 'Nguyễn', dateOfBirth: '1990-04-01' }, allowDuplicate: false })).id;
}, 60_000);
afterAll(() => {
  runtime.signOut();
  folder.remove();
  outside.remove();
});

async function photographyForm(): Promise<FilledForm> {
  const random = new SeededRandom(11);
  return {
    templateId: 'photography',
    templateVersion: { major: 1, minor: 0 },
    answers: {},
    initials: {},
    photography: { clinicalRecord: true, teaching: false, marketingFaceVisible: true, marketingFaceHidden: false },
    guardian: null,
    signatures: {
      client: { ink: await syntheticInk(random, 'signature'), drawnAt: null },
      guardian: null,
      witness: null,
      practitioner: { ink: await syntheticInk(random, 'signature'), drawnAt: null },
    },
  };
}

describe('consents through the bridge', () => {
  it('a clinician signs in one call; the countersignature is part of it', async () => {
    const form = await photographyForm();
    const { practitioner: _missing, ...clientOnly } = form.signatures;
    const halfSigned = await call('consents.sign', { clientId, sessionId: null, form: { ...form, signatures: clientOnly } });
    expect(halfSigned).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    consent = await ok<ConsentSummary>('consents.sign', { clientId, sessionId: null, form });
    expect(consent).toMatchObject({ kind: 'photography', state: 'valid', version: { major: 1, minor: 0 } });
  });

  it('reception sees only whether a consent is needed, never its content', async () => {
    await ok('session.login', { name: 'Rex Reception', password: 'reception password 1' });
    const status = await ok<{ photography: { state: string }; microneedling: { state: string } }>('consents.status', { clientId });
    expect(status.photography.state).toBe('valid');
    expect(status.microneedling.state).toBe('needed');
    expect(JSON.stringify(status)).not.toMatch(/marketing|clinicalRecord|Zoë/);
    for (const [channel, input] of [
      ['consents.listForClient', { clientId }],
      ['consents.pdf', { consentId: consent.id }],
      ['consents.print', { consentId: consent.id, withAftercare: false }],
      ['consents.sign', { clientId, sessionId: null, form: await photographyForm() }],
    ] as const) {
      expect(await call(channel, input), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    await ok('session.login', { name: 'Ada Admin', password: 'correct horse battery staple' });
  });

  it('Print sends the exact stored PDF to the print port, then the aftercare sheet', async () => {
    const stored = await ok<{ bytes: Uint8Array }>('consents.pdf', { consentId: consent.id });
    expect(sha256(stored.bytes)).toBe(consent.pdfSha256);
    expect(await ok('consents.print', { consentId: consent.id, withAftercare: true })).toEqual({ printed: true });
    expect(prints).toHaveLength(2);
    expect(sha256(prints[0]!.bytes)).toBe(consent.pdfSha256);
    expect(prints[0]!.jobName).toContain('Photography consent');
    expect(prints[1]!.jobName).toBe('Aftercare');
    expect(execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(prints[1]!.bytes) }).toString()).toContain('After your microneedling treatment');
  });

  it('Save as PDF writes the stored bytes only where the user chose; cancelling writes nothing', async () => {
    answers.save = null;
    expect(await ok('consents.savePdf', { consentId: consent.id })).toEqual({ saved: false });
    answers.save = join(outside.path, 'copy.pdf');
    expect(await ok('consents.savePdf', { consentId: consent.id })).toEqual({ saved: true });
    expect(sha256(readFileSync(answers.save))).toBe(consent.pdfSha256);
  });

  it('a template exported as JSON imports back as a draft, publishes as a new version, and a damaged file is refused', async () => {
    answers.save = join(outside.path, 'photography.json');
    expect(await ok('consentTemplates.exportJson', { templateId: 'photography', version: null })).toEqual({ saved: true });
    answers.open = answers.save;
    const imported = await ok<{ draft: { id: string; title: string } }>('consentTemplates.importJson');
    expect(imported.draft).toMatchObject({ id: 'photography', title: 'Photography consent' });
    const published = await ok<{ version: { major: number; minor: number } }>('consentTemplates.publish', { template: imported.draft, change: 'minor' });
    expect(published.version).toEqual({ major: 1, minor: 1 });
    writeFileSync(answers.open, '{"format":"skinledger-consent-template","formatVersion":1,"template":{"id":"x"}}');
    expect(await call('consentTemplates.importJson')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('withdrawing marketing shows on the list as a dated record', async () => {
    clock.advance(3_600_000);
    await ok('consents.withdraw', { consentId: consent.id, parts: ['marketingFaceVisible'], note: '' });
    const list = await ok<{ consents: ConsentSummary[]; photographyInForce: Record<string, boolean> }>('consents.listForClient', { clientId });
    expect(list.consents[0]!.withdrawals).toEqual([expect.objectContaining({ parts: ['marketingFaceVisible'], withdrawnAt: '2026-11-25T10:00:00.000Z' })]);
    expect(list.photographyInForce).toEqual({ clinicalRecord: true, teaching: false, marketingFaceVisible: false, marketingFaceHidden: false });
  });

  it('the record export goes into the folder the user picks, and refuses one that is not empty', async () => {
    answers.folder = join(outside.path, 'export');
    mkdirSync(answers.folder);
    expect(await ok('clients.export', { clientId })).toMatchObject({ saved: true });
    expect(readdirSync(join(answers.folder, 'consents'))).toHaveLength(1);
    expect(await call('clients.export', { clientId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(faults).toEqual([]);
  });
});
