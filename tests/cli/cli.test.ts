import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../main/clock';
import { parseRecoveryKey } from '../../main/crypto/recovery-key';
import { storeMessages } from '../../main/store/store-error';
import { Vault } from '../../main/vault/vault';
import { folderContains, runCli, snapshotFolder, type CliRun } from './cli-process';
import { flipByte, leaveFreePages, openAsStaff, pagesInUse } from './store-fixture';

// One store for the whole file: scrypt makes every sign-in cost about a second, on purpose.
const clinic = 'Клиника Zoë Nguyễn';
const address = '12 Rue de l’Église, Paris';
const admin = 'Ann Admin';
const adminPassword = 'correct horse battery staple';
const reception = 'Rita Reception';
const receptionPassword = 'reception desk password';
const leaver = 'Lee Leaver';

const keyLine = /^Recovery key: ((?:[0-9A-HJKMNP-TV-Z]{5}-){10}[0-9A-HJKMNP-TV-Z]{4})$/m;

let root: string;
let store: string;
let init: CliRun;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'skinledger-cli-'));
  store = join(root, 'store');
  init = await runCli(['init', '--data', store, '--clinic', clinic, '--admin', admin, '--address', address], { password: adminPassword });
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function oneLine(text: string): string {
  const lines = text.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('init', () => {
  it('prints the recovery key once, on its own line, and it opens the store', () => {
    expect(init.code).toBe(0);
    const key = keyLine.exec(init.stdout)?.[1];
    expect(key).toBeDefined();
    expect(parseRecoveryKey(key!).ok).toBe(true);
    expect(init.stderr).toContain('Write the recovery key down now');
    const dataKey = new Vault(store, { clock: systemClock }).unlockWithRecoveryKey(key!);
    expect(dataKey).toHaveLength(32);
  });

  it('writes only the encrypted store: no plaintext file, no clinic or admin name in any byte', () => {
    expect(readdirSync(store).sort()).toEqual(['keyslots.json', 'skinledger.db']);
    for (const marker of [clinic, admin, address, 'Zoë', 'Nguyễn']) expect(folderContains(store, marker)).toBe(false);
  });

  it('refuses a folder that is not empty, with the store’s message, and touches nothing in it', async () => {
    const occupied = join(root, 'occupied');
    mkdirSync(occupied);
    writeFileSync(join(occupied, 'notes.txt'), 'the clinic’s own file');
    const before = snapshotFolder(occupied);
    const run = await runCli(['init', '--data', occupied, '--clinic', clinic, '--admin', admin], { password: adminPassword });
    expect(run.code).toBe(1);
    expect(oneLine(run.stderr)).toBe(storeMessages.folderNotEmpty);
    expect(snapshotFolder(occupied)).toEqual(before);
  });
});

describe('unlock-check', () => {
  it('exits 0 for the right password and 1 for a wrong one, and changes no byte either way', async () => {
    const before = snapshotFolder(store);
    const right = await runCli(['unlock-check', '--data', store, '--user', admin], { password: adminPassword });
    expect(right).toMatchObject({ code: 0, stdout: 'Password opens the store.\n' });
    expect(snapshotFolder(store)).toEqual(before);

    const wrong = await runCli(['unlock-check', '--data', store, '--user', admin], { password: 'not the password at all' });
    expect(wrong.code).toBe(1);
    expect(oneLine(wrong.stderr)).toBe(storeMessages.wrongPassword);
    expect(wrong.stdout).toBe('');
    expect(snapshotFolder(store)).toEqual(before);
  });

  it('names a folder without a store before asking for any password', async () => {
    const run = await runCli(['unlock-check', '--data', join(root, 'nowhere'), '--user', admin]);
    expect(run.code).toBe(1);
    expect(oneLine(run.stderr)).toBe(storeMessages.notSetUp);
  });
});

describe('passwords and usage', () => {
  it('has no way to take a password as an argument', async () => {
    const run = await runCli(['unlock-check', '--data', store, '--user', admin, '--password', adminPassword]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SKINLEDGER_PASSWORD');
    expect(run.stderr).toContain('Usage: skinledger unlock-check --data DIR --user NAME');
  });

  it('exits 2 when no password is in the environment and there is no terminal to ask on', async () => {
    const run = await runCli(['unlock-check', '--data', store, '--user', admin]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^No password given: set SKINLEDGER_PASSWORD/);
  });

  it('exits 2 with the usage for an unknown command, an unknown option or a missing flag', async () => {
    const runs = await Promise.all([runCli(['frobnicate']), runCli(['verify', '--data', store, '--user', admin, '--force']), runCli(['verify', '--data', store]), runCli(['staff']), runCli([])]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Usage: skinledger');
      expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
    expect(runs[1]!.stderr).toContain('"verify" has no option --force.');
    expect(runs[2]!.stderr).toContain('"verify" needs --user NAME.');
    expect(runs[3]!.stderr).toContain('"staff" needs one more word: "staff list" or "staff add" or "staff deactivate".');
  });

  it('prints the usage for --help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['init --data DIR --clinic NAME --admin NAME [--address TEXT]', 'unlock-check', 'staff list', 'verify']) {
      expect(run.stdout).toContain(command);
    }
  });
});

describe('with more staff', () => {
  beforeAll(async () => {
    const { services, staffId } = await openAsStaff(store, admin, adminPassword);
    try {
      await services.staff.add(staffId, { name: reception, role: 'reception', password: receptionPassword });
      const gone = await services.staff.add(staffId, { name: leaver, role: 'practitioner', password: 'leaver password 1' });
      services.staff.update(staffId, { id: gone.id, name: leaver, role: 'practitioner', active: false });
    } finally {
      services.close();
    }
  });

  it('staff list prints one line per member: name, role, active or inactive', async () => {
    const run = await runCli(['staff', 'list', '--data', store, '--user', admin], { password: adminPassword });
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').sort()).toEqual([`${admin}\tadmin\tactive`, `${reception}\treception\tactive`, `${leaver}\tpractitioner\tinactive`].sort());
  });

  it('staff list is for admins only, as staff.list is in the contract', async () => {
    const run = await runCli(['staff', 'list', '--data', store, '--user', reception], { password: receptionPassword });
    expect(run.code).toBe(1);
    expect(oneLine(run.stderr)).toContain('does not allow "staff list"');
    expect(run.stdout).toBe('');
  });

  it('verify prints one line per check and the counts', async () => {
    const run = await runCli(['verify', '--data', store, '--user', admin], { password: adminPassword });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('sqlite integrity: ok');
    expect(lines[1]).toMatch(/^cipher integrity: ok \(cipher_integrity_check is not supported by this cipher build; every page's HMAC was checked by reading all \d+ pages\)$/);
    expect(lines[2]).toBe('key file: ok (checksum and MAC match; 2 staff password slots, 1 recovery slot)');
    expect(lines[3]).toMatch(/^audit chain: ok \(every link holds; audit head anchored at seq \d+; table has \d+ rows\)$/);
    expect(lines[4]).toBe('record contents: ok (every record matches; 0 records compared with their latest audit entry; 0 written before content hashes were kept, skipped)');
    expect(lines[5]).toBe('consent PDFs and form hashes: ok (consents=0 verified=0 declined=0)');
    expect(lines[6]).toBe('photo files: ok (0 photos, 3 files each, decrypted and hashes match)');
    expect(lines[7]).toBe('photo files without a record: ok (none among 0 files)');
    const summary = /^clients=0 sessions=0 consents=0 photos=0 audit=(\d+)$/.exec(lines[8]!);
    expect(Number(summary?.[1])).toBeGreaterThan(0);
    expect(lines).toHaveLength(9);
  });

  it('verify finds a damaged free page that SQLite’s own check never reads, and exits 1', async () => {
    const { services } = await openAsStaff(store, admin, adminPassword);
    let freePage: number;
    let pageSize: number;
    try {
      leaveFreePages(services, 30);
      pageSize = services.db.pragma('page_size', { simple: true }) as number;
      const pageCount = services.db.pragma('page_count', { simple: true }) as number;
      const used = pagesInUse(services);
      // The highest free page: SQLite hands out free pages nearest the table that grows, so the
      // sign-in's own audit row will not reuse (and so repair) this one.
      freePage = [...Array(pageCount).keys()].map((index) => pageCount - index).find((page) => !used.has(page))!;
    } finally {
      services.close();
    }
    const database = join(store, 'skinledger.db');
    writeFileSync(database, flipByte(readFileSync(database), pageSize, freePage));

    const run = await runCli(['verify', '--data', store, '--user', admin], { password: adminPassword });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`cipher integrity: FAILED (1 page failed the HMAC check: ${freePage};`);
    expect(oneLine(run.stderr)).toMatch(/^Verification failed: .*cipher integrity\. Restore the store from a backup\.$/);
    expect(run.stdout).not.toContain('clients=');
  });
});
