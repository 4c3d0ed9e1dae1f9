import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreIntoEmptyFolder } from '../../../main/backup/restore-backup';
import { backupClinic, type BackupClinic } from './backup-fixture';

const mebibyte = 1024 * 1024;
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Files whose sizes sit on the seams of the writer and reader: empty, one byte, either side of a
 * tar block (512), exactly one and two reads of the source (1 MiB), one byte either side of a
 * read, and one larger than a whole run written at once, so members cross every boundary the
 * streaming code has.
 */
const sizes: Record<string, number> = {
  'photos/empty.enc': 0,
  'photos/one-byte.enc': 1,
  'photos/one-block-less-one.enc': 511,
  'photos/one-block.enc': 512,
  'photos/one-block-and-one.enc': 513,
  'photos/one-part.enc': mebibyte,
  'photos/one-part-less-one.enc': mebibyte - 1,
  'photos/one-part-and-one.enc': mebibyte + 1,
  'photos/two-parts.enc': 2 * mebibyte,
  'photos/more-than-a-run.enc': 9 * mebibyte + 123,
};

let clinic: BackupClinic;
const contents = new Map<string, Buffer>();
beforeAll(async () => {
  clinic = await backupClinic({ clients: 2 });
  for (const [path, size] of Object.entries(sizes)) {
    const bytes = randomBytes(size);
    contents.set(path, bytes);
    writeFileSync(join(clinic.dataDir, ...path.split('/')), bytes);
  }
}, 60_000);
afterAll(() => {
  clinic.services.close();
  clinic.folder.remove();
});

describe('members of every size on the seams of blocks, reads and writes', () => {
  it('pass the checks against the list of contents and come back from a restore byte for byte', async () => {
    const created = await clinic.services.backup.backupToFile(clinic.admin.id, clinic.backupsDir);
    const target = join(clinic.folder.path, 'restored');
    const restored = await restoreIntoEmptyFolder(target, {
      archivePath: created.path,
      unlock: { kind: 'recovery', recoveryKey: clinic.recoveryKey },
      clock: clinic.clock,
      via: 'cli',
    });
    expect(restored.counts).toEqual(created.counts);
    for (const [path, bytes] of contents) {
      const back = readFileSync(join(target, ...path.split('/')));
      expect(back.length, path).toBe(bytes.length);
      expect(sha256Of(back), path).toBe(sha256Of(bytes));
    }
  }, 120_000);
});
