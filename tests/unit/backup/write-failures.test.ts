import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BackupProgress } from '../../../shared/contract/backup-channels';
import { backupClinic, type BackupClinic } from './backup-fixture';

/**
 * Whatever goes wrong while a backup is written (the disk fills, a file changes or goes), the
 * clinic gets its own message and nothing is left under a backup's name or as a .partial.
 */
let clinic: BackupClinic;
const lastFile = 'photos/zz-last.enc';
const lastFileBytes = randomBytes(5 * 1024 * 1024 + 77);

beforeAll(async () => {
  clinic = await backupClinic({ bigFile: true });
  writeFileSync(join(clinic.dataDir, ...lastFile.split('/')), lastFileBytes);
}, 60_000);
afterEach(() => {
  vi.restoreAllMocks();
  for (const name of readdirSync(clinic.backupsDir)) rmSync(join(clinic.backupsDir, name), { force: true });
  writeFileSync(join(clinic.dataDir, ...lastFile.split('/')), lastFileBytes);
});
afterAll(() => {
  clinic.services.close();
  clinic.folder.remove();
});

/** Nothing in the backup folder (no backup, no .partial) and nothing hidden left in the data folder. */
function expectNothingLeft() {
  expect(readdirSync(clinic.backupsDir)).toEqual([]);
  expect(readdirSync(clinic.dataDir).filter((name) => name.startsWith('.'))).toEqual([]);
}

const backUp = (onProgress?: (progress: BackupProgress) => void) => clinic.services.backup.backupToFile(clinic.admin.id, join(clinic.backupsDir, 'clinic.slbackup'), onProgress);

describe('a backup whose disk or files fail it', () => {
  it('the disk fills up mid-way: the drive is named as the trouble, nothing is saved', async () => {
    const handle = await open(join(clinic.folder.path, 'probe'), 'w');
    const prototype = Object.getPrototypeOf(handle) as { writev: (...args: unknown[]) => Promise<unknown> };
    await handle.close();
    const writev = prototype.writev;
    let calls = 0;
    vi.spyOn(prototype, 'writev').mockImplementation(function (this: unknown, ...args: unknown[]) {
      if (++calls === 2) return Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      return writev.apply(this, args);
    });
    await expect(backUp()).rejects.toMatchObject({ code: 'SAVE_FAILED', message: expect.stringMatching(/could not be written \(the drive may be full/) });
    expect(calls).toBeGreaterThanOrEqual(2);
    expectNothingLeft();
  });

  it('a file shrinks while it is backed up: the backup stops and says so', async () => {
    let cut = false;
    await expect(
      backUp((progress) => {
        if (progress.phase === 'writing' && !cut) {
          cut = true;
          truncateSync(join(clinic.dataDir, ...lastFile.split('/')), 1000);
        }
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/changed while it was being backed up/) });
    expectNothingLeft();
  });

  it('a file is removed while the backup runs: the same', async () => {
    let removed = false;
    await expect(
      backUp((progress) => {
        if (progress.phase === 'writing' && !removed) {
          removed = true;
          rmSync(join(clinic.dataDir, ...lastFile.split('/')));
        }
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/changed while it was being backed up/) });
    expectNothingLeft();
  });

  it('the database is checkpointed while it is copied: the backup refuses a mixed copy', async () => {
    let written = false;
    await expect(
      backUp((progress) => {
        if (progress.phase === 'writing' && !written) {
          written = true;
          clinic.services.clients.create(clinic.admin.id, { firstName: 'During', lastName: 'Backup' }, { allowDuplicate: true });
          clinic.services.db.pragma('wal_checkpoint(TRUNCATE)');
        }
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/changed while it was being backed up/) });
    expectNothingLeft();
  });
});
