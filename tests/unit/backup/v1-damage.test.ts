import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testScryptLimits } from '../../../main/crypto/kdf';
import { deriveArchiveKeys } from '../../../main/backup/archive-keys';
import { decryptParts, openArchive } from '../../../main/backup/archive-reader';
import { replaceStoreFromBackup, restoreIntoEmptyFolder, type RestoreRequest } from '../../../main/backup/restore-backup';
import { verifyBackupFile } from '../../../main/backup/verify-backup';
import { generateRecoveryKey } from '../../../main/crypto/recovery-key';
import { adminName } from '../../support/store';
import { snapshotFolder } from '../../support/temp-folder';
import { backupClinic, partsOf, type BackupClinic } from './backup-fixture';
import { sealVersion1, version1Backup } from './v1-writer';

let clinic: BackupClinic;
let good: string;
let goodBytes: Buffer;
let damagedDir: string;

beforeAll(async () => {
  // Written in the format before the tar one. Big enough for three 1 MiB parts, so parts can be swapped and cut between.
  clinic = await backupClinic({ bigFile: true });
  good = await version1Backup(clinic);
  goodBytes = readFileSync(good);
  damagedDir = join(clinic.folder.path, 'damaged');
  mkdirSync(damagedDir);
}, 60_000);
afterAll(() => {
  clinic.services.close();
  clinic.folder.remove();
});

function variant(name: string, bytes: Buffer): string {
  const path = join(damagedDir, `${name}.slbackup`);
  writeFileSync(path, bytes);
  return path;
}

function withByteFlipped(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at]! ^= 0x01;
  return copy;
}

/** Decrypts a backup's body with the key, lets `change` edit it, and seals it again properly: a forger with the key. */
async function resealed(name: string, change: (body: Buffer) => Buffer): Promise<string> {
  const path = join(damagedDir, `${name}.slbackup`);
  if (existsSync(path)) return path;
  const archive = await openArchive(good);
  const keys = deriveArchiveKeys(clinic.dataKey, archive.header);
  const parts: Buffer[] = [];
  for await (const part of decryptParts(archive, keys)) parts.push(part);
  await archive.close();
  return sealVersion1(path, archive.header, change(Buffer.concat(parts)), clinic.dataKey);
}

const byRecovery = (archivePath: string): RestoreRequest => ({
  archivePath,
  unlock: { kind: 'recovery', recoveryKey: clinic.recoveryKey },
  clock: clinic.clock,
  via: 'cli',
});

interface Case {
  name: string;
  file: () => Promise<string> | string;
  request?: (path: string) => RestoreRequest;
  code: string;
  message: RegExp;
}

