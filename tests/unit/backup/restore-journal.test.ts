import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { testDesktop } from '../../support/desktop';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices } from '../../../main/app';
import { listKeptAsideStores } from '../../../main/backup/kept-aside-stores';
import { replaceStoreFromBackup, type RestoreRequest } from '../../../main/backup/restore-backup';
import { finishInterruptedRestore, restoreJournalPath, writeRestoreJournal } from '../../../main/backup/restore-journal';
import { createDispatcher } from '../../../main/bridge/dispatch';
import { fastScryptForTests } from '../../support/fast-scrypt';
import { SkinLedgerRuntime } from '../../../main/session/runtime';
import type { BridgeResult } from '../../../shared/contract';
import { backupClinic, type BackupClinic } from './backup-fixture';

let clinic: BackupClinic;
let backupPath: string;
let aside: string;
let restoring: string;
beforeEach(async () => {
  clinic = await backupClinic({ clients: 3 });
  backupPath = (await clinic.services.backup.backupToFile(clinic.admin.id, clinic.backupsDir)).path;
  // One more client after the backup: the old store has 4, the restored one 3.
  clinic.services.clients.create(clinic.admin.id, { firstName: 'After', lastName: 'The Backup' });
  clinic.services.close();
  aside = join(clinic.folder.path, 'data.replaced-2026-11-25T09-00-00Z');
  restoring = `${clinic.dataDir}.restoring`;
});
afterEach(() => clinic.folder.remove());

const request = (): RestoreRequest => ({ archivePath: backupPath, unlock: { kind: 'recovery', recoveryKey: clinic.recoveryKey }, clock: clinic.clock, via: 'cli' });

const clientCount = (dataDir: string) => {
  const services = openServices(dataDir, clinic.dataKey, { clock: clinic.clock });
  try {
    return services.clients.find('', { offset: 0, limit: 1 }).total;
  } finally {
    services.close();
  }
};

const runtimeOn = (dataDir: string) => new SkinLedgerRuntime({ dataDir, appVersion: 'test', clock: clinic.clock, scrypt: fastScryptForTests, networkShareOf: () => null });

/**
 * The folders as a process killed at a point of the swap leaves them: a real replace is run,
 * then put back to the state of that moment, with the journal it had written.
 */
async function killedAt(point: 'before-first-move' | 'between-moves' | 'undoing'): Promise<void> {
  await replaceStoreFromBackup(clinic.dataDir, request());
  if (point === 'before-first-move') {
    renameSync(clinic.dataDir, restoring);
    renameSync(aside, clinic.dataDir);
  } else if (point === 'between-moves') {
    renameSync(clinic.dataDir, restoring);
  } else {
    // The second move failed, the restored folder was removed, the old one not yet put back.
    renameSync(clinic.dataDir, join(clinic.folder.path, 'gone'));
  }
  writeRestoreJournal(clinic.dataDir, { restoring, aside });
}

describe('the restore journal: folder moves cut off by a crash are finished at the next start', () => {
  it('killed between the two renames: the next start finishes the swap and shows sign-in, not set-up', async () => {
    await killedAt('between-moves');
    expect(existsSync(clinic.dataDir)).toBe(false);
    const runtime = runtimeOn(clinic.dataDir);
    expect(runtime.status().state).toBe('signed-out');
    expect(clientCount(clinic.dataDir)).toBe(3);
    expect(clientCount(aside)).toBe(4);
    expect(existsSync(restoreJournalPath(clinic.dataDir))).toBe(false);
    expect(existsSync(restoring)).toBe(false);
  });

  it('killed after the journal, before the first rename: the proven restore goes ahead', async () => {
    await killedAt('before-first-move');
    expect(finishInterruptedRestore(clinic.dataDir)).toBe('finished');
    expect(clientCount(clinic.dataDir)).toBe(3);
    expect(clientCount(aside)).toBe(4);
  });

  it('with the restored folder gone and no store in place, the old store is put back', async () => {
    await killedAt('undoing');
    expect(finishInterruptedRestore(clinic.dataDir)).toBe('undone');
    expect(clientCount(clinic.dataDir)).toBe(4);
    expect(existsSync(aside)).toBe(false);
  });

  it('a journal whose moves all landed, or none, is cleared and changes nothing', async () => {
    await replaceStoreFromBackup(clinic.dataDir, request());
    writeRestoreJournal(clinic.dataDir, { restoring, aside });
    expect(finishInterruptedRestore(clinic.dataDir)).toBe('finished');
    expect(clientCount(clinic.dataDir)).toBe(3);
    expect(existsSync(restoreJournalPath(clinic.dataDir))).toBe(false);
    expect(finishInterruptedRestore(clinic.dataDir)).toBe('none');
  });

  it('a journal naming paths outside the folder\u2019s siblings is ignored', () => {
    writeFileSync(restoreJournalPath(clinic.dataDir), JSON.stringify({ restoring: '../../etc', aside: null }));
    expect(finishInterruptedRestore(clinic.dataDir)).toBe('none');
    expect(clientCount(clinic.dataDir)).toBe(4);
  });

  it('the next restore finishes a cut-off one first (the CLI path)', async () => {
    await killedAt('between-moves');
    const again = await replaceStoreFromBackup(clinic.dataDir, request());
    expect(again.replacedFolder).toBe(`${aside}-2`);
    expect(readdirSync(clinic.folder.path).sort()).toEqual(['backups', 'data', 'data.replaced-2026-11-25T09-00-00Z', 'data.replaced-2026-11-25T09-00-00Z-2']);
  });
});

describe('kept-aside stores', () => {
  it('are listed with when they were moved aside and their size, and deleted by an admin, audited', async () => {
    await replaceStoreFromBackup(clinic.dataDir, request());
    const runtime = runtimeOn(clinic.dataDir);
    const dispatch = createDispatcher(runtime, testDesktop(runtime), { isTrustedSender: () => true, reportFault: () => undefined });
    const call = (channel: string, input: unknown = {}): Promise<BridgeResult<unknown>> => dispatch(channel, input, { frameUrl: 'app://skinledger/index.html' });
    await runtime.login('Ada Admin', 'correct horse battery staple');

    const listed = await call('backup.keptAside.list');
    expect(listed).toEqual({ ok: true, value: [{ name: 'data.replaced-2026-11-25T09-00-00Z', movedAsideAt: '2026-11-25T09:00:00Z', sizeBytes: expect.any(Number) }] });
    expect(listKeptAsideStores(clinic.dataDir)[0]!.sizeBytes).toBeGreaterThan(50_000);

    expect(await call('backup.keptAside.delete', { name: '../data' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('backup.keptAside.delete', { name: 'data.replaced-1999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('backup.keptAside.delete', { name: 'data.replaced-2026-11-25T09-00-00Z' })).toEqual({ ok: true, value: [] });
    expect(existsSync(aside)).toBe(false);
    const audit = runtime.current().services.db.prepare(`SELECT staff_id, entity_id, detail FROM audit_event WHERE action = 'backup.kept-aside.delete'`).all();
    expect(audit).toEqual([{ staff_id: runtime.signedIn()!.id, entity_id: 'data.replaced-2026-11-25T09-00-00Z', detail: expect.stringMatching(/^bytes=\d+$/) }]);
    runtime.close();
  });
});
