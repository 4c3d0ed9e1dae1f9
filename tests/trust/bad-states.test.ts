import { execFileSync } from 'node:child_process';
import { testDesktop } from '../support/desktop';
import { chmodSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/bridge/dispatch';
import { fastScryptForTests } from '../support/fast-scrypt';
import { SkinLedgerRuntime } from '../../main/session/runtime';
import { storeMessages } from '../../main/store/store-error';
import { snapshotFolder } from '../support/temp-folder';
import { tableHashes } from './support/store-fingerprint';
import { adminName, adminPassword, openTrustClinic, trustedFrame, type TrustClinic } from './support/trust-clinic';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.reverse()) step();
  cleanup = [];
});

async function clinicForTest(): Promise<TrustClinic> {
  const clinic = await openTrustClinic();
  cleanup.push(() => clinic.folder.remove());
  cleanup.push(() => {
    try {
      clinic.runtime.close();
    } catch {
      // Already closed by the test.
    }
  });
  return clinic;
}

/** A second SkinLedger on the same folder, as a second window or a second PC on a share would be. */
function secondApp(dataDir: string) {
  const runtime = new SkinLedgerRuntime({ dataDir, appVersion: 'trust', scrypt: fastScryptForTests });
  cleanup.push(() => runtime.close());
  const faults: unknown[] = [];
  const dispatch = createDispatcher(runtime, testDesktop(runtime), { isTrustedSender: () => true, reportFault: (_channel, error) => faults.push(error) });
  return { runtime, faults, call: (channel: string, input: unknown = {}) => dispatch(channel, input, trustedFrame) };
}

/**
 * Makes a folder and its files read-only for this process. chmod is enough for a normal user;
 * root (as on this build machine) ignores permission bits, so the folder and its files are also
 * marked immutable (chattr +i, ext4), which refuses writes to root too. Undone after the test.
 */
function makeReadOnly(folder: string): void {
  const files = readdirSync(folder).map((name) => join(folder, name));
  // Undone in reverse order: the immutable mark comes off before the modes go back.
  cleanup.push(() => {
    chmodSync(folder, 0o700);
    for (const file of files) chmodSync(file, 0o600);
  });
  for (const file of files) chmodSync(file, 0o444);
  chmodSync(folder, 0o555);
  if (process.getuid?.() === 0) {
    cleanup.push(() => execFileSync('chattr', ['-i', folder, ...files]));
    execFileSync('chattr', ['+i', ...files, folder]);
  }
}

describe('bad states a clinic PC runs into', () => {
  it('disk full: the write is refused with a clear message, its transaction rolled back and the key file untouched; the next write after space is freed works', async () => {
    const clinic = await clinicForTest();
    const db = clinic.runtime.current().services.db;
    const keyFile = join(clinic.folder.path, 'keyslots.json');
    // SQLite's own page cap: a write that needs one page more fails with SQLITE_FULL exactly as on
    // a full disk (the pager's "database or disk is full"). A tmpfs or quota needs root to mount.
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);

    let refused: { code: string; message: string } | null = null;
    for (let attempt = 0; attempt < 500 && !refused; attempt++) {
      const before = tableHashes(db);
      const keysBefore = readFileSync(keyFile);
      const result = await clinic.call('clients.create', {
        fields: { firstName: `Filler${attempt}`, lastName: 'Client', notes: 'x'.repeat(3000), address: 'y'.repeat(400) },
        allowDuplicate: true,
      });
      if (result.ok) continue;
      refused = result.error;
      // Nothing half-written: every table as it was, the audit trail too, and the key file (where the audit head is anchored).
      expect(tableHashes(db)).toEqual(before);
      expect(readFileSync(keyFile).equals(keysBefore)).toBe(true);
    }
    expect(refused).toEqual({ code: 'SAVE_FAILED', message: storeMessages.diskFull });
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');

    db.pragma(`max_page_count = ${pages * 100}`);
    const after = await clinic.call('clients.create', { fields: { firstName: 'After', lastName: 'Space' }, allowDuplicate: true });
    expect(after.ok).toBe(true);
  });

  it('read-only data folder: signing in says so (not "damaged"), offers no restore, and changes nothing', async () => {
    const clinic = await clinicForTest();
    clinic.runtime.close();
    const folder = clinic.folder.path;
    makeReadOnly(folder);
    const before = snapshotFolder(folder);

    const app = secondApp(folder);
    expect(app.runtime.status().state).toBe('signed-out');
    const result = await app.call('session.login', { name: adminName, password: adminPassword });
    expect(result).toEqual({ ok: false, error: { code: 'DATA_FOLDER_READ_ONLY', message: storeMessages.readOnly } });
    // Not shown as damage: the store-error screen (with its restore) is for a broken store, not a locked-down one.
    expect(app.runtime.status()).toMatchObject({ state: 'signed-out', storeError: null });
    expect(snapshotFolder(folder)).toEqual(before);
  });

  it('a database that fails at sign-in puts the store-error screen (with restore) up, and a new file in its place is looked at afresh', async () => {
    const clinic = await clinicForTest();
    clinic.runtime.close();
    const database = join(clinic.folder.path, 'skinledger.db');
    const good = readFileSync(database);
    const damaged = Buffer.from(good);
    damaged.fill(0x5a, 0, 8192);
    writeFileSync(database, damaged);

    const app = secondApp(clinic.folder.path);
    expect(app.runtime.status().state).toBe('signed-out');
    const result = await app.call('session.login', { name: adminName, password: adminPassword });
    expect(result.ok || result.error.code).toBe('DATABASE_UNREADABLE');
    expect(app.runtime.status()).toMatchObject({ state: 'store-error', storeError: { code: 'DATABASE_UNREADABLE', message: storeMessages.databaseUnreadable } });
    expect(readFileSync(database).equals(damaged)).toBe(true);

    // A restore (or support) puts a sound file in its place: sign-in is offered again and works.
    writeFileSync(`${database}.sound`, good);
    renameSync(`${database}.sound`, database);
    expect(app.runtime.status().state).toBe('signed-out');
    const again = await app.call('session.login', { name: adminName, password: adminPassword });
    expect(again.ok).toBe(true);
  });

  it('a second SkinLedger on the same folder is refused with a clear message, and the first carries on', async () => {
    const clinic = await clinicForTest();
    const second = secondApp(clinic.folder.path);
    const result = await second.call('session.login', { name: adminName, password: adminPassword });
    expect(result).toEqual({ ok: false, error: { code: 'STORE_IN_USE', message: storeMessages.inUse } });
    expect(second.runtime.status()).toMatchObject({ state: 'signed-out', storeError: null });
    const first = await clinic.call('clients.create', { fields: { firstName: 'Still', lastName: 'Working' }, allowDuplicate: true });
    expect(first.ok).toBe(true);
  });
});
