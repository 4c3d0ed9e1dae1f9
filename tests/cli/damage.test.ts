import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../main/store/migrations';
import { storeMessages } from '../../main/store/store-error';
import { runCli, snapshotFolder } from './cli-process';
import { openAsStaff } from './store-fixture';

const admin = 'Ann Admin';
const password = 'correct horse battery staple';
const repoRoot = resolve(import.meta.dirname, '..', '..');

let root: string;
let pristine: string;
let dataKey: Buffer;
let clientPages: number[];
let pageSize: number;
const mounts: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'skinledger-cli-damage-'));
  pristine = join(root, 'pristine');
  const init = await runCli(['init', '--data', pristine, '--clinic', 'Damage Clinic', '--admin', admin], { password });
  expect(init.code, init.stderr).toBe(0);
  const opened = await openAsStaff(pristine, admin, password);
  try {
    for (let i = 0; i < 40; i++) opened.services.clients.create(opened.staffId, { firstName: `Dmg${i}`, lastName: 'Client', notes: 'n'.repeat(1500) }, { allowDuplicate: true });
    pageSize = opened.services.db.pragma('page_size', { simple: true }) as number;
    clientPages = (opened.services.db.prepare("SELECT pageno FROM dbstat WHERE name = 'client'").all() as { pageno: number }[]).map((row) => row.pageno);
    dataKey = Buffer.from(opened.dataKey);
  } finally {
    opened.services.close();
  }
}, 120_000);

afterAll(() => {
  for (const mount of mounts) spawnSync('umount', [mount]);
  rmSync(root, { recursive: true, force: true });
});

/** A copy of the clean store for one case, so each starts from the same bytes. */
function storeCopy(name: string): string {
  const copy = join(root, name);
  cpSync(pristine, copy, { recursive: true });
  return copy;
}

/** A tmpfs of its own (the build machine runs tests as root); null where mounting is not allowed. */
function tinyDisk(name: string, options: string): string | null {
  const at = join(root, name);
  mkdirSync(at);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at]);
  if (mounted.status !== 0) return null;
  mounts.push(at);
  return at;
}

describe('verify changes no file, whatever the state of the store', () => {
  it('a sound store: every check passes and not one byte of the folder changes (no sign-in row, no -wal, no key file rewrite)', async () => {
    const store = storeCopy('sound');
    const before = snapshotFolder(store);
    const run = await runCli(['verify', '--data', store, '--user', admin], { password });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^clients=40 /m);
    expect(snapshotFolder(store)).toEqual(before);
  });

  it('bytes flipped in the middle of the file: the damage is reported, the advice is a restore, and every file is byte-identical', async () => {
    const store = storeCopy('flipped');
    const database = join(store, 'skinledger.db');
    const bytes = readFileSync(database);
    const pageCount = bytes.length / pageSize;
    // Pages in the middle of the file: neither page 1 nor the last.
    const middle = clientPages.filter((page) => page > 1 && page < pageCount);
    expect(middle.length).toBeGreaterThan(1);
    for (const page of middle) bytes[(page - 1) * pageSize + 300]! ^= 0xff;
    writeFileSync(database, bytes);
    const before = snapshotFolder(store);

    const run = await runCli(['verify', '--data', store, '--user', admin], { password });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^cipher integrity: FAILED \(\d+ pages? failed the HMAC check/m);
    expect(run.stderr.trim()).toMatch(/^Verification failed: .*cipher integrity.*\. Restore the store from a backup\.$/);
    expect(run.stderr).not.toContain('unexpected');
    expect(snapshotFolder(store)).toEqual(before);

    // Any other command that meets the damage says so in words, not "an unexpected error".
    const list = await runCli(['clients', 'list', '--data', store, '--user', admin], { password });
    expect(list.code).toBe(1);
    expect(list.stderr.trim()).toBe(storeMessages.databaseDamaged);
  });

  it('a SQLCipher 3 file in place of the database: its own message, every file byte-identical', async () => {
    const store = storeCopy('sqlcipher3');
    const database = join(store, 'skinledger.db');
    rmSync(database);
    const old = new Database(database);
    old.pragma(`cipher = 'sqlcipher'`);
    old.pragma('legacy = 3');
    old.pragma(`key = "x'${dataKey.toString('hex')}'"`);
    old.exec("CREATE TABLE client (id TEXT PRIMARY KEY); INSERT INTO client VALUES ('c1');");
    old.pragma(`user_version = ${migrations.length}`);
    old.close();
    const before = snapshotFolder(store);

    const run = await runCli(['verify', '--data', store, '--user', admin], { password });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(storeMessages.databaseOldFormat);
    expect(snapshotFolder(store)).toEqual(before);
  });

  it('an empty key file: its own message before any password is asked for, every file byte-identical', async () => {
    const store = storeCopy('empty-key');
    truncateSync(join(store, 'keyslots.json'), 0);
    const before = snapshotFolder(store);
    const run = await runCli(['verify', '--data', store, '--user', admin]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(storeMessages.keyFileEmpty);
    expect(snapshotFolder(store)).toEqual(before);
  });

  it('a store SkinLedger has open (or did not close) is refused, and nothing is copied half-way', async () => {
    const store = storeCopy('in-use');
    const opened = await openAsStaff(store, admin, password);
    try {
      const before = snapshotFolder(store);
      const run = await runCli(['verify', '--data', store, '--user', admin], { password });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(storeMessages.openOrNotClosed);
      expect(snapshotFolder(store)).toEqual(before);
    } finally {
      opened.services.close();
    }
  });
});

