import { closeSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices } from '../../../main/app';
import { productionScrypt } from '../../../main/crypto/kdf';
import { fastScryptForTests } from '../../support/fast-scrypt';
import { readKeySlotFile } from '../../../main/crypto/key-slot-file';
import { StoreError } from '../../../main/store/store-error';
import { Vault } from '../../../main/vault/vault';
import { adminName, adminPassword, createTestStore, TestClock } from '../../support/store';
import { snapshotFolder, tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.remove());

async function codeOf(action: () => unknown): Promise<string> {
  try {
    await action();
  } catch (error) {
    if (error instanceof StoreError) return error.code;
    throw error;
  }
  return 'no error';
}

/** A closed store in the temp folder, ready to be damaged. */
async function closedStore() {
  const store = await createTestStore(folder.path);
  store.services.close();
  return store;
}

describe('a new store', () => {
  it('holds the data key only wrapped: one slot per staff password and one recovery slot', async () => {
    const { dataKey } = await closedStore();
    const text = readFileSync(join(folder.path, 'keyslots.json'), 'utf8');
    expect(text).not.toContain(dataKey.toString('hex'));
    expect(text).not.toContain(dataKey.toString('base64'));
    expect(text).not.toContain(adminName);
    const file = readKeySlotFile(join(folder.path, 'keyslots.json'));
    expect(file.slots.map((s) => s.kind).sort()).toEqual(['recovery', 'staff']);
  });

  it('is a SQLCipher database: no SQLite header, and plain SQLite cannot read it', async () => {
    await closedStore();
    const head = readFileSync(join(folder.path, 'skinledger.db')).subarray(0, 16).toString('latin1');
    expect(head).not.toContain('SQLite format 3');
    const plain = new Database(join(folder.path, 'skinledger.db'), { fileMustExist: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow();
    plain.close();
  });

  it('opens with the admin password and with the recovery key, to the same data', async () => {
    const { recoveryKey, dataKey } = await closedStore();
    const vault = new Vault(folder.path, { clock: new TestClock(), scrypt: fastScryptForTests });
    const byPassword = await vault.unlockWithPassword('  ada ADMIN ', adminPassword);
    expect(byPassword.dataKey.equals(dataKey)).toBe(true);
    expect(vault.unlockWithRecoveryKey(recoveryKey.toLowerCase()).equals(dataKey)).toBe(true);
    const services = openServices(folder.path, byPassword.dataKey);
    expect(services.settings.get().clinicName).toBe('Test Clinic');
    services.close();
  });

  it('is never created over an existing store, and the existing files stay byte-identical', async () => {
    await closedStore();
    const before = snapshotFolder(folder.path);
    const vault = new Vault(folder.path, { clock: new TestClock(), scrypt: fastScryptForTests });
    expect(await codeOf(() => vault.create({ name: 'Eve', password: 'another password' }))).toBe('STORE_ALREADY_EXISTS');
    expect(snapshotFolder(folder.path)).toEqual(before);
  });

  it('refuses a folder that holds other files', async () => {
    writeFileSync(join(folder.path, 'holiday.jpg'), 'not ours');
    const vault = new Vault(folder.path, { clock: new TestClock(), scrypt: fastScryptForTests });
    expect(await codeOf(() => vault.create({ name: 'Eve', password: 'another password' }))).toBe('STORE_ALREADY_EXISTS');
  });

  it('makes password slots at production scrypt cost by default (>= 2^17, 128 MiB)', async () => {
    const vault = new Vault(folder.path, { clock: new TestClock() });
    const created = await vault.create({ name: adminName, password: adminPassword });
    created.db.close();
    const slot = readKeySlotFile(join(folder.path, 'keyslots.json')).slots.find((s) => s.kind === 'staff');
    expect(slot?.kind === 'staff' && slot.kdf.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(slot?.kind === 'staff' && slot.kdf.N * slot.kdf.r * 128).toBeGreaterThanOrEqual(128 * 1024 * 1024);
    expect(productionScrypt.N).toBe(2 ** 17);
  });
});

describe('wrong secrets', () => {
  it('a wrong password is refused and not one byte under the data folder changes', async () => {
    await closedStore();
    const before = snapshotFolder(folder.path);
    const vault = new Vault(folder.path, { clock: new TestClock(), scrypt: fastScryptForTests });
    expect(await codeOf(() => vault.unlockWithPassword(adminName, 'not the password'))).toBe('WRONG_PASSWORD');
    expect(await codeOf(() => vault.unlockWithPassword('Nobody', adminPassword))).toBe('WRONG_PASSWORD');
    expect(snapshotFolder(folder.path)).toEqual(before);
  });

  it('a wrong or mistyped recovery key is refused with its own message', async () => {
    const { recoveryKey } = await closedStore();
    const other = await createTestStore(join(folder.path, 'other'));
    other.services.close();
    const vault = new Vault(folder.path, { clock: new TestClock(), scrypt: fastScryptForTests });
    expect(await codeOf(() => vault.unlockWithRecoveryKey(other.recoveryKey))).toBe('WRONG_RECOVERY_KEY');
    expect(await codeOf(() => vault.unlockWithRecoveryKey(recoveryKey.slice(0, -3)))).toBe('WRONG_RECOVERY_KEY');
  });
});

describe('damage is named, and nothing is deleted or overwritten', () => {
  const db = () => join(folder.path, 'skinledger.db');
  const keys = () => join(folder.path, 'keyslots.json');

  async function expectOpenRefused(code: string, damage: () => void) {
    const { dataKey } = await closedStore();
    damage();
    const before = snapshotFolder(folder.path);
    const vault = new Vault(folder.path, { clock: new TestClock(), scrypt: fastScryptForTests });
    const attempt = async () => {
      const { dataKey: key } = await vault.unlockWithPassword(adminName, adminPassword);
      openServices(folder.path, key).close();
    };
    expect(await codeOf(attempt)).toBe(code);
    // Opening with the right key directly must fail the same way, and leave the same bytes.
    if (code.startsWith('DATABASE')) expect(await codeOf(() => openServices(folder.path, dataKey).close())).toBe(code);
    expect(snapshotFolder(folder.path)).toEqual(before);
  }

  it('missing key file', () => expectOpenRefused('KEY_FILE_MISSING', () => rmSync(keys())));
  it('key file cut short', () => expectOpenRefused('KEY_FILE_DAMAGED', () => truncateSync(keys(), 200)));
  it('key file with one changed character', () =>
    expectOpenRefused('KEY_FILE_DAMAGED', () => {
      const text = readFileSync(keys(), 'utf8');
      writeFileSync(
        keys(),
        text.replace(/"nonce": "(.)/, (_m, c: string) => `"nonce": "${c === 'A' ? 'B' : 'A'}`),
      );
    }));
  it('database missing', () => expectOpenRefused('DATABASE_MISSING', () => rmSync(db())));
  it('database emptied to 0 bytes', () => expectOpenRefused('DATABASE_UNREADABLE', () => truncateSync(db(), 0)));
  // Page 1 opens with the key, the pages behind it are gone: damage (SQLITE_CORRUPT), not a key that does not fit.
  it('database cut to 4096 bytes', () => expectOpenRefused('DATABASE_DAMAGED', () => truncateSync(db(), 4096)));
  it('database cut in half', () => expectOpenRefused('DATABASE_DAMAGED', () => truncateSync(db(), Math.floor(statSync(db()).size / 2 / 4096) * 4096 || 4096)));
  it('first page zeroed', () => expectOpenRefused('DATABASE_UNREADABLE', () => overwrite(db(), 0, Buffer.alloc(4096))));
  it('one flipped byte in the first page', () =>
    expectOpenRefused('DATABASE_UNREADABLE', () => {
      const bytes = readFileSync(db());
      overwrite(db(), 100, Buffer.from([bytes[100]! ^ 0xff]));
    }));
  it('a plaintext SQLite file in its place', () =>
    expectOpenRefused('DATABASE_UNREADABLE', () => {
      rmSync(db());
      const plain = new Database(db());
      plain.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
      plain.close();
    }));
  it("another store's database in its place", async () => {
    const other = await createTestStore(join(folder.path, '..', `${folder.path.split('/').pop()}-other`));
    const otherDb = join(other.vault.folder.root, 'skinledger.db');
    other.services.close();
    await expectOpenRefused('DATABASE_UNREADABLE', () => writeFileSync(db(), readFileSync(otherDb)));
    rmSync(other.vault.folder.root, { recursive: true, force: true });
  });
});

describe('store from the future, and a second copy of the app', () => {
  it('a database from a newer SkinLedger is refused untouched', async () => {
    const { services, dataKey } = await createTestStore(folder.path);
    services.db.pragma('user_version = 999');
    services.close();
    const before = snapshotFolder(folder.path);
    expect(await codeOf(() => openServices(folder.path, dataKey))).toBe('STORE_FROM_NEWER_VERSION');
    expect(snapshotFolder(folder.path)).toEqual(before);
  });

  it('a second opener of the same data folder is refused while the first has it open', async () => {
    const { services, dataKey } = await createTestStore(folder.path);
    expect(await codeOf(() => openServices(folder.path, dataKey))).toBe('STORE_IN_USE');
    services.close();
    const reopened = openServices(folder.path, dataKey);
    reopened.close();
  });
});

function overwrite(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
}
