import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWrittenArchive } from '../../../main/backup/archive-check';
import { encodeHeader, headerDigest, partContext } from '../../../main/backup/archive-format';
import { deriveArchiveKeys, headerMac } from '../../../main/backup/archive-keys';
import { decryptParts, openArchive } from '../../../main/backup/archive-reader';
import { restoreIntoEmptyFolder } from '../../../main/backup/restore-backup';
import { verifyBackupFile } from '../../../main/backup/verify-backup';
import { open as openSealed, seal } from '../../../main/crypto/aead';
import { backupClinic, partsOf, type BackupClinic } from './backup-fixture';

/**
 * The check a new backup gets before it is named (checkWrittenArchive, parts opened by the part
 * worker), and the format it reads: the same v1 file as before the worker, sealed with the same
 * AES-256-GCM as crypto/aead.ts, so backups written before and after read alike.
 */
let clinic: BackupClinic;
let good: string;
let goodBytes: Buffer;
let storeId: string;
let variants: string;

beforeAll(async () => {
  clinic = await backupClinic({ bigFile: true });
  // Several runs of the reader: parts cross the ends of its reads.
  writeFileSync(join(clinic.dataDir, 'photos', 'large.enc'), randomBytes(19 * 1024 * 1024 + 5));
  good = (await clinic.services.backup.backupToFile(clinic.admin.id, clinic.backupsDir)).path;
  goodBytes = readFileSync(good);
  storeId = clinic.services.vault.storeId();
  variants = join(clinic.folder.path, 'variants');
  mkdirSync(variants);
}, 60_000);
afterAll(() => {
  clinic.services.close();
  clinic.folder.remove();
});

function variant(name: string, bytes: Buffer): string {
  const path = join(variants, `${name}.slbackup`);
  writeFileSync(path, bytes);
  return path;
}

const check = (path: string) => checkWrittenArchive(path, clinic.dataKey, storeId);

