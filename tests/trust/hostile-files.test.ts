import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/bridge/dispatch';
import { testDesktop } from '../support/desktop';
import { fastScryptForTests } from '../support/fast-scrypt';
import { SkinLedgerRuntime } from '../../main/session/runtime';
import type { BridgeResult } from '../../shared/contract';
import { TestClock } from '../support/store';
import { snapshotFolder, tempFolder } from '../support/temp-folder';
import { adminName, adminPassword, trustedFrame } from './support/trust-clinic';

/**
 * The channels that read a file a person picks (a consent template to import, a backup to
 * restore) fed hostile files instead: empty, random, cut short, bit-flipped, deeply nested,
 * oversized, a folder, a named pipe, an endless device. Each must answer with a typed error and
 * a sentence, never INTERNAL or a hang, report no fault, and leave the store's files as they were.
 */
const runs = Number(process.env.SKINLEDGER_FUZZ_RUNS ?? 40);
const folder = tempFolder('skinledger-hostile-');
const files = tempFolder('skinledger-hostile-files-');
const dataDir = join(folder.path, 'data');
const backupDir = join(folder.path, 'backups');
let picked: string | null = null;
const faults: { channel: string; error: unknown }[] = [];
const clock = new TestClock();
const runtime = new SkinLedgerRuntime({ dataDir, appVersion: 'hostile', clock, scrypt: fastScryptForTests });
const desktop = testDesktop(runtime, { chooseOpenPath: async () => picked, chooseFolder: async () => backupDir });
const dispatch = createDispatcher(runtime, desktop, { isTrustedSender: () => true, reportFault: (channel, error) => faults.push({ channel, error }) });
const call = (channel: string, input: unknown = {}) => dispatch(channel, input, trustedFrame);
async function ok<T>(channel: string, input: unknown = {}): Promise<T> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

let backupBytes: Buffer;
let templateText: string;
let n = 0;
function hostileFile(bytes: Uint8Array | string, name = `file-${n++}`): string {
  const path = join(files.path, name);
  writeFileSync(path, bytes);
  return path;
}

beforeAll(async () => {
  await ok('setup.create', { clinicName: 'Hostile Clinic', clinicAddress: '1 Test Street', adminName, password: adminPassword });
  await ok('clients.create', { fields: { firstName: 'Zoë', lastName: 'Nguyễn', dateOfBirth: '1990-04-01', notes: 'ALLERGY: lidocaine' }, allowDuplicate: false });
  mkdirSync(backupDir);
  await ok('backup.chooseFolder');
  const run = await ok<{ ok?: boolean }>('backup.runNow');
  expect(run).toBeTruthy();
  const [backup] = readdirSync(backupDir).filter((name) => name.endsWith('.slbackup'));
  backupBytes = readFileSync(join(backupDir, backup!));
  // Export writes through the save dialog; read the template through the service instead.
  templateText = runtime.current().services.consentTemplates.exportFile(runtime.signedIn()!.id, 'microneedling', null).text;
}, 120_000);

afterAll(() => {
  runtime.close();
  folder.remove();
  files.remove();
});

/** What a hostile pick may answer: a typed, worded refusal. */
function expectRefused(result: BridgeResult<unknown>, what: string, codes: string[]) {
  expect(result.ok, `${what} was accepted`).toBe(false);
  if (result.ok) return;
  expect(codes, `${what}: ${result.error.code} ${result.error.message}`).toContain(result.error.code);
  expect(result.error.message.length, what).toBeGreaterThan(15);
  expect(result.error.message, what).not.toMatch(/\n\s+at |\.ts:\d+|node_modules|SQLITE_|E[A-Z]{3,}/);
}

async function importTemplate(path: string) {
  picked = path;
  return call('consentTemplates.importJson');
}

async function chooseBackup(path: string) {
  picked = path;
  return call('backup.restore.chooseFile');
}

const templateRefusals = ['INVALID_INPUT', 'NOT_FOUND'];
const backupRefusals = ['BACKUP_DAMAGED', 'NOT_FOUND', 'INVALID_INPUT'];

describe('a consent template file from elsewhere', () => {
  it('named shapes: empty, not JSON, wrong JSON, deep nesting, prototype keys, oversized, folder, pipe, device, missing', async () => {
    const before = snapshotFolder(dataDir);
    const fifo = join(files.path, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const cases: [string, string][] = [
      ['empty', hostileFile('')],
      ['binary', hostileFile(new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x80]))],
      ['cut short', hostileFile(templateText.slice(0, templateText.length / 2))],
      ['null', hostileFile('null')],
      ['array', hostileFile('[]')],
      ['deeply nested', hostileFile(`${'['.repeat(500_000)}${']'.repeat(500_000)}`)],
      ['prototype keys', hostileFile(JSON.stringify({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } }, format: 'skinledger-consent-template' }))],
      ['wrong version', hostileFile(JSON.stringify({ ...(JSON.parse(templateText) as object), formatVersion: 99 }))],
      ['oversized', hostileFile(Buffer.alloc(2 * 1024 * 1024 + 1, 0x20))],
      ['a folder', files.path],
      ['a named pipe', fifo],
      ['an endless device', '/dev/zero'],
      ['missing', join(files.path, 'not-there.json')],
    ];
    for (const [what, path] of cases) expectRefused(await importTemplate(path), what, templateRefusals);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(faults).toEqual([]);
    // Refusals write nothing: the database's content is as it was (the WAL may checkpoint, so
    // compare what the store says, not bytes, for the open database).
    expect(Object.keys(snapshotFolder(dataDir)).sort()).toEqual(Object.keys(before).sort());
  });

  it('the real file is accepted (the refusals above are about the file, not the channel)', async () => {
    const result = await importTemplate(hostileFile(templateText, 'good.json'));
    expect(result.ok).toBe(true);
  });

  it(`random byte changes to a real template file (${runs} runs): refused or a valid draft, never a fault`, async () => {
    const original = Buffer.from(templateText, 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (flips) => {
        const bytes = Buffer.from(original);
        for (const [at, value] of flips) bytes[at] = value;
        const result = await importTemplate(hostileFile(bytes));
        if (!result.ok) expectRefused(result, 'flipped template', templateRefusals);
        expect(faults).toEqual([]);
      }),
      { numRuns: runs },
    );
  });
});

