import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../main/app';
import { createDispatcher } from '../../main/bridge/dispatch';
import { SkinLedgerRuntime } from '../../main/session/runtime';
import { testDesktop } from '../support/desktop';
import { trustedFrame } from './support/trust-clinic';
import { restoreIntoEmptyFolder } from '../../main/backup/restore-backup';
import { fastScryptForTests } from '../support/fast-scrypt';
import { PhotoFileError, PhotoFileStore } from '../../main/photos/photo-file-store';
import { rekeyStore, type RekeyedStore } from '../../main/rekey/rekey-store';
import { openDatabase } from '../../main/store/open-database';
import { Vault } from '../../main/vault/vault';
import { adminName, adminPassword } from '../support/store';
import { colleague, former, rekeyClinic, type RekeyClinic } from './support/rekey-clinic';

let clinic: RekeyClinic;
let oldKeyFile: string;
let backupPath: string;
let rekeyed: RekeyedStore;

const vaultOn = (dataDir: string) => new Vault(dataDir, { clock: clinic.clock, scrypt: fastScryptForTests });

// One change for the whole file (each test reads it; only the last changes a password).
beforeAll(async () => {
  clinic = await rekeyClinic();
  // What the former member of staff kept: a copy of the key file from while they worked here.
  oldKeyFile = join(clinic.folder.path, 'kept-keyslots.json');
  copyFileSync(join(clinic.dataDir, 'keyslots.json'), oldKeyFile);
  backupPath = (await clinic.services.backup.backupToFile(clinic.admin.id, clinic.backupsDir)).path;
  clinic.services.staff.update(clinic.admin.id, { id: clinic.leaves.id, name: former.name, role: 'practitioner', active: false });
  rekeyed = await rekeyStore(clinic.dataDir, {
    services: clinic.services,
    admin: { id: clinic.admin.id, name: adminName, password: adminPassword },
    clock: clinic.clock,
    scrypt: fastScryptForTests,
    beforeMoving: () => clinic.services.close(),
  });
});
afterAll(() => clinic.folder.remove());

/** The old data key, as the former member of staff gets it: their kept key file and their password. */
async function oldKeyFromKeptCopy(): Promise<Buffer> {
  const kept = join(clinic.folder.path, 'kept');
  mkdirSync(kept);
  copyFileSync(oldKeyFile, join(kept, 'keyslots.json'));
  writeFileSync(join(kept, 'skinledger.db'), '');
  const unlocked = await vaultOn(kept).unlockWithPassword(former.name, former.password, { upgrade: false });
  return unlocked.dataKey;
}

