import { existsSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupClinic, type BackupClinic } from './backup-fixture';

const hour = 60 * 60 * 1000;
const day = 24 * hour;

let clinic: BackupClinic;
beforeEach(async () => {
  clinic = await backupClinic({ clients: 2 });
});
afterEach(() => {
  clinic.services.close();
  clinic.folder.remove();
});

const lastAudit = () => clinic.services.audit.recent(1)[0]!;

describe('backup settings, status and the schedule', () => {
  it('warns until a folder is chosen, then until the first backup, then when the last good one is too old', async () => {
    const { backup } = clinic.services;
    expect(backup.status()).toMatchObject({ configured: false, warning: 'not-configured', lastSuccessAt: null, nextDueAt: null, running: null });
    expect(await backup.runDueBackups(clinic.clock.now(), 'close')).toEqual({ ran: false, reason: 'not-configured' });
    await expect(backup.runNow(clinic.admin.id)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/No backup folder is set/) });

    backup.setFolder(clinic.admin.id, clinic.backupsDir);
    expect(lastAudit()).toMatchObject({ action: 'settings.update', entity_id: 'backup', detail: 'folder' });
    expect(backup.status()).toMatchObject({ configured: true, warning: 'never', nextDueAt: clinic.clock.now().toISOString() });

    const result = await backup.runNow(clinic.admin.id);
    expect(result).toMatchObject({ verified: false, removedOldBackups: 0, counts: { clients: 2 } });
    expect(lastAudit()).toMatchObject({ action: 'backup.create', staff_id: clinic.admin.id, detail: `via=app file=${result.file} bytes=${result.sizeBytes} removed=0` });
    expect(backup.status()).toMatchObject({ warning: 'none', lastSuccessFile: result.file, lastSuccessAgeDays: 0, lastError: null });
    expect(backup.status().nextDueAt).toBe(new Date(clinic.clock.now().getTime() + day).toISOString());

    clinic.clock.advance(2 * day + hour);
    expect(backup.status()).toMatchObject({ warning: 'overdue', lastSuccessAgeDays: 2, warnAfterDays: 2 });
    backup.updateSettings(clinic.admin.id, { keepDaily: 7, keepWeekly: 4, keepMonthly: 12, warnAfterDays: 3 });
    expect(lastAudit()).toMatchObject({ action: 'settings.update', detail: 'warnAfterDays' });
    expect(backup.status()).toMatchObject({ warning: 'none', warnAfterDays: 3 });
  });

  it('records a failure for the home screen, tries again after an hour, and a success clears it', async () => {
    const { backup } = clinic.services;
    backup.setFolder(clinic.admin.id, clinic.backupsDir);
    // The USB drive is unplugged.
    renameSync(clinic.backupsDir, `${clinic.backupsDir}-unplugged`);
    await expect(backup.runDueBackups(clinic.clock.now(), 'daily')).rejects.toMatchObject({ code: 'SAVE_FAILED', message: expect.stringMatching(/cannot be reached/) });
    expect(lastAudit()).toMatchObject({ action: 'backup.failed', staff_id: null, detail: 'via=schedule code=SAVE_FAILED' });
    expect(backup.status()).toMatchObject({ warning: 'never', lastError: { message: expect.stringMatching(/cannot be reached/) } });

    clinic.clock.advance(30 * 60 * 1000);
    expect(await backup.runDueBackups(clinic.clock.now(), 'daily')).toEqual({ ran: false, reason: 'not-due' });
    clinic.clock.advance(31 * 60 * 1000);
    renameSync(`${clinic.backupsDir}-unplugged`, clinic.backupsDir);
    expect((await backup.runDueBackups(clinic.clock.now(), 'daily')).ran).toBe(true);
    expect(backup.status()).toMatchObject({ warning: 'none', lastError: null });
  });

  it('on close, backs up when the clinic did anything since the last backup, and not for signing in and out alone', async () => {
    const { backup, audit, clients } = clinic.services;
    backup.setFolder(clinic.admin.id, clinic.backupsDir);
    expect((await backup.runDueBackups(clinic.clock.now(), 'close')).ran).toBe(true);
    clinic.clock.advance(hour);
    audit.append({ staffId: clinic.admin.id, action: 'session.sign-out', entity: 'staff' });
    audit.append({ staffId: clinic.admin.id, action: 'session.sign-in', entity: 'staff' });
    expect(await backup.runDueBackups(clinic.clock.now(), 'close')).toEqual({ ran: false, reason: 'not-due' });
    expect(await backup.runDueBackups(clinic.clock.now(), 'daily')).toEqual({ ran: false, reason: 'not-due' });
    clients.create(clinic.admin.id, { firstName: 'Late', lastName: 'Booking' });
    clinic.clock.advance(1000);
    const second = await backup.runDueBackups(clinic.clock.now(), 'close');
    expect(second.ran).toBe(true);
    // Two on one day: rotation keeps the newer.
    expect(readdirSync(clinic.backupsDir)).toEqual([second.ran ? second.result.file : '']);
    expect(second.ran && second.result.removedOldBackups).toBe(1);
  });

  it('lists the folder with dates, sizes, whose store and whether each was checked; verifies one on request', async () => {
    const { backup } = clinic.services;
    expect(await backup.list()).toEqual([]);
    backup.setFolder(clinic.admin.id, clinic.backupsDir);
    const first = await backup.runNow(clinic.admin.id);
    clinic.clock.advance(day);
    const copied = await backup.backupToFile(clinic.admin.id, join(clinic.backupsDir, 'copy made by hand.slbackup'));
    const listed = await backup.list();
    expect(listed.map((entry) => entry.file)).toEqual([copied.file, first.file]);
    expect(lastAudit()).toMatchObject({ action: 'backup.create', detail: expect.stringContaining('file=(named by hand)') });
    expect(listed[1]).toMatchObject({ file: first.file, createdAt: first.createdAt, sizeBytes: first.sizeBytes, appVersion: '0.1.0', sameStore: true, verified: false, readable: true });

    const verified = await backup.verifyListed(clinic.admin.id, first.file);
    expect(verified.counts).toEqual(first.counts);
    expect(lastAudit()).toMatchObject({ action: 'backup.verify', detail: `file=${first.file} result=ok` });
    await expect(backup.verifyListed(clinic.admin.id, '../data/skinledger.db')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a backup folder or file inside the data folder, and a folder it cannot write to', async () => {
    const { backup } = clinic.services;
    expect(() => backup.setFolder(clinic.admin.id, clinic.dataDir)).toThrow(/outside SkinLedger’s data folder/);
    expect(() => backup.setFolder(clinic.admin.id, join(clinic.dataDir, 'photos'))).toThrow(/outside SkinLedger’s data folder/);
    expect(() => backup.setFolder(clinic.admin.id, join(clinic.folder.path, 'no-such-folder'))).toThrow(/cannot be reached/);
    await expect(backup.backupToFile(clinic.admin.id, join(clinic.dataDir, 'inside.slbackup'))).rejects.toThrow(/outside SkinLedger’s data folder/);
    expect(existsSync(join(clinic.dataDir, 'inside.slbackup'))).toBe(false);
    expect(backup.settings().folder).toBeNull();
  });

  it('never overwrites a file, and one backup at a time', async () => {
    const { backup } = clinic.services;
    const target = join(clinic.backupsDir, 'one.slbackup');
    await backup.backupToFile(clinic.admin.id, target);
    await expect(backup.backupToFile(clinic.admin.id, target)).rejects.toMatchObject({ code: 'SAVE_FAILED', message: expect.stringMatching(/Nothing was overwritten/) });
    const running = backup.backupToFile(clinic.admin.id, join(clinic.backupsDir, 'two.slbackup'));
    await expect(backup.backupToFile(clinic.admin.id, join(clinic.backupsDir, 'three.slbackup'))).rejects.toMatchObject({ code: 'CONFLICT' });
    await running;
    expect(readdirSync(clinic.backupsDir).sort()).toEqual(['one.slbackup', 'two.slbackup']);
  });
});