describe('the check of a written backup', () => {
  it('passes a sound backup, reporting its progress through the file to its end', async () => {
    const seen: number[] = [];
    await checkWrittenArchive(good, clinic.dataKey, storeId, { onProgress: (done, total) => seen.push(done / total) });
    expect(seen.length).toBeGreaterThan(20);
    expect(seen.every((fraction, index) => index === 0 || fraction >= seen[index - 1]!)).toBe(true);
    expect(seen.at(-1)).toBe(1);
  });

  it.each([
    ['one byte flipped in a part', () => ((bytes: Buffer) => ((bytes[partsOf(bytes)[3]!.start + 777]! ^= 1), bytes))(Buffer.from(goodBytes)), /part 4 does not read back/],
    ['a bad part length', () => ((bytes: Buffer) => (bytes.writeUInt32BE(7, partsOf(bytes)[2]!.start), bytes))(Buffer.from(goodBytes)), /part 3 does not read back/],
    ['cut off inside a part', () => goodBytes.subarray(0, partsOf(goodBytes)[12]!.start + 100), /incomplete/],
    ['cut off between parts', () => goodBytes.subarray(0, partsOf(goodBytes)[12]!.start), /incomplete/],
    ['cut off before the last part', () => goodBytes.subarray(0, partsOf(goodBytes).at(-1)!.start), /incomplete/],
    ['bytes added after the last part', () => Buffer.concat([goodBytes, Buffer.from('more')]), /extra data after its last part/],
    [
      'two parts swapped',
      () => {
        const [, second, third] = partsOf(goodBytes);
        return Buffer.concat([goodBytes.subarray(0, second!.start), goodBytes.subarray(third!.start, third!.end), goodBytes.subarray(second!.start, second!.end), goodBytes.subarray(third!.end)]);
      },
      /part 2 does not read back/,
    ],
    ['the header edited', () => Buffer.from(goodBytes.toString('latin1').replace('"schemaVersion":', '"schemaVersion": '), 'latin1'), /altered since it was written/],
  ])('refuses a backup with %s', async (name, bytes, message) => {
    await expect(check(variant(name.replace(/\W+/g, '-'), bytes()))).rejects.toMatchObject({ code: 'BACKUP_DAMAGED', message: expect.stringMatching(message) });
  });

  it('refuses the backup of another store', async () => {
    await expect(checkWrittenArchive(good, clinic.dataKey, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
  });
});

describe('the backup format, before and after the part worker', () => {
  it('every part the worker sealed opens with crypto/aead.ts at its own place, and with a nonce of its own', async () => {
    const archive = await openArchive(good);
    const keys = deriveArchiveKeys(clinic.dataKey, archive.header);
    const digest = headerDigest(archive.headerBytes);
    await archive.close();
    const parts = partsOf(goodBytes);
    const body: Buffer[] = [];
    const nonces = new Set<string>();
    for (const [index, { start, end }] of parts.entries()) {
      const sealed = goodBytes.subarray(start + 4, end);
      const pieces = { nonce: sealed.subarray(0, 12), ciphertext: sealed.subarray(12, sealed.length - 16), tag: sealed.subarray(sealed.length - 16) };
      const last = index === parts.length - 1;
      const plaintext = openSealed(keys.body, pieces, partContext(digest, index, last));
      expect(plaintext, `part ${index + 1}`).not.toBeNull();
      // Bound to its place: not as the last when it is not, nor at the next place.
      expect(openSealed(keys.body, pieces, partContext(digest, index, !last))).toBeNull();
      expect(openSealed(keys.body, pieces, partContext(digest, index + 1, last))).toBeNull();
      body.push(plaintext!);
      nonces.add(pieces.nonce.toString('hex'));
    }
    expect(nonces.size).toBe(parts.length);
    const reopened = await openArchive(good);
    const expected: Buffer[] = [];
    for await (const piece of decryptParts(reopened, keys)) expected.push(piece);
    await reopened.close();
    expect(Buffer.concat(body).equals(Buffer.concat(expected))).toBe(true);
  });

  it('a v1 backup sealed part by part with crypto/aead.ts in this thread, as SkinLedger wrote them before, is checked, verified and restored', async () => {
    const archive = await openArchive(good);
    const keys = deriveArchiveKeys(clinic.dataKey, archive.header);
    const plain: Buffer[] = [];
    for await (const piece of decryptParts(archive, keys)) plain.push(piece);
    await archive.close();
    const body = Buffer.concat(plain);
    const headerBytes = encodeHeader(archive.header);
    expect(archive.header.version).toBe(1);
    const digest = headerDigest(headerBytes);
    const pieces: Buffer[] = [headerBytes, headerMac(keys, headerBytes)];
    const partSize = archive.header.partSize;
    const count = Math.floor(body.length / partSize) + 1;
    for (let index = 0; index < count; index++) {
      const sealed = seal(keys.body, body.subarray(index * partSize, (index + 1) * partSize), partContext(digest, index, index === count - 1));
      const length = Buffer.alloc(4);
      length.writeUInt32BE(12 + sealed.ciphertext.length + 16);
      pieces.push(length, sealed.nonce, sealed.ciphertext, sealed.tag);
    }
    const older = variant('sealed-before-the-worker', Buffer.concat(pieces));
    expect(readFileSync(older).equals(goodBytes)).toBe(false);

    await expect(check(older)).resolves.toBeUndefined();
    await expect(verifyBackupFile(older, { kind: 'recovery', recoveryKey: clinic.recoveryKey })).resolves.toMatchObject({ members: 5 });
    const target = join(clinic.folder.path, 'restored-older');
    await restoreIntoEmptyFolder(target, { archivePath: older, unlock: { kind: 'recovery', recoveryKey: clinic.recoveryKey }, clock: clinic.clock, via: 'cli' });
    expect(readFileSync(join(target, 'photos', 'large.enc')).equals(readFileSync(join(clinic.dataDir, 'photos', 'large.enc')))).toBe(true);
  });
});
