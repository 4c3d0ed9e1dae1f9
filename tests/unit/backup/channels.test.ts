import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/bridge/dispatch';
import { fastScryptForTests } from '../../support/fast-scrypt';
import { SkinLedgerRuntime } from '../../../main/session/runtime';
import type { ChosenBackup, RestoreResult } from '../../../shared/contract/backup-channels';
import type { BridgeResult } from '../../../shared/contract';
import { TestClock } from '../../support/store';
import { testDesktop } from '../../support/desktop';
import { tempFolder } from '../../support/temp-folder';

const admin = { name: 'Ada Admin', password: 'correct horse battery staple' };
const frame = { frameUrl: 'app://skinledger/index.html' };

/** The app as the window sees it: runtime, dispatcher, and a backup desk with scripted dialogs. */
function app(dataDir: string, clock: TestClock, dialogs: { folder?: () => string | null; file?: () => string | null } = {}) {
  const runtime = new SkinLedgerRuntime({ dataDir, appVersion: 'test', clock, scrypt: fastScryptForTests });
  const desktop = testDesktop(runtime, {
    chooseFolder: async () => dialogs.folder?.() ?? null,
    chooseOpenPath: async () => dialogs.file?.() ?? null,
  });
  const faults: unknown[] = [];
  const dispatch = createDispatcher(runtime, desktop, { isTrustedSender: () => true, reportFault: (_channel, error) => faults.push(error) });
  const call = (channel: string, input: unknown = {}): Promise<BridgeResult<unknown>> => dispatch(channel, input, frame);
  const ok = async <T>(channel: string, input: unknown = {}): Promise<T> => {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  return { runtime, call, ok, faults };
}

let folder: ReturnType<typeof tempFolder>;
let clock: TestClock;
beforeEach(() => {
  folder = tempFolder('skinledger-backup-channels-');
  clock = new TestClock();
});
afterEach(() => folder.remove());

describe('the backup channels, as the window calls them', () => {
  it('choose a folder, back up now, list, verify, then replace the store from Settings and sign in to the restored one', async () => {
    const dataDir = join(folder.path, 'data');
    const backups = join(folder.path, 'usb');
    mkdirSync(backups);
    const clinic = app(dataDir, clock, { folder: () => backups });
    const { recoveryKey } = await clinic.ok<{ recoveryKey: string }>('setup.create', { clinicName: 'Channel Clinic', clinicAddress: '', adminName: admin.name, password: admin.password });
    await clinic.ok('setup.acknowledgeRecoveryKey');
    await clinic.ok('clients.create', { fields: { firstName: 'Before', lastName: 'Backup' }, allowDuplicate: false });

    expect(await clinic.ok('backup.status')).toMatchObject({ configured: false, warning: 'not-configured' });
    expect(await clinic.ok('backup.chooseFolder')).toMatchObject({ chosen: true, settings: { folder: backups, keepDaily: 7 } });
    const run = await clinic.ok<{ file: string; counts: { clients: number } }>('backup.runNow');
    expect(run.counts.clients).toBe(1);
    expect(await clinic.ok('backup.list')).toEqual([expect.objectContaining({ file: run.file, sameStore: true, verified: false })]);
    expect(await clinic.ok('backup.verify', { file: run.file })).toMatchObject({ file: run.file, counts: { clients: 1 } });
    expect(await clinic.call('backup.verify', { file: '../data/skinledger.db' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    await clinic.ok('clients.create', { fields: { firstName: 'After', lastName: 'Backup' }, allowDuplicate: false });
    expect(await clinic.call('backup.restore.replaceStore', { key: { kind: 'recovery', recoveryKey } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Choose a backup file first.' },
    });
    expect(await clinic.ok<ChosenBackup>('backup.restore.pickListed', { file: run.file })).toMatchObject({ chosen: true, file: run.file, sameStore: true });

    // A wrong key changes nothing: still signed in, same store.
    const wrong = await clinic.call('backup.restore.replaceStore', { key: { kind: 'password', name: admin.name, password: 'wrong password here' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    expect(clinic.runtime.status().state).toBe('signed-in');

    const restored = await clinic.ok<RestoreResult>('backup.restore.replaceStore', { key: { kind: 'password', name: admin.name, password: admin.password } });
    expect(restored).toMatchObject({ counts: { clients: 1 }, replacedFolderName: 'data.replaced-2026-11-25T09-00-00Z' });
    expect(clinic.runtime.status().state).toBe('signed-out');
    await clinic.ok('session.login', admin);
    expect(await clinic.ok('clients.find', { text: '', offset: 0, limit: 10 })).toMatchObject({ total: 1, clients: [expect.objectContaining({ firstName: 'Before' })] });
    expect(existsSync(join(folder.path, 'data.replaced-2026-11-25T09-00-00Z', 'skinledger.db'))).toBe(true);
    expect(clinic.faults).toEqual([]);
    clinic.runtime.close();
  });

  it('restore a fresh install from the set-up screen with the recovery key, and refuse once a store is there', async () => {
    const source = app(join(folder.path, 'old-pc'), clock);
    const { recoveryKey } = await source.ok<{ recoveryKey: string }>('setup.create', { clinicName: 'Old PC', clinicAddress: '', adminName: admin.name, password: admin.password });
    await source.ok('clients.create', { fields: { firstName: 'Moved', lastName: 'Across' }, allowDuplicate: false });
    const backupFile = (await source.runtime.current().services.backup.backupToFile(null, folder.path)).path;
    source.runtime.close();

    const newPc = join(folder.path, 'new-pc');
    let offered: string | null = null;
    const fresh = app(newPc, clock, { file: () => offered });
    expect(await fresh.ok('backup.restore.chooseFile')).toEqual({ chosen: false });
    offered = backupFile;
    expect(await fresh.ok('backup.restore.chooseFile')).toMatchObject({ chosen: true, createdAt: '2026-11-25T09:00:00.000Z', appVersion: '0.1.0', sameStore: null });

    expect(await fresh.call('backup.restore.withoutSignIn', { key: { kind: 'recovery', recoveryKey: 'AAAAA-BBBBB' } })).toMatchObject({ ok: false, error: { code: 'WRONG_RECOVERY_KEY' } });
    expect(existsSync(newPc)).toBe(false);
    expect(await fresh.ok('backup.restore.progress')).toBeNull();

    expect(await fresh.ok<RestoreResult>('backup.restore.withoutSignIn', { key: { kind: 'recovery', recoveryKey } })).toMatchObject({ counts: { clients: 1 }, replacedFolderName: null });
    expect(fresh.runtime.status().state).toBe('signed-out');
    await fresh.ok('session.login', admin);
    expect(await fresh.ok('clients.find', { text: 'moved', offset: 0, limit: 10 })).toMatchObject({ total: 1 });

    // Now a store exists: the public restore refuses, signed in or not.
    await fresh.ok('backup.restore.chooseFile');
    expect(await fresh.call('backup.restore.withoutSignIn', { key: { kind: 'recovery', recoveryKey } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/already has a clinic store/) },
    });
    await fresh.ok('session.signOut');
    expect(await fresh.call('backup.restore.withoutSignIn', { key: { kind: 'recovery', recoveryKey } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Nothing was moved aside or left half-restored.
    expect(
      readdirSync(folder.path)
        .filter((name) => !name.endsWith('.slbackup'))
        .sort(),
    ).toEqual(['new-pc', 'old-pc']);
    expect(fresh.faults).toEqual([]);
    fresh.runtime.close();
  });

  it('restore over a store whose key file is gone, keeping the broken folder aside; never over a folder of other files', async () => {
    const dataDir = join(folder.path, 'data');
    const clinic = app(dataDir, clock);
    const { recoveryKey } = await clinic.ok<{ recoveryKey: string }>('setup.create', { clinicName: 'Broken', clinicAddress: '', adminName: admin.name, password: admin.password });
    const backupFile = (await clinic.runtime.current().services.backup.backupToFile(null, folder.path)).path;
    clinic.runtime.close();
    rmSync(join(dataDir, 'keyslots.json'));

    const broken = app(dataDir, clock, { file: () => backupFile });
    expect(broken.runtime.status()).toMatchObject({ state: 'store-error', storeError: { code: 'KEY_FILE_MISSING' } });
    await broken.ok('backup.restore.chooseFile');
    const restored = await broken.ok<RestoreResult>('backup.restore.withoutSignIn', { key: { kind: 'recovery', recoveryKey } });
    expect(restored.replacedFolderName).toBe('data.replaced-2026-11-25T09-00-00Z');
    expect(readdirSync(join(folder.path, restored.replacedFolderName!))).toEqual(['skinledger.db']);
    expect(broken.runtime.status().state).toBe('signed-out');
    await broken.ok('session.login', admin);
    broken.runtime.close();

    const other = join(folder.path, 'holiday-photos');
    mkdirSync(other);
    writeFileSync(join(other, 'beach.jpg'), 'not a store');
    const wrongFolder = app(other, clock, { file: () => backupFile });
    expect(wrongFolder.runtime.status()).toMatchObject({ state: 'store-error', storeError: { code: 'STORE_NOT_SET_UP' } });
    await wrongFolder.ok('backup.restore.chooseFile');
    expect(await wrongFolder.call('backup.restore.withoutSignIn', { key: { kind: 'recovery', recoveryKey } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(readdirSync(other)).toEqual(['beach.jpg']);
  });
});

describe('backups to a folder', () => {
  it('made twice in the same second get two names, the second ending -2, and neither replaces the other', async () => {
    const clinic = app(join(folder.path, 'data'), clock);
    await clinic.ok('setup.create', { clinicName: 'Twice', clinicAddress: '', adminName: admin.name, password: admin.password });
    const backups = join(folder.path, 'backups');
    mkdirSync(backups);
    const { backup } = clinic.runtime.current().services;
    const first = await backup.backupToFile(null, backups);
    const second = await backup.backupToFile(null, backups);
    expect(second.path).not.toBe(first.path);
    expect(second.path).toMatch(/-2\.slbackup$/);
    expect(readdirSync(backups).sort()).toHaveLength(2);
    clinic.runtime.close();
  });
});
