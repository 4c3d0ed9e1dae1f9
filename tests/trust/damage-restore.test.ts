import type * as NodeFs from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testDesktop } from '../support/desktop';
import { createDispatcher } from '../../main/bridge/dispatch';
import { fastScryptForTests } from '../support/fast-scrypt';
import { SkinLedgerRuntime } from '../../main/session/runtime';
import { storeMessages } from '../../main/store/store-error';
import { TestClock } from '../support/store';
import { tempFolder } from '../support/temp-folder';
import { flipBytesInPages, pagesOfTable } from './support/damage-pages';
import { adminName, adminPassword, openTrustClinic, trustedFrame } from './support/trust-clinic';

/**
 * Every folder rename, with what this process still had open inside the folder being moved at
 * that moment (/proc/self/fd: Linux only). On Windows any such handle makes the rename fail, so
 * a restore that leaves one open works here and breaks there.
 */
const renames = vi.hoisted(() => [] as { from: string; openInside: string[] }[]);
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeFs>();
  const openInside = (folder: string): string[] =>
    actual.readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        const target = actual.readlinkSync(`/proc/self/fd/${fd}`);
        return target === folder || target.startsWith(`${folder}/`) ? [target] : [];
      } catch {
        return [];
      }
    });
  const renameSync: typeof actual.renameSync = (from, to) => {
    if (actual.statSync(from).isDirectory()) renames.push({ from: String(from), openInside: openInside(String(from)) });
    actual.renameSync(from, to);
  };
  return { ...actual, default: { ...actual, renameSync }, renameSync };
});

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.reverse()) step();
  cleanup = [];
  renames.length = 0;
});

describe.runIf(process.platform === 'linux')('restoring over a store found damaged mid-session', () => {
  it("from the store-error screen: the damaged session's database, its log and every other handle into the old folder are closed before the folders are swapped", async () => {
    const clinic = await openTrustClinic();
    cleanup.push(() => clinic.folder.remove());
    const dataDir = resolve(clinic.folder.path);
    const clientIds: string[] = [];
    for (let i = 0; i < 60; i++) {
      const created = await clinic.call('clients.create', { fields: { firstName: `Client${i}`, lastName: 'Filler', notes: 'n'.repeat(1500) }, allowDuplicate: true });
      if (!created.ok) throw new Error(created.error.message);
      clientIds.push((created.value as { id: string }).id);
    }
    const backups = tempFolder('skinledger-damage-restore-backups-');
    cleanup.push(() => backups.remove());
    const { services, staff } = clinic.runtime.current();
    const backup = (await services.backup.backupToFile(staff.id, backups.path)).path;
    clinic.runtime.close();
    const { pages, pageSize } = await pagesOfTable(dataDir, 'client');
    flipBytesInPages(join(dataDir, 'skinledger.db'), pageSize, pages);

    // A fresh app on the damaged folder: signing in works, the first read of a client meets the damage.
    const clock = new TestClock();
    const runtime = new SkinLedgerRuntime({ dataDir, appVersion: 'trust', clock, scrypt: fastScryptForTests });
    cleanup.push(() => runtime.close());
    const desktop = testDesktop(runtime);
    const desk = desktop.backup;
    const dispatch = createDispatcher(runtime, desktop, { isTrustedSender: () => true });
    const call = (channel: string, input: unknown = {}) => dispatch(channel, input, trustedFrame);
    expect((await call('session.login', { name: adminName, password: adminPassword })).ok).toBe(true);
    expect(await call('clients.profile', { id: clientIds[30] })).toMatchObject({ ok: false, error: { code: 'DATABASE_DAMAGED' } });
    expect(runtime.status()).toMatchObject({ state: 'store-error', storeError: { code: 'DATABASE_DAMAGED', message: storeMessages.databaseDamaged } });
    // The damaged session's connection is still open here (closing it would checkpoint into the file).
    expect(renames).toEqual([]);

    await desk.pick(backup);
    const restored = await desk.restoreWithoutSignIn({ kind: 'password', name: adminName, password: adminPassword });
    expect(restored.replacedFolderName).not.toBeNull();

    // The live folder moved aside first, with nothing of this process open inside it.
    expect(renames[0]).toEqual({ from: dataDir, openInside: [] });
    expect(runtime.status().state).toBe('signed-out');
    expect((await call('session.login', { name: adminName, password: adminPassword })).ok).toBe(true);
    expect(await call('clients.profile', { id: clientIds[30] })).toMatchObject({ ok: true });
  });
});