const parts = () => partsOf(goodBytes);
const cases: Case[] = [
  { name: 'not a backup at all', file: () => variant('random', Buffer.from('just some text, not a backup')), code: 'BACKUP_DAMAGED', message: /not a SkinLedger backup/ },
  { name: 'cut off inside a part', file: () => variant('cut-mid', goodBytes.subarray(0, parts()[1]!.start + 1000)), code: 'BACKUP_DAMAGED', message: /incomplete/ },
  { name: 'cut off between parts', file: () => variant('cut-between', goodBytes.subarray(0, parts()[2]!.start)), code: 'BACKUP_DAMAGED', message: /incomplete/ },
  { name: 'cut off inside the header', file: () => variant('cut-header', goodBytes.subarray(0, 200)), code: 'BACKUP_DAMAGED', message: /incomplete/ },
  { name: 'one byte flipped in a part', file: () => variant('flipped', withByteFlipped(goodBytes, parts()[1]!.start + 5000)), code: 'BACKUP_DAMAGED', message: /part 2 does not read back/ },
  {
    name: 'two parts swapped',
    file: () => {
      const [first, second] = parts();
      const swapped = Buffer.concat([
        goodBytes.subarray(0, first!.start),
        goodBytes.subarray(second!.start, second!.end),
        goodBytes.subarray(first!.start, first!.end),
        goodBytes.subarray(second!.end),
      ]);
      return variant('swapped', swapped);
    },
    code: 'BACKUP_DAMAGED',
    message: /out of order \(part 2 was found in place of part 1\)/,
  },
  { name: 'bytes added after the end', file: () => variant('trailing', Buffer.concat([goodBytes, Buffer.from('more')])), code: 'BACKUP_DAMAGED', message: /extra data after its last part/ },
  {
    name: 'the unencrypted header edited (its date)',
    file: () => {
      const text = goodBytes.toString('latin1');
      const at = text.indexOf('"createdAt":"2026') + '"createdAt":"2026'.length - 1;
      return variant('header-edited', Buffer.from(text.slice(0, at) + '7' + text.slice(at + 1), 'latin1'));
    },
    code: 'BACKUP_DAMAGED',
    message: /altered since it was written/,
  },
  {
    name: 'the manifest rewritten and resealed with the key (a member hash changed)',
    file: () =>
      resealed('manifest-hash', (body) => {
        const text = body.toString('latin1');
        const at = text.lastIndexOf('"sha256":"') + '"sha256":"'.length;
        return Buffer.from(text.slice(0, at) + (text[at] === '0' ? '1' : '0') + text.slice(at + 1), 'latin1');
      }),
    code: 'BACKUP_DAMAGED',
    message: /does not match its own list of contents \(photos\/ab\/photo-1\.enc is not what the list says\)/,
  },
  {
    name: 'the manifest rewritten and resealed with the key (the counts changed)',
    file: () => resealed('manifest-counts', (body) => Buffer.from(body.toString('latin1').replace('"clients":5', '"clients":6'), 'latin1')),
    code: 'BACKUP_DAMAGED',
    message: /did not prove sound \(it holds clients=5 .* the list says clients=6/,
  },
  {
    name: 'a wrong recovery key (another store’s)',
    file: () => good,
    request: (path) => ({ ...byRecovery(path), unlock: { kind: 'recovery', recoveryKey: generateRecoveryKey().text } }),
    code: 'WRONG_RECOVERY_KEY',
    message: /recovery key does not open this backup/,
  },
  {
    name: 'a wrong password',
    file: () => good,
    request: (path) => ({ ...byRecovery(path), unlock: { kind: 'password', name: adminName, password: 'not the password at all', slotCost: testScryptLimits } }),
    code: 'WRONG_PASSWORD',
    message: /name and password do not open this backup/,
  },
];

describe('an old-format backup', () => {
  it('still verifies, and restores with the recovery key', async () => {
    const verified = await verifyBackupFile(good, { kind: 'recovery', recoveryKey: clinic.recoveryKey });
    expect(verified.counts.clients).toBe(5);
    const target = join(clinic.folder.path, 'restored-old-format');
    const restored = await restoreIntoEmptyFolder(target, byRecovery(good));
    expect(restored.counts).toEqual(verified.counts);
    expect(readFileSync(join(target, 'photos', 'ab', 'photo-1.enc'))).toEqual(readFileSync(join(clinic.dataDir, 'photos', 'ab', 'photo-1.enc')));
  });
});

describe('an old-format backup, damaged, altered or wrongly unlocked, is refused with its own message before anything is touched', () => {
  const messages = new Map<string, string>();

  it.each(cases)('$name', async ({ name, file, request, code, message }) => {
    const path = await file();
    const target = join(clinic.folder.path, `restore-${name.replace(/\W+/g, '-')}`);
    const attempt = restoreIntoEmptyFolder(target, (request ?? byRecovery)(path));
    await expect(attempt).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    const error = await attempt.catch((caught: Error) => caught);
    messages.set(name, (error as Error).message);
    expect(existsSync(target), 'target folder').toBe(false);
    expect(existsSync(`${target}.restoring`), '.restoring folder').toBe(false);
  });

  it('the same damage is refused by verify-backup, and by a restore over a live folder that stays as it was', async () => {
    const live = join(clinic.folder.path, 'live-copy');
    mkdirSync(live);
    writeFileSync(join(live, 'skinledger.db'), 'stands in for a store');
    writeFileSync(join(live, 'keyslots.json'), '{}');
    const before = snapshotFolder(live);
    for (const { name, file, request, code } of cases) {
      const path = await file();
      const unlock = (request ?? byRecovery)(path).unlock;
      await expect(verifyBackupFile(path, unlock), name).rejects.toMatchObject({ code });
      await expect(replaceStoreFromBackup(live, (request ?? byRecovery)(path)), name).rejects.toMatchObject({ code });
      expect(snapshotFolder(live), name).toEqual(before);
      expect(
        readdirSync(clinic.folder.path).filter((entry) => entry.startsWith('live-copy.')),
        name,
      ).toEqual([]);
    }
  });

  it('every kind of damage has its own message', () => {
    // Cuts at different places are one kind of damage, and say so alike.
    const byKind = new Map<string, string>();
    for (const [name, text] of messages) byKind.set(name.startsWith('cut off') ? 'cut off' : name, text);
    expect(byKind.size).toBe(cases.length - 2);
    expect(new Set(byKind.values()).size).toBe(byKind.size);
  });
});
