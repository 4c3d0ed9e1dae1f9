import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices } from '../../main/app';
import { fastScryptForTests } from '../support/fast-scrypt';
import { readKeySlotFile } from '../../main/crypto/key-slot-file';
import { SkinLedgerRuntime } from '../../main/session/runtime';
import { StoreError } from '../../main/store/store-error';
import { Vault } from '../../main/vault/vault';
import { adminName, adminPassword, createTestStore, TestClock } from '../support/store';
import { snapshotFolder, tempFolder } from '../support/temp-folder';
import { legacyStaffSlot, readRaw, staffSlotOf, tamper, writeLegacyFile } from './support/key-file-attacks';

// The attacker of these tests has the data folder but no key and no admin password: they can edit
// keyslots.json and recompute its plain checksum, nothing more.

const receptionName = 'Rex Reception';
const receptionPassword = 'reception password 1';

let folder: ReturnType<typeof tempFolder>;
let clock: TestClock;
let ids: { admin: string; reception: string };
let dataKey: Buffer;
let recoveryKey: string;
const keyFile = () => join(folder.path, 'keyslots.json');

beforeEach(async () => {
  folder = tempFolder('skinledger-keyfile-');
  clock = new TestClock();
  const store = await createTestStore(folder.path, clock);
  const reception = await store.services.staff.add(store.admin.id, { name: receptionName, role: 'reception', password: receptionPassword });
  ids = { admin: store.admin.id, reception: reception.id };
  dataKey = store.dataKey;
  recoveryKey = store.recoveryKey;
  store.services.close();
});
afterEach(() => folder.remove());

const runtime = () => new SkinLedgerRuntime({ dataDir: folder.path, appVersion: 'trust', clock, scrypt: fastScryptForTests });

async function signInError(name: string, password: string): Promise<StoreError> {
  const app = runtime();
  try {
    await app.login(name, password);
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  } finally {
    app.close();
  }
  throw new Error(`${name} signed in`);
}

/** Signs in through the app's own path and returns who it says signed in. */
async function signIn(name: string, password: string): Promise<string> {
  const app = runtime();
  try {
    return (await app.login(name, password)).id;
  } finally {
    app.close();
  }
}

async function expectRefusedAsAltered(name: string, password: string): Promise<void> {
  const before = snapshotFolder(folder.path);
  const error = await signInError(name, password);
  expect(error.code).toBe('KEY_FILE_ALTERED');
  expect(error.message).toMatch(/key file .* was changed .* backup .* recovery key/);
  expect(snapshotFolder(folder.path)).toEqual(before);
}

