import { rmSync, truncateSync } from 'node:fs';
import { testDesktop } from '../support/desktop';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/bridge/dispatch';
import { fastScryptForTests } from '../support/fast-scrypt';
import { SkinLedgerRuntime } from '../../main/session/runtime';
import { migrations } from '../../main/store/migrations';
import { storeMessages } from '../../main/store/store-error';
import { snapshotFolder } from '../support/temp-folder';
import { dataKeyOf, flipBytesInPages, openWithKey, pagesOfTable } from './support/damage-pages';
import { adminName, adminPassword, openTrustClinic, trustedFrame, type TrustClinic } from './support/trust-clinic';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.reverse()) step();
  cleanup = [];
});

async function clinicForTest(): Promise<TrustClinic> {
  const clinic = await openTrustClinic();
  cleanup.push(() => clinic.folder.remove());
  return clinic;
}

/** The same folder opened by a fresh SkinLedger, as after a restart. */
function restartedApp(dataDir: string) {
  const runtime = new SkinLedgerRuntime({ dataDir, appVersion: 'trust', scrypt: fastScryptForTests });
  cleanup.push(() => runtime.close());
  const dispatch = createDispatcher(runtime, testDesktop(runtime), { isTrustedSender: () => true });
  return { runtime, call: (channel: string, input: unknown = {}) => dispatch(channel, input, trustedFrame) };
}

describe('a damaged store: told as damage, and nothing more is written', () => {
  it('bytes flipped in the middle of the file: the read that meets them ends the session with DATABASE_DAMAGED, the store-error screen, and not one byte written after', async () => {
    const clinic = await clinicForTest();
    const clientIds: string[] = [];
    for (let i = 0; i < 60; i++) {
      const created = await clinic.call('clients.create', { fields: { firstName: `Client${i}`, lastName: 'Filler', notes: 'n'.repeat(1500) }, allowDuplicate: true });
      if (!created.ok) throw new Error(created.error.message);
      clientIds.push((created.value as { id: string }).id);
    }
    clinic.runtime.close();
    const folder = clinic.folder.path;
    const { pages, pageSize, pageCount } = await pagesOfTable(folder, 'client');
    // The client table's pages lie in the middle of the file, well away from page 1.
    expect(Math.min(...pages)).toBeGreaterThan(1);
    expect(Math.max(...pages)).toBeLessThan(pageCount);
    flipBytesInPages(join(folder, 'skinledger.db'), pageSize, pages);

    const app = restartedApp(folder);
    // Page 1 and the staff table are sound: signing in works (and is recorded, before any damage is met).
    expect((await app.call('session.login', { name: adminName, password: adminPassword })).ok).toBe(true);
    const profile = await app.call('clients.profile', { id: clientIds[30] });
    expect(profile).toEqual({ ok: false, error: { code: 'DATABASE_DAMAGED', message: storeMessages.databaseDamaged } });
    expect(storeMessages.databaseDamaged).toMatch(/Restore the records from a backup\.$/);
    expect(app.runtime.status()).toMatchObject({ state: 'store-error', staff: null, storeError: { code: 'DATABASE_DAMAGED', message: storeMessages.databaseDamaged } });
    const atDamage = snapshotFolder(folder);

    // Nothing the clinic does now writes: not a sign-in, a sign-out, a lock, nor closing the app.
    expect(await app.call('clients.create', { fields: { firstName: 'After', lastName: 'Damage' }, allowDuplicate: true })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(await app.call('session.login', { name: adminName, password: adminPassword })).toEqual({
      ok: false,
      error: { code: 'DATABASE_DAMAGED', message: storeMessages.databaseDamaged },
    });
    await app.runtime.runScheduledBackup('close');
    app.runtime.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(snapshotFolder(folder)).toEqual(atDamage);
  });

  it('a SQLCipher 3 file in place of the database: its own message, the store-error screen, and every file byte-identical', async () => {
    const clinic = await clinicForTest();
    clinic.runtime.close();
    const folder = clinic.folder.path;
    const database = join(folder, 'skinledger.db');
    // A store written with SQLCipher 3's settings (as an old tool would), with this clinic's key.
    const dataKey = await dataKeyOf(folder);
    rmSync(database);
    const old = openWithKey(database, dataKey, 3);
    old.exec("CREATE TABLE client (id TEXT PRIMARY KEY, first_name TEXT); INSERT INTO client VALUES ('c1', 'Old');");
    old.pragma(`user_version = ${migrations.length}`);
    old.close();
    const before = snapshotFolder(folder);

    const app = restartedApp(folder);
    const result = await app.call('session.login', { name: adminName, password: adminPassword });
    expect(result).toEqual({ ok: false, error: { code: 'DATABASE_UNREADABLE', message: storeMessages.databaseOldFormat } });
    expect(storeMessages.databaseOldFormat).toContain('SQLCipher 3');
    expect(app.runtime.status()).toMatchObject({ state: 'store-error', storeError: { code: 'DATABASE_UNREADABLE', message: storeMessages.databaseOldFormat } });
    app.runtime.close();
    expect(snapshotFolder(folder)).toEqual(before);
  });

  it('an empty key file: its own message before anyone signs in, and every file byte-identical', async () => {
    const clinic = await clinicForTest();
    clinic.runtime.close();
    const folder = clinic.folder.path;
    truncateSync(join(folder, 'keyslots.json'), 0);
    const before = snapshotFolder(folder);

    const app = restartedApp(folder);
    expect(app.runtime.status()).toMatchObject({ state: 'store-error', storeError: { code: 'KEY_FILE_DAMAGED', message: storeMessages.keyFileEmpty } });
    const result = await app.call('session.login', { name: adminName, password: adminPassword });
    expect(result).toEqual({ ok: false, error: { code: 'KEY_FILE_DAMAGED', message: storeMessages.keyFileEmpty } });
    app.runtime.close();
    expect(snapshotFolder(folder)).toEqual(before);
  });

  it('signing out on a full disk still signs out, though the sign-out cannot be recorded', async () => {
    const clinic = await clinicForTest();
    const { services } = clinic.runtime.current();
    // SQLite's own page cap: an append that needs one page more fails with SQLITE_FULL, as on a full disk.
    services.db.pragma(`max_page_count = ${services.db.pragma('page_count', { simple: true }) as number}`);
    let full = false;
    for (let i = 0; i < 2000 && !full; i++) {
      try {
        services.audit.append({ staffId: null, action: 'session.lock', entity: 'staff', detail: 'x'.repeat(200) });
      } catch (error) {
        expect((error as { code?: string }).code).toBe('SQLITE_FULL');
        full = true;
      }
    }
    expect(full).toBe(true);

    const result = await clinic.call('session.signOut');
    expect(result.ok).toBe(true);
    expect(clinic.runtime.status()).toMatchObject({ state: 'signed-out', staff: null });
    expect(await clinic.call('clients.recent', { limit: 5 })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    clinic.runtime.close();
  });
});
