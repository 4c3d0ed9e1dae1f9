import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveWriter } from '../../../main/backup/archive-writer';
import { deriveArchiveKeys } from '../../../main/backup/archive-keys';
import { decryptParts, openArchive } from '../../../main/backup/archive-reader';
import { restoreIntoEmptyFolder } from '../../../main/backup/restore-backup';
import { backupClinic, partsOf, type BackupClinic } from './backup-fixture';

const mebibyte = 1024 * 1024;
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Files whose sizes sit on the seams of the writer and reader: empty, exactly one and two parts,
 * one byte either side of a part, and one larger than a whole run of parts written at once (and
 * than one read of the source file), so members cross every boundary the streaming code has.
 */
const sizes: Record<string, number> = {
  'photos/empty.enc': 0,
  'photos/one-byte.enc': 1,
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

describe('members of every size on the seams of parts and writes', () => {
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
    // Every part but the last is full: the file is a run of whole parts, whatever the members.
    const parts = partsOf(readFileSync(created.path));
    expect(parts.length).toBeGreaterThan(12);
    for (const part of parts.slice(0, -1)) expect(part.end - part.start).toBe(4 + 12 + mebibyte + 16);
  }, 120_000);

  it('a body that is an exact number of parts ends with an empty last part, and reads back whole', async () => {
    const created = await clinic.services.backup.backupToFile(clinic.admin.id, join(clinic.backupsDir, 'source.slbackup'));
    const archive = await openArchive(created.path);
    const path = join(clinic.backupsDir, 'whole-parts.slbackup');
    const body = randomBytes(3 * mebibyte);
    const writer = await ArchiveWriter.create(path, archive.header, clinic.dataKey);
    // In uneven pieces, so copies into the part buffer straddle its end.
    for (let offset = 0; offset < body.length; offset += 700_001) await writer.write(body.subarray(offset, offset + 700_001));
    await writer.finish();
    await writer.commit();
    await archive.close();

    const parts = partsOf(readFileSync(path));
    expect(parts.map((part) => part.end - part.start - 4 - 12 - 16)).toEqual([mebibyte, mebibyte, mebibyte, 0]);
    const reopened = await openArchive(path);
    const pieces: Buffer[] = [];
    for await (const piece of decryptParts(reopened, deriveArchiveKeys(clinic.dataKey, reopened.header))) pieces.push(piece);
    await reopened.close();
    expect(Buffer.concat(pieces).equals(body)).toBe(true);
  }, 120_000);
});