describe('changing the data key after someone leaves', () => {
  it('the admin opens the re-keyed store with every record and photo, and verify passes', async () => {
    const unlocked = await vaultOn(clinic.dataDir).unlockWithPassword(adminName, adminPassword);
    expect(unlocked.dataKey.equals(rekeyed.dataKey)).toBe(true);
    const services = openServices(clinic.dataDir, unlocked.dataKey, { clock: clinic.clock });
    try {
      expect(services.clients.find('', { offset: 0, limit: 10 }).total).toBe(3);
      expect(services.photos.checkFiles()).toEqual({ checked: 3, damaged: [] });
      for (const [id, bytes] of clinic.photoBytes) expect(services.photos.originalForExport(clinic.admin.id, id).equals(bytes)).toBe(true);
      expect(services.audit.verify().firstBrokenSeq).toBeNull();
      expect(services.audit.verifyRecords().changed).toEqual([]);
      const row = services.db.prepare(`SELECT staff_id, detail FROM audit_event WHERE action = 'store.rekey'`).get() as { staff_id: string; detail: string };
      expect(row).toEqual({ staff_id: clinic.admin.id, detail: 'photos=3 one-time-passwords=1' });
    } finally {
      services.close();
    }
    expect(rekeyed.photosResealed).toBe(3);
    // Nothing is left beside the data folder: no half-built store, no old copy, no journal.
    expect(readdirSync(clinic.folder.path).sort()).toEqual(['backups', 'data', 'kept-keyslots.json']);
  });

  it('the former member of staff, with a kept key file and their password, opens neither the new database nor a new photo file', async () => {
    const oldKey = await oldKeyFromKeptCopy();
    expect(() => openDatabase(join(clinic.dataDir, 'skinledger.db'), oldKey, { readonly: true })).toThrow(expect.objectContaining({ code: 'DATABASE_UNREADABLE' }));
    const files = new PhotoFileStore(clinic.dataDir, oldKey);
    for (const id of clinic.photoBytes.keys()) expect(() => files.read(id, 'original')).toThrow(PhotoFileError);
    files.close();
    // And their password opens nothing in the new key file.
    await expect(vaultOn(clinic.dataDir).unlockWithPassword(former.name, former.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
  });

  it('the old recovery key no longer opens the store; the new one does', () => {
    expect(() => vaultOn(clinic.dataDir).unlockWithRecoveryKey(clinic.recoveryKey)).toThrow(expect.objectContaining({ code: 'WRONG_RECOVERY_KEY' }));
    expect(vaultOn(clinic.dataDir).unlockWithRecoveryKey(rekeyed.recoveryKey).equals(rekeyed.dataKey)).toBe(true);
  });

  it('a backup taken before the change still restores with the old recovery key', async () => {
    const elsewhere = join(clinic.folder.path, 'restored');
    await restoreIntoEmptyFolder(elsewhere, { archivePath: backupPath, unlock: { kind: 'recovery', recoveryKey: clinic.recoveryKey }, clock: clinic.clock, via: 'cli' });
    const key = vaultOn(elsewhere).unlockWithRecoveryKey(clinic.recoveryKey);
    const services = openServices(elsewhere, key, { clock: clinic.clock });
    try {
      expect(services.clients.find('', { offset: 0, limit: 10 }).total).toBe(3);
    } finally {
      services.close();
    }
  });

  it('writes no secret into the audit trail or beside the store', () => {
    const db = openDatabase(join(clinic.dataDir, 'skinledger.db'), rekeyed.dataKey, { readonly: true });
    try {
      const trail = JSON.stringify(db.prepare('SELECT * FROM audit_event').all());
      for (const secret of [rekeyed.recoveryKey, adminPassword, ...rekeyed.oneTimePasswords.map((p) => p.password)]) expect(trail).not.toContain(secret);
    } finally {
      db.close();
    }
    const keyFile = readFileSync(join(clinic.dataDir, 'keyslots.json'), 'utf8');
    for (const secret of [rekeyed.recoveryKey, rekeyed.dataKey.toString('hex'), rekeyed.dataKey.toString('base64')]) expect(keyFile).not.toContain(secret);
    expect(existsSync(`${clinic.dataDir}.rekeying`)).toBe(false);
  });

  it('the colleague who stays signs in with the one-time password and must choose a new one', async () => {
    expect(rekeyed.oneTimePasswords).toEqual([{ staffId: clinic.stays.id, name: colleague.name, password: expect.stringMatching(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/) }]);
    const oneTime = rekeyed.oneTimePasswords[0]!.password;
    await expect(vaultOn(clinic.dataDir).unlockWithPassword(colleague.name, colleague.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    const unlocked = await vaultOn(clinic.dataDir).unlockWithPassword(colleague.name, oneTime);
    expect(unlocked).toMatchObject({ staffId: clinic.stays.id, mustChangePassword: true });
    expect((await vaultOn(clinic.dataDir).unlockWithPassword(adminName, adminPassword)).mustChangePassword).toBe(false);
    // Through the app's own bridge: until she chooses her own password, main answers nothing else.
    const runtime = new SkinLedgerRuntime({ dataDir: clinic.dataDir, appVersion: 'trust', clock: clinic.clock, scrypt: fastScryptForTests });
    try {
      const dispatch = createDispatcher(runtime, testDesktop(runtime), { isTrustedSender: () => true });
      const call = (channel: string, input: unknown = {}) => dispatch(channel, input, trustedFrame);
      expect((await call('session.login', { name: colleague.name, password: oneTime })).ok).toBe(true);
      expect(await call('clients.find', { text: '', offset: 0, limit: 5 })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Choose your own password first: you signed in with a one-time password.' },
      });
      expect(await call('session.changePassword', { currentPassword: oneTime, newPassword: 'rita-chose-a-new-one' })).toMatchObject({ ok: true });
      expect(await call('clients.find', { text: '', offset: 0, limit: 5 })).toMatchObject({ ok: true });
    } finally {
      runtime.close();
    }
    expect(await vaultOn(clinic.dataDir).unlockWithPassword(colleague.name, 'rita-chose-a-new-one')).toMatchObject({ staffId: clinic.stays.id, mustChangePassword: false });
    await expect(vaultOn(clinic.dataDir).unlockWithPassword(colleague.name, oneTime)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
  });
});
