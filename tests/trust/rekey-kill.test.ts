import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fastScryptForTests } from '../support/fast-scrypt';
import { rekeySteps, rekeyStore, RekeyStopped, type RekeyStep } from '../../main/rekey/rekey-store';
import { SkinLedgerRuntime } from '../../main/session/runtime';
import { Vault } from '../../main/vault/vault';
import { adminName, adminPassword } from '../support/store';
import { colleague, rekeyClinic } from './support/rekey-clinic';

/** Before the journal the old store is the store; from the journal on, the re-keyed one is. */
const newStoreFrom: RekeyStep = 'journal';

describe('a data key change stopped at any step: the next start finishes or undoes it, nothing lost', () => {
  it.each(rekeySteps)('stopped after %s', async (step) => {
    const clinic = await rekeyClinic({ photos: 2 });
    try {
      let closed = false;
      await expect(
        rekeyStore(clinic.dataDir, {
          services: clinic.services,
          admin: { id: clinic.admin.id, name: adminName, password: adminPassword },
          clock: clinic.clock,
          scrypt: fastScryptForTests,
          beforeMoving: () => {
            clinic.services.close();
            closed = true;
          },
          stopAfter: step,
        }),
      ).rejects.toBeInstanceOf(RekeyStopped);
      // The process is gone: its connection with it.
      if (!closed) clinic.services.close();

      // The next start, as the app makes it.
      const runtime = new SkinLedgerRuntime({ dataDir: clinic.dataDir, appVersion: 'test', clock: clinic.clock, scrypt: fastScryptForTests, networkShareOf: () => null });
      expect(runtime.status().state).toBe('signed-out');
      await runtime.login(adminName, adminPassword);
      const { services } = runtime.current();
      expect(services.clients.find('', { offset: 0, limit: 10 }).total).toBe(3);
      expect(services.photos.checkFiles()).toEqual({ checked: 2, damaged: [] });
      expect(services.audit.verify().firstBrokenSeq).toBeNull();
      const rekeyed = rekeySteps.indexOf(step) >= rekeySteps.indexOf(newStoreFrom);
      expect(services.db.prepare(`SELECT count(*) FROM audit_event WHERE action = 'store.rekey'`).pluck().get()).toBe(rekeyed ? 1 : 0);
      runtime.close();

      const vault = new Vault(clinic.dataDir, { clock: clinic.clock, scrypt: fastScryptForTests });
      if (rekeyed) {
        expect(() => vault.unlockWithRecoveryKey(clinic.recoveryKey)).toThrow(expect.objectContaining({ code: 'WRONG_RECOVERY_KEY' }));
        await expect(vault.unlockWithPassword(colleague.name, colleague.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
      } else {
        expect(vault.unlockWithRecoveryKey(clinic.recoveryKey).equals(clinic.dataKey)).toBe(true);
      }
      // Nothing left beside the data folder: no half-built store, no old copy, no journal.
      expect(readdirSync(clinic.folder.path).sort()).toEqual(['backups', 'data']);
    } finally {
      clinic.folder.remove();
    }
  });
});

describe('the staff list changing while photos are re-sealed', () => {
  it('a colleague renamed half-way: the change is refused, nothing is left behind and the old key still opens the store', async () => {
    const clinic = await rekeyClinic({ photos: 2 });
    try {
      let renamed = false;
      await expect(
        rekeyStore(clinic.dataDir, {
          services: clinic.services,
          admin: { id: clinic.admin.id, name: adminName, password: adminPassword },
          clock: clinic.clock,
          scrypt: fastScryptForTests,
          onProgress: (progress) => {
            if (progress.phase !== 'photos' || renamed) return;
            renamed = true;
            clinic.services.staff.update(clinic.admin.id, { id: clinic.stays.id, name: 'Rita Smith', role: 'reception', active: true });
          },
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(clinic.services.clients.find('', { offset: 0, limit: 10 }).total).toBe(3);
      clinic.services.close();
      expect(readdirSync(clinic.folder.path).sort()).toEqual(['backups', 'data']);
      const vault = new Vault(clinic.dataDir, { clock: clinic.clock, scrypt: fastScryptForTests });
      expect(vault.unlockWithRecoveryKey(clinic.recoveryKey).equals(clinic.dataKey)).toBe(true);
    } finally {
      clinic.folder.remove();
    }
  });
});
