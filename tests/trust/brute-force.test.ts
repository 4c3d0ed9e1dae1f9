import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveKeyFromPassword, productionScrypt } from '../../main/crypto/kdf';
import { readKeySlotFile } from '../../main/crypto/key-slot-file';
import { Vault } from '../../main/vault/vault';
import { TestClock } from '../support/store';
import { tempFolder } from '../support/temp-folder';
import { adminName, adminPassword, openTrustClinic, staffNames, staffPasswords, type TrustClinic } from './support/trust-clinic';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.reverse()) step();
  cleanup = [];
});

async function lockedClinic(): Promise<TrustClinic> {
  const clinic = await openTrustClinic();
  cleanup.push(() => clinic.close());
  await clinic.call('session.lock');
  return clinic;
}

describe('brute force at the sign-in screen', () => {
  it('each wrong password doubles the wait, up to a minute, whatever name is tried', async () => {
    const clinic = await lockedClinic();
    const waits: number[] = [];
    for (let attempt = 0; attempt < 9; attempt++) {
      const name = attempt % 2 === 0 ? staffNames.reception : `guess ${attempt}`;
      const result = await clinic.call('session.login', { name, password: `wrong guess ${attempt}` });
      expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
      const wait = result.ok ? 0 : (result.error.retryAfterSeconds ?? 0);
      waits.push(wait);
      // While waiting, even the right password is turned away unread.
      const early = await clinic.call('session.login', { name: staffNames.reception, password: staffPasswords.reception });
      expect(early).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: wait } });
      clinic.clock.advance(wait * 1000);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('every wrong password is in the audit trail after the next sign-in, without the password', async () => {
    const clinic = await lockedClinic();
    for (let attempt = 0; attempt < 4; attempt++) {
      await clinic.call('session.login', { name: adminName, password: `wrong guess ${attempt}` });
      clinic.clock.advance(61_000);
    }
    await clinic.call('session.unlock', { password: 'wrong at the lock screen' });
    clinic.clock.advance(61_000);
    expect((await clinic.call('session.login', { name: adminName, password: adminPassword })).ok).toBe(true);
    const rows = clinic.runtime.current().services.audit.recent(50);
    const failures = rows.filter((row) => row.action === 'session.sign-in-failed');
    expect(failures).toHaveLength(5);
    expect(failures.map((row) => row.detail).join('\n')).not.toMatch(/wrong guess|wrong at the lock screen/);
  });

  it('a slot made with the default settings costs an offline guess a 128 MiB scrypt (N=2^17, r=8)', async () => {
    const folder = tempFolder();
    cleanup.push(() => folder.remove());
    const vault = new Vault(folder.path, { clock: new TestClock() });
    const created = await vault.create({ name: 'Owner', password: 'a long enough password' });
    created.db.close();
    const slot = readKeySlotFile(join(folder.path, 'keyslots.json')).slots.find((s) => s.kind === 'staff');
    expect(slot?.kdf).toMatchObject({ name: 'scrypt', N: productionScrypt.N, r: productionScrypt.r, p: productionScrypt.p });
    expect(productionScrypt.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(128 * productionScrypt.N * productionScrypt.r).toBeGreaterThanOrEqual(128 * 1024 * 1024);
    const started = performance.now();
    await deriveKeyFromPassword('one guess', Buffer.alloc(16), productionScrypt);
    // Reported, not asserted: the time depends on the machine (the target is at least ~0.25 s).
    console.log(`[trust] brute force: one offline password guess costs ${(performance.now() - started).toFixed(0)} ms of one core and 128 MiB`);
  });
});