async function chooseClientList(path: string) {
  picked = path;
  return call('clients.import.choose');
}

const clientListRefusals = ['INVALID_INPUT', 'NOT_FOUND'];
const clientList = 'First name;Last name;Date of birth;Notes\r\nZoë;Brontë;01/02/1985;"two\r\nlines"\r\nAnna;Smith;;=HYPERLINK("x")\r\n';

describe('a client list from another system', () => {
  it('named shapes: empty, a picture, huge, too wide, a broken quote, folder, pipe, device, missing', async () => {
    const fifo = join(files.path, 'pipe.csv');
    if (!existsSync(fifo)) execFileSync('mkfifo', [fifo]);
    const huge = hostileFile('', 'huge.csv');
    truncateSync(huge, 101 * 1024 * 1024);
    const cases: [string, string][] = [
      ['empty', hostileFile('')],
      ['a picture', hostileFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]))],
      ['huge', huge],
      ['too wide', hostileFile(Array.from({ length: 600 }, (_, i) => `c${i}`).join(',') + '\n')],
      ['broken quote', hostileFile('Name,Notes\nAnna Smith,"never closed\n')],
      ['a folder', files.path],
      ['a named pipe', fifo],
      ['an endless device', '/dev/zero'],
      ['missing', join(files.path, 'not-there.csv')],
    ];
    for (const [what, path] of cases) expectRefused(await chooseClientList(path), what, clientListRefusals);
    expect(faults).toEqual([]);
  });

  it(`random byte changes to a real client list (${runs} runs): read or refused in words, never a fault, nothing written`, async () => {
    const original = Buffer.from(clientList, 'utf8');
    const clientsBefore = await ok<{ total: number }>('clients.find', { text: '', offset: 0, limit: 1 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (flips) => {
        const bytes = Buffer.from(original);
        for (const [at, value] of flips) bytes[at] = value;
        const result = await chooseClientList(hostileFile(bytes));
        if (!result.ok) expectRefused(result, 'flipped client list', clientListRefusals);
        expect(faults).toEqual([]);
      }),
      { numRuns: runs },
    );
    expect(await ok<{ total: number }>('clients.find', { text: '', offset: 0, limit: 1 })).toMatchObject({ total: clientsBefore.total });
  });
});

describe('a backup file from elsewhere', () => {
  it('named shapes: empty, random, header only, cut short, folder, pipe, device, missing', async () => {
    const fifo = join(files.path, 'pipe.slbackup');
    if (!existsSync(fifo)) execFileSync('mkfifo', [fifo]);
    const cases: [string, string][] = [
      ['empty', hostileFile('')],
      ['random', hostileFile(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) & 0xff)))],
      ['magic only', hostileFile(backupBytes.subarray(0, 12))],
      ['header cut short', hostileFile(backupBytes.subarray(0, 100))],
      ['huge header length', hostileFile(Buffer.concat([backupBytes.subarray(0, backupBytes.indexOf('{') - 4), Buffer.from([0xff, 0xff, 0xff, 0xff])]))],
      ['a folder', files.path],
      ['a named pipe', fifo],
      ['an endless device', '/dev/zero'],
      ['missing', join(files.path, 'not-there.slbackup')],
    ];
    for (const [what, path] of cases) expectRefused(await chooseBackup(path), what, backupRefusals);
    expect(faults).toEqual([]);
  });

  it(`random byte changes to a real backup (${runs} runs): restoring over the open store refuses and leaves it byte-identical`, async () => {
    const before = () => {
      // Quiet the store so its files hold still between snapshots.
      runtime.current().services.db.pragma('wal_checkpoint(TRUNCATE)');
      return snapshotFolder(dataDir);
    };
    const clientsBefore = await ok<{ total: number }>('clients.find', { text: '', offset: 0, limit: 1 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(backupBytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), async (flips) => {
        const bytes = Buffer.from(backupBytes);
        let changed = false;
        for (const [at, value] of flips) {
          changed ||= bytes[at] !== value;
          bytes[at] = value;
        }
        fc.pre(changed);
        const path = hostileFile(bytes, `flipped-${n++}.slbackup`);
        const snapshot = before();
        const chosen = await chooseBackup(path);
        if (chosen.ok) {
          const restored = await call('backup.restore.replaceStore', { key: { kind: 'password', name: adminName, password: adminPassword } });
          expectRefused(restored, `flipped backup at ${flips.map(([at]) => at).join(',')}`, backupRefusals);
        } else {
          expectRefused(chosen, 'flipped backup header', backupRefusals);
        }
        expect(faults).toEqual([]);
        expect(before()).toEqual(snapshot);
      }),
      { numRuns: Math.max(10, Math.floor(runs / 2)) },
    );
    expect(await ok<{ total: number }>('clients.find', { text: '', offset: 0, limit: 1 })).toMatchObject({ total: clientsBefore.total });
  });
});