describe('editing keyslots.json cannot change who a password signs in as', () => {
  it("pointing reception's slot at the admin's staff id: her password is refused as an altered key file, not one byte changes", async () => {
    tamper(keyFile(), (file) => {
      staffSlotOf(file, ids.reception)['staffId'] = ids.admin;
    });
    await expectRefusedAsAltered(receptionName, receptionPassword);
  });

  it('the app then shows the store-error screen for the key file, until the file is put back', async () => {
    const original = readFileSync(keyFile());
    tamper(keyFile(), (file) => {
      staffSlotOf(file, ids.reception)['staffId'] = ids.admin;
    });
    const app = runtime();
    try {
      await expect(app.login(receptionName, receptionPassword)).rejects.toMatchObject({ code: 'KEY_FILE_ALTERED' });
      expect(app.status()).toMatchObject({ state: 'store-error', storeError: { code: 'KEY_FILE_ALTERED' } });
      writeFileSync(keyFile(), original);
      expect(app.status().state).toBe('signed-out');
      expect((await app.login(receptionName, receptionPassword)).id).toBe(ids.reception);
    } finally {
      app.close();
    }
  });

  it("the same attack on a slot from before version 2 inside a MACed file is caught by the file's MAC", async () => {
    const storeId = readRaw(keyFile())['storeId'] as string;
    writeLegacyFile(keyFile(), [
      await legacyStaffSlot(storeId, ids.admin, adminName, adminPassword, dataKey),
      await legacyStaffSlot(storeId, ids.reception, receptionName, receptionPassword, dataKey),
    ]);
    // The admin signs in: the file is MACed (and his slot re-sealed); reception's stays as it was.
    expect(await signIn(adminName, adminPassword)).toBe(ids.admin);
    expect(readRaw(keyFile())['version']).toBe(2);
    expect(staffSlotOf(readRaw(keyFile()), ids.reception)['version']).toBeUndefined();
    tamper(keyFile(), (file) => {
      staffSlotOf(file, ids.reception)['staffId'] = ids.admin;
    });
    await expectRefusedAsAltered(receptionName, receptionPassword);
  });

  it('swapping two slots’ name tags: the sealed identity no longer matches', async () => {
    tamper(keyFile(), (file) => {
      const admin = staffSlotOf(file, ids.admin);
      const reception = staffSlotOf(file, ids.reception);
      [admin['nameTag'], reception['nameTag']] = [reception['nameTag'], admin['nameTag']];
    });
    // Reception typing the admin's name now finds her own slot: refused as altered.
    await expectRefusedAsAltered(adminName, receptionPassword);
    // The admin's own name leads to reception's slot, which his password does not open.
    const before = snapshotFolder(folder.path);
    expect((await signInError(adminName, adminPassword)).code).toBe('WRONG_PASSWORD');
    // A wrong password is counted for the sign-in wait (its own small file); the store is untouched.
    const { '.login-throttle.json': counted, ...after } = snapshotFolder(folder.path);
    expect(counted).toBeDefined();
    expect(after).toEqual(before);
  });

  it('deleting the MAC is refused before anyone types a password', async () => {
    tamper(keyFile(), (file) => {
      delete file['mac'];
    });
    await expectRefusedAsAltered(adminName, adminPassword);
    expect(() => new Vault(folder.path, { clock, scrypt: fastScryptForTests }).assertOpenable()).toThrow(/changed by something other than SkinLedger/);
  });

  it('changing the MAC is refused once the data key is unwrapped', async () => {
    tamper(keyFile(), (file) => {
      const mac = file['mac'] as string;
      file['mac'] = `${mac[0] === '0' ? '1' : '0'}${mac.slice(1)}`;
    });
    await expectRefusedAsAltered(adminName, adminPassword);
  });

  it('moving the audit head inside the key file is refused', async () => {
    // Sign in and out once so the trail's head is anchored in the file.
    await signIn(adminName, adminPassword);
    const head = readRaw(keyFile())['auditHead'] as { seq: number; hash: string };
    expect(head.seq).toBeGreaterThan(1);
    tamper(keyFile(), (file) => {
      file['auditHead'] = { seq: head.seq - 1, hash: head.hash };
    });
    await expectRefusedAsAltered(adminName, adminPassword);
  });

  it('downgrading to the old format (version 1, no MAC) is refused', async () => {
    tamper(keyFile(), (file) => {
      file['version'] = 1;
      delete file['mac'];
    });
    await expectRefusedAsAltered(adminName, adminPassword);
  });

  it('downgrading the slots too only leaves slots no password opens', async () => {
    tamper(keyFile(), (file) => {
      file['version'] = 1;
      delete file['mac'];
      for (const slot of file.slots) {
        delete slot['version'];
        delete slot['check'];
      }
    });
    const before = snapshotFolder(folder.path);
    expect((await signInError(adminName, adminPassword)).code).toBe('WRONG_PASSWORD');
    expect((await signInError(receptionName, receptionPassword)).code).toBe('WRONG_PASSWORD');
    // Only the wrong-password count moves (its own small file); the store is untouched.
    const { '.login-throttle.json': _counted, ...after } = snapshotFolder(folder.path);
    expect(after).toEqual(before);
  });

  it('a slot rewritten with a cheap scrypt cost is refused without running it', async () => {
    tamper(keyFile(), (file) => {
      (staffSlotOf(file, ids.reception)['kdf'] as { N: number }).N = 2;
    });
    await expectRefusedAsAltered(receptionName, receptionPassword);
  });

  it('the app (production cost) refuses a slot at the test cost: only an option in code accepts it', async () => {
    const before = snapshotFolder(folder.path);
    const production = new Vault(folder.path, { clock });
    await expect(production.unlockWithPassword(adminName, adminPassword)).rejects.toMatchObject({ code: 'KEY_FILE_ALTERED' });
    expect(snapshotFolder(folder.path)).toEqual(before);
  });
});

