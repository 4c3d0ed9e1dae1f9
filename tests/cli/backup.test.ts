import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './cli-process';
import { openAsStaff } from './store-fixture';

const admin = 'Ann Admin';
const password = 'correct horse battery staple';
let root: string;
let store: string;
let backups: string;
let recoveryKey: string;

/** runCli copies the environment when it starts the process, so the key is in it only for that call. */
function withRecoveryKey(key: string, args: string[]): Promise<CliRun> {
  process.env['SKINLEDGER_RECOVERY_KEY'] = key;
  try {
    return runCli(args);
  } finally {
    delete process.env['SKINLEDGER_RECOVERY_KEY'];
  }
}

const countsLine = (run: CliRun) => run.stdout.split('\n').find((line) => line.startsWith('clients='));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'skinledger-cli-backup-'));
  store = join(root, 'store');
  backups = join(root, 'usb');
  mkdirSync(backups);
  const init = await runCli(['init', '--data', store, '--clinic', 'Backup Clinic', '--admin', admin], { password });
  expect(init.code).toBe(0);
  recoveryKey = /Recovery key: (\S+)/.exec(init.stdout)![1]!;
  const { services, staffId } = await openAsStaff(store, admin, password);
  for (let i = 0; i < 12; i++) services.clients.create(staffId, { firstName: `Cli${i}`, lastName: 'Client' }, { allowDuplicate: true });
  services.close();
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('backup, verify-backup and restore from the command line', () => {
  let backupFile: string;

  it('backs up with progress on stderr, and verify-backup checks it with the recovery key', async () => {
    const backup = await runCli(['backup', '--data', store, '--user', admin, '--to', backups], { password });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up to .*skinledger-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.slbackup \([\d,]+ bytes\)\.$/m);
    expect(countsLine(backup)).toMatch(/^clients=12 sessions=0 consents=0 photos=0 audit=\d+$/);
    expect(backup.stderr).toMatch(/Writing the backup \(bytes\): 0%/);
    expect(backup.stderr).toMatch(/Writing the backup \(bytes\): 100%/);
    const written = readdirSync(backups);
    expect(written).toHaveLength(1);
    backupFile = join(backups, written[0]!);
    expect(readFileSync(backupFile).includes(Buffer.from('Cli1'))).toBe(false);

    const verified = await withRecoveryKey(recoveryKey, ['verify-backup', '--from', backupFile]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^backup: ok \(made .* by SkinLedger 0\.1\.0; 2 files, [\d,]+ bytes; seal and every hash checked, database integrity ok\)$/m);
    expect(countsLine(verified)).toBe(countsLine(backup));
    expect(verified.stderr).toMatch(/Checking the backup \(bytes\): 100%/);
  });

  it('restores into a new folder, and verify there prints the same counts as on the original', async () => {
    const restoredDir = join(root, 'new-pc', 'data');
    const restore = await withRecoveryKey(recoveryKey, ['restore', '--from', backupFile, '--data', restoredDir]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`into ${restoredDir}.`);
    expect(restore.stderr).toMatch(/Restoring \(bytes\): 100%/);

    const original = await runCli(['verify', '--data', store, '--user', admin], { password });
    const restored = await runCli(['verify', '--data', restoredDir, '--user', admin], { password });
    expect(original.code, original.stdout).toBe(0);
    expect(restored.code, restored.stdout).toBe(0);
    expect(restored.stdout).toMatch(/^audit chain: ok/m);
    expect(restored.stdout).toMatch(/^key file: ok/m);
    expect(countsLine(restored)).toMatch(/^clients=12 /);
    expect(countsLine(restored)).toBe(countsLine(original));
  });

  it('refuses a non-empty folder with exit 1 before asking for the key, and leaves it alone', async () => {
    const busy = join(root, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'keep.txt'), 'mine');
    const run = await runCli(['restore', '--from', backupFile, '--data', busy]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('That folder already holds files. Nothing was changed. Restore into an empty folder, or a new one.');
    expect(readdirSync(busy)).toEqual(['keep.txt']);
  });

  it('refuses a wrong recovery key and a damaged file with one clear line each, creating nothing', async () => {
    const target = join(root, 'never');
    const wrong = await withRecoveryKey('ABCDE-FGHJK', ['restore', '--from', backupFile, '--data', target]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/That recovery key does not open this backup/);
    expect(existsSync(target)).toBe(false);

    const cut = join(root, 'cut.slbackup');
    writeFileSync(cut, readFileSync(backupFile).subarray(0, 3000));
    const damaged = await withRecoveryKey(recoveryKey, ['verify-backup', '--from', cut]);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/incomplete/);

    const noKey = await runCli(['verify-backup', '--from', backupFile]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/No recovery key given: set SKINLEDGER_RECOVERY_KEY/);
  });

  it('never overwrites a file with --to', async () => {
    const run = await runCli(['backup', '--data', store, '--user', admin, '--to', backupFile], { password });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Nothing was overwritten/);
  });
});
