import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../main/clock';
import { Vault } from '../../main/vault/vault';
import { runCli } from './cli-process';

const admin = 'Ann Admin';
const adminPassword = 'correct horse battery staple';
const reception = 'Rita Reception';
const receptionPassword = 'reception desk password';

const root = mkdtempSync(join(tmpdir(), 'skinledger-cli-rekey-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('rekey', () => {
  it('changes the data key and prints the new recovery key and the one-time passwords, once, to standard output', async () => {
    const store = join(root, 'store');
    const init = await runCli(['init', '--data', store, '--clinic', 'Rekey Clinic', '--admin', admin], { password: adminPassword });
    expect(init.code).toBe(0);
    const oldRecoveryKey = /Recovery key: (\S+)/.exec(init.stdout)![1]!;
    expect((await runCli(['staff', 'add', '--data', store, '--user', admin, '--name', reception, '--role', 'reception'], { password: adminPassword, newPassword: receptionPassword })).code).toBe(0);

    const run = await runCli(['rekey', '--data', store, '--user', admin], { password: adminPassword });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const newRecoveryKey = /^ {2}([0-9A-Z]{5}(?:-[0-9A-Z]{1,5})+)$/m.exec(run.stdout)![1]!;
    const oneTime = new RegExp(`^ {2}${reception}\\t(\\S+)$`, 'm').exec(run.stdout)![1]!;
    expect(run.stdout).toContain('Make a fresh backup now.');

    const vault = new Vault(store, { clock: systemClock });
    expect(() => vault.unlockWithRecoveryKey(oldRecoveryKey)).toThrow(expect.objectContaining({ code: 'WRONG_RECOVERY_KEY' }));
    vault.unlockWithRecoveryKey(newRecoveryKey).fill(0);
    expect(await vault.unlockWithPassword(reception, oneTime, { upgrade: false })).toMatchObject({ mustChangePassword: true });
    expect(readdirSync(root)).toEqual(['store']);
  });
});