describe('clear messages for the disk and the folders given', () => {
  it('backup --to a folder that does not exist says so, before the password, and writes nothing', async () => {
    const store = storeCopy('backup-missing');
    const before = snapshotFolder(store);
    const missing = join(root, 'no-such-usb');
    const run = await runCli(['backup', '--data', store, '--user', admin, '--to', join(missing, 'clinic.slbackup')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`The folder for the backup does not exist: ${missing}. Create it (or plug in its drive), then run the command again. Nothing was written.`);
    expect(existsSync(missing)).toBe(false);
    expect(snapshotFolder(store)).toEqual(before);
  });

  it('init under a file (not a folder) says so and creates nothing', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    const run = await runCli(['init', '--data', join(file, 'clinic'), '--clinic', 'C', '--admin', admin], { password });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^SkinLedger cannot create the store there: a part of the path given with --data is a file, not a folder\./);
  });

  it('init into a missing folder on a write-protected folder says so, before the password', async () => {
    const parent = join(root, 'locked-down');
    mkdirSync(parent);
    // Root ignores permission bits, so the folder is also marked immutable, which refuses root too.
    execFileSync('chmod', ['555', parent]);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync('chattr', ['+i', parent]);
    try {
      const run = await runCli(['init', '--data', join(parent, 'new', 'clinic'), '--clinic', 'C', '--admin', admin]);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toMatch(/^SkinLedger cannot create the store there: it is not allowed to write in that folder \(permission denied\)\. Nothing was created\./);
    } finally {
      if (asRoot) execFileSync('chattr', ['-i', parent]);
    }
  });

  it('init into a missing folder on a read-only disk says the disk is read-only', async (context) => {
    const disk = tinyDisk('ro-disk', 'size=1m,ro');
    if (!disk) return context.skip();
    const run = await runCli(['init', '--data', join(disk, 'clinic'), '--clinic', 'C', '--admin', admin]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('SkinLedger cannot create the store there: that disk is read-only. Nothing was created. Choose a folder on a disk SkinLedger can write to.');
  });

  it('a command on a full disk says so in the app’s words, not "an unexpected error (SQLITE_FULL)"', async (context) => {
    const disk = tinyDisk('full-disk', 'size=4m');
    if (!disk) return context.skip();
    const store = join(disk, 'store');
    cpSync(pristine, store, { recursive: true });
    // Fill every byte that is left.
    const fd = openSync(join(disk, 'filler'), 'w');
    try {
      for (const chunk of [Buffer.alloc(64 * 1024), Buffer.alloc(4096), Buffer.alloc(1)]) {
        for (;;) {
          try {
            writeSync(fd, chunk);
          } catch {
            break;
          }
        }
      }
    } finally {
      closeSync(fd);
    }
    const run = await runCli(['staff', 'list', '--data', store, '--user', admin], { password });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(storeMessages.diskFull);
  });
});

describe('an old Node', () => {
  const oldNode = '/usr/bin/node';
  const oldMajor = existsSync(oldNode) ? Number(execFileSync(oldNode, ['-p', 'process.versions.node']).toString().split('.')[0]) : null;

  it('the built CLI says which Node it needs and exits 1, instead of crashing in the native add-on', (context) => {
    if (oldMajor === null || oldMajor >= 24) return context.skip();
    const built = join(repoRoot, 'out', 'main', 'cli.js');
    expect(existsSync(built), 'run `npm run build` first: this test runs the CLI as it ships').toBe(true);
    const run = spawnSync(oldNode, [built, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.signal).toBeNull();
    expect(run.stderr.trim()).toMatch(/^SkinLedger needs Node\.js 24 or newer \(this is \d+\.\d+\.\d+\)\.$/);
    expect(run.stdout).toBe('');
  });
});