describe('key files from before version 2', () => {
  beforeEach(async () => {
    const storeId = readRaw(keyFile())['storeId'] as string;
    writeLegacyFile(keyFile(), [
      await legacyStaffSlot(storeId, ids.admin, adminName, adminPassword, dataKey),
      await legacyStaffSlot(storeId, ids.reception, receptionName, receptionPassword, dataKey),
    ]);
  });

  it('still open, and are MACed with the signer’s slot re-sealed at the next sign-in', async () => {
    expect(readRaw(keyFile())['version']).toBe(1);
    expect(await signIn(receptionName, receptionPassword)).toBe(ids.reception);
    const upgraded = readRaw(keyFile());
    expect(upgraded['version']).toBe(2);
    expect(upgraded['mac']).toMatch(/^[0-9a-f]{64}$/);
    expect(staffSlotOf(upgraded, ids.reception)['version']).toBe(2);
    expect(staffSlotOf(upgraded, ids.admin)['version']).toBeUndefined();
    // Everyone's password still opens; the admin's slot is re-sealed at his own sign-in.
    expect(await signIn(adminName, adminPassword)).toBe(ids.admin);
    expect(staffSlotOf(readRaw(keyFile()), ids.admin)['version']).toBe(2);
    expect(await signIn(receptionName, receptionPassword)).toBe(ids.reception);
  });

  it('once upgraded, cannot be turned back into a file without a MAC', async () => {
    await signIn(receptionName, receptionPassword);
    tamper(keyFile(), (file) => {
      file['version'] = 1;
      delete file['mac'];
    });
    await expectRefusedAsAltered(adminName, adminPassword);
  });

  it('the recovery key still opens one, and checks the MAC once it has one', async () => {
    const vault = new Vault(folder.path, { clock, scrypt: fastScryptForTests });
    expect(vault.unlockWithRecoveryKey(recoveryKey).equals(dataKey)).toBe(true);
    await signIn(adminName, adminPassword);
    expect(vault.unlockWithRecoveryKey(recoveryKey).equals(dataKey)).toBe(true);
    tamper(keyFile(), (file) => {
      staffSlotOf(file, ids.reception)['staffId'] = ids.admin;
    });
    expect(() => vault.unlockWithRecoveryKey(recoveryKey)).toThrow(expect.objectContaining({ code: 'KEY_FILE_ALTERED' }));
  });
});

describe('two key-file changes at once', () => {
  it('a password reset racing a deactivation: the deactivated person’s password no longer unwraps', async () => {
    const vault = new Vault(folder.path, { clock, scrypt: fastScryptForTests });
    const { dataKey: key } = await vault.unlockWithPassword(adminName, adminPassword);
    const services = openServices(folder.path, key, { clock, scrypt: fastScryptForTests });
    try {
      const leaver = await services.staff.add(ids.admin, { name: 'Lee Leaver', role: 'practitioner', password: 'leaver password 1' });
      // The reset's scrypt run is under way when the deactivation lands.
      const reset = services.staff.resetPassword(ids.admin, ids.reception, 'a new reception password');
      services.staff.update(ids.admin, { id: leaver.id, name: 'Lee Leaver', role: 'practitioner', active: false });
      await reset;
      await expect(vault.unlockWithPassword('Lee Leaver', 'leaver password 1')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
      expect(readKeySlotFile(keyFile()).slots.some((s) => s.kind === 'staff' && s.staffId === leaver.id)).toBe(false);
      expect((await vault.unlockWithPassword(receptionName, 'a new reception password')).staffId).toBe(ids.reception);
    } finally {
      services.close();
      key.fill(0);
    }
  });

  it('a reset of the person being deactivated at the same moment leaves them without a slot', async () => {
    const vault = new Vault(folder.path, { clock, scrypt: fastScryptForTests });
    const { dataKey: key } = await vault.unlockWithPassword(adminName, adminPassword);
    const services = openServices(folder.path, key, { clock, scrypt: fastScryptForTests });
    try {
      const reset = services.staff.resetPassword(ids.admin, ids.reception, 'a new reception password');
      services.staff.update(ids.admin, { id: ids.reception, name: receptionName, role: 'reception', active: false });
      await expect(reset).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(vault.unlockWithPassword(receptionName, receptionPassword)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
      await expect(vault.unlockWithPassword(receptionName, 'a new reception password')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
      expect(vault.hasSlotFor(ids.reception)).toBe(false);
    } finally {
      services.close();
      key.fill(0);
    }
  });
});
