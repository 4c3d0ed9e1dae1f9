import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceStoreFromBackup, restoreIntoEmptyFolder, type RestoreRequest } from '../../../main/backup/restore-backup';
import { openServices } from '../../../main/app';
import { readBackupRecord } from '../../../main/backup/backup-records';
import { latestSchemaVersion } from '../../../main/store/migrations';
import { snapshotFolder } from '../../support/temp-folder';
import { backupClinic, type BackupClinic } from './backup-fixture';
import { forgeTar } from './tar-forge';

let clinic: BackupClinic;
let backupPath: string;
beforeEach(async () => {
  clinic = await backupClinic({ clients: 3 });
  backupPath = (await clinic.services.backup.backupToFile(clinic.admin.id, clinic.backupsDir)).path;
});
afterEach(() => {
  clinic.services.close();
  clinic.folder.remove();
});

const request = (archivePath = backupPath): RestoreRequest => ({
  archivePath,
  unlock: { kind: 'recovery', recoveryKey: clinic.recoveryKey },
  clock: clinic.clock,
  via: 'cli',
});

const clientCount = (dataDir: string) => {
  const services = openServices(dataDir, clinic.dataKey, { clock: clinic.clock });
  try {
    return services.clients.find('', { offset: 0, limit: 1 }).total;
  } finally {
    services.close();
  }
};

describe('restoring into a folder', () => {
  it('refuses a folder that holds anything, and leaves it as it was', async () => {
    const target = join(clinic.folder.path, 'busy');
    mkdirSync(target);
    writeFileSync(join(target, 'holiday.jpg'), 'a file someone keeps here');
    const before = snapshotFolder(target);
    await expect(restoreIntoEmptyFolder(target, request())).rejects.toMatchObject({ code: 'STORE_ALREADY_EXISTS', message: expect.stringMatching(/already holds files/) });
    expect(snapshotFolder(target)).toEqual(before);
    expect(existsSync(`${target}.restoring`)).toBe(false);
  });

  it('fills an existing empty folder, and one holding only hidden files (which stay)', async () => {
    const empty = join(clinic.folder.path, 'empty');
    mkdirSync(empty);
    await restoreIntoEmptyFolder(empty, request());
    expect(clientCount(empty)).toBe(3);

    const hidden = join(clinic.folder.path, 'hidden');
    mkdirSync(hidden);
    writeFileSync(join(hidden, '.DS_Store'), 'finder');
    await restoreIntoEmptyFolder(hidden, request());
    expect(readdirSync(hidden).sort()).toEqual(['.DS_Store', 'keyslots.json', 'pdfs', 'photos', 'skinledger.db']);
    expect(clientCount(hidden)).toBe(3);
  });

  it('clears a .restoring folder its own killed run left, and refuses one it did not make', async () => {
    const target = join(clinic.folder.path, 'again');
    mkdirSync(`${target}.restoring`);
    writeFileSync(join(`${target}.restoring`, '.skinledger-restoring'), '');
    writeFileSync(join(`${target}.restoring`, 'skinledger.db'), 'half');
    await restoreIntoEmptyFolder(target, request());
    expect(clientCount(target)).toBe(3);

    const other = join(clinic.folder.path, 'other');
    mkdirSync(`${other}.restoring`);
    writeFileSync(join(`${other}.restoring`, 'mine.txt'), 'not SkinLedger’s');
    await expect(restoreIntoEmptyFolder(other, request())).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/not made by SkinLedger/) });
    expect(readdirSync(`${other}.restoring`)).toEqual(['mine.txt']);
    expect(existsSync(other)).toBe(false);
  });

  it('refuses a backup from a newer SkinLedger before creating anything', async () => {
    const newer = join(clinic.backupsDir, 'newer.slbackup');
    await forgeTar(backupPath, newer, clinic.dataKey, ({ description, manifest }) => {
      description.schemaVersion = manifest.schemaVersion = latestSchemaVersion + 1;
    });
    const target = join(clinic.folder.path, 'newer');
    await expect(restoreIntoEmptyFolder(target, request(newer))).rejects.toMatchObject({ code: 'STORE_FROM_NEWER_VERSION', message: expect.stringMatching(/newer version of SkinLedger/) });
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.restoring`)).toBe(false);
  });
});

describe('after a restore', () => {
  it('Home names the backup the records came back from, not the one before it (which rotation may have removed)', async () => {
    clinic.clock.advance(60_000);
    const second = await clinic.services.backup.backupToFile(clinic.admin.id, join(clinic.backupsDir, 'second.slbackup'));
    rmSync(backupPath);
    const target = join(clinic.folder.path, 'restored');
    await restoreIntoEmptyFolder(target, request(second.path));
    const services = openServices(target, clinic.dataKey, { clock: clinic.clock });
    try {
      expect(readBackupRecord(services.db)).toMatchObject({ lastSuccessFile: 'second.slbackup', lastSuccessAt: second.createdAt, lastError: null });
      expect(readBackupRecord(services.db).verifiedFiles).toContain('second.slbackup');
    } finally {
      services.close();
    }
  });
});

describe('replacing a store with a backup', () => {
  it('moves the old folder aside untouched, only after the restored one is proven, and never deletes it', async () => {
    clinic.services.clients.create(clinic.admin.id, { firstName: 'After', lastName: 'The Backup' });
    clinic.services.close();
    const before = snapshotFolder(clinic.dataDir);
    let closedAt: number | null = null;
    const restored = await replaceStoreFromBackup(clinic.dataDir, {
      ...request(),
      staffId: clinic.admin.id,
      via: 'app',
      beforeWriting: () => {
        closedAt = readdirSync(clinic.folder.path).length;
      },
    });
    expect(closedAt).not.toBeNull();
    expect(restored.replacedFolder).toBe(join(clinic.folder.path, 'data.replaced-2026-11-25T09-00-00Z'));
    expect(snapshotFolder(restored.replacedFolder!)).toEqual(before);
    expect(clientCount(clinic.dataDir)).toBe(3);
    expect(clientCount(restored.replacedFolder!)).toBe(4);
    expect(readdirSync(clinic.folder.path).sort()).toEqual(['backups', 'data', 'data.replaced-2026-11-25T09-00-00Z']);

    // A second replace on the same second gets its own aside name.
    const again = await replaceStoreFromBackup(clinic.dataDir, request());
    expect(again.replacedFolder).toBe(join(clinic.folder.path, 'data.replaced-2026-11-25T09-00-00Z-2'));
  });
});
