import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceStoreFromBackup, restoreIntoEmptyFolder, type RestoreRequest } from '../../../main/backup/restore-backup';
import { verifyBackupFile } from '../../../main/backup/verify-backup';
import { testScryptLimits } from '../../../main/crypto/kdf';
import { generateRecoveryKey } from '../../../main/crypto/recovery-key';
import { adminName } from '../../support/store';
import { snapshotFolder } from '../../support/temp-folder';
import { backupClinic, type BackupClinic } from './backup-fixture';
import { forgeTar, tarMembers, writeTar } from './tar-forge';

let clinic: BackupClinic;
let good: string;
let goodBytes: Buffer;
let damagedDir: string;

beforeAll(async () => {
  clinic = await backupClinic({ bigFile: true });
  good = (await clinic.services.backup.backupToFile(clinic.admin.id, clinic.backupsDir)).path;
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

/** Where each member's 512-byte tar header and its data sit in the file. */
function tarLayout(bytes: Buffer): Map<string, { header: number; data: number; size: number }> {
  const layout = new Map<string, { header: number; data: number; size: number }>();
  for (let at = 0; at + 512 <= bytes.length;) {
    const name = bytes
      .subarray(at, at + 100)
      .toString('utf8')
      .replace(/\0.*$/s, '');
    if (name === '') break;
    const size = parseInt(
      bytes
        .subarray(at + 124, at + 136)
        .toString('latin1')
        .replace(/\0.*$/s, '')
        .trim(),
      8,
    );
    layout.set(name, { header: at, data: at + 512, size });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return layout;
}
const at = (name: string) => tarLayout(goodBytes).get(name)!;

const forged = (name: string, change: Parameters<typeof forgeTar>[3]) => {
  const path = join(damagedDir, `${name}.slbackup`);
  return existsSync(path) ? path : forgeTar(good, path, clinic.dataKey, change);
};

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

const cases: Case[] = [
  { name: 'not a backup at all', file: () => variant('random', Buffer.from('just some text, not a backup')), code: 'BACKUP_DAMAGED', message: /not a SkinLedger backup/ },
  { name: 'cut off inside a member', file: () => variant('cut-mid', goodBytes.subarray(0, at('photos/ab/photo-1.enc').data + 1000)), code: 'BACKUP_DAMAGED', message: /incomplete/ },
  { name: 'cut off between members', file: () => variant('cut-between', goodBytes.subarray(0, at('photos/ab/photo-1.enc').header)), code: 'BACKUP_DAMAGED', message: /incomplete/ },
  { name: 'cut off inside the description', file: () => variant('cut-header', goodBytes.subarray(0, 600)), code: 'BACKUP_DAMAGED', message: /incomplete/ },
  { name: 'cut off before its seal', file: () => variant('cut-seal', goodBytes.subarray(0, at('manifest.mac').header)), code: 'BACKUP_DAMAGED', message: /incomplete/ },
  {
    name: 'one byte flipped in a member',
    file: () => variant('flipped', withByteFlipped(goodBytes, at('photos/ab/photo-1.enc').data + 5000)),
    code: 'BACKUP_DAMAGED',
    message: /photos\/ab\/photo-1\.enc inside it does not read back as it was written/,
  },
  {
    name: 'one byte flipped in the database',
    file: () => variant('flipped-db', withByteFlipped(goodBytes, at('skinledger.db').data + 4096 + 100)),
    code: 'BACKUP_DAMAGED',
    message: /skinledger\.db inside it does not read back/,
  },
  {
    name: 'one byte flipped in the index of a member',
    file: () => variant('flipped-index', withByteFlipped(goodBytes, at('photos/ab/photo-1.enc').header + 130)),
    code: 'BACKUP_DAMAGED',
    message: /index of its contents does not read back/,
  },
  {
    name: 'two members swapped',
    file: async () => {
      const path = join(damagedDir, 'swapped.slbackup');
      const members = await tarMembers(good);
      const pdf = members.findIndex((member) => member.name === 'pdfs/consent-1.enc');
      [members[pdf], members[pdf + 1]] = [members[pdf + 1]!, members[pdf]!];
      await writeTar(path, members);
      return path;
    },
    code: 'BACKUP_DAMAGED',
    message: /out of order \(photos\/ab\/photo-1\.enc was found in place of pdfs\/consent-1\.enc\)/,
  },
  {
    name: 'one byte flipped in the padding after a member',
    file: () => variant('flipped-padding', withByteFlipped(goodBytes, at('pdfs/consent-1.enc').data + at('pdfs/consent-1.enc').size + 3)),
    code: 'BACKUP_DAMAGED',
    message: /index of its contents does not read back/,
  },
  {
    name: 'one byte flipped in the end of a header’s checksum',
    file: () => variant('flipped-checksum-end', withByteFlipped(goodBytes, at('pdfs/consent-1.enc').header + 155)),
    code: 'BACKUP_DAMAGED',
    message: /index of its contents does not read back/,
  },
  {
    name: 'one byte flipped in the empty blocks at the end',
    file: () => variant('flipped-end', withByteFlipped(goodBytes, goodBytes.length - 700)),
    code: 'BACKUP_DAMAGED',
    message: /index of its contents does not read back/,
  },
  { name: 'bytes added after the end', file: () => variant('trailing', Buffer.concat([goodBytes, Buffer.alloc(512, 7)])), code: 'BACKUP_DAMAGED', message: /extra data after its last part/ },
  {
    name: 'altered without the key: the description’s date',
    file: () => {
      const text = goodBytes.toString('latin1');
      const where = text.indexOf('"createdAt":"2026') + '"createdAt":"2026'.length - 1;
      return variant('header-edited', Buffer.from(text.slice(0, where) + '7' + text.slice(where + 1), 'latin1'));
    },
    code: 'BACKUP_DAMAGED',
    message: /altered since it was written/,
  },
  {
    name: 'altered without the key: a hash in the manifest',
    file: () => {
      const text = goodBytes.toString('latin1');
      const where = text.lastIndexOf('"sha256":"') + '"sha256":"'.length;
      return variant('manifest-edited', Buffer.from(text.slice(0, where) + (text[where] === '0' ? '1' : '0') + text.slice(where + 1), 'latin1'));
    },
    code: 'BACKUP_DAMAGED',
    message: /altered since it was written/,
  },
  {
    name: 'altered without the key: a slot in the key file',
    file: async () => {
      const path = join(damagedDir, 'keyfile-edited.slbackup');
      const members = await tarMembers(good);
      const keyFile = members.find((member) => member.name === 'keyslots.json')!;
      keyFile.bytes = Buffer.from(keyFile.bytes.toString('utf8').replace(/"updatedAt": "2026/, '"updatedAt": "2027'), 'utf8');
      await writeTar(path, members);
      return path;
    },
    code: 'BACKUP_DAMAGED',
    message: /altered since it was written/,
  },
  {
    name: 'resealed with the key: a member’s size changed in the manifest',
    file: () =>
      forged('manifest-size', ({ manifest }) => {
        manifest.members.find((member) => member.path === 'photos/ab/photo-1.enc')!.size += 1;
      }),
    code: 'BACKUP_DAMAGED',
    message: /does not match its own list of contents \(photos\/ab\/photo-1\.enc is not what the list says\)/,
  },
  {
    name: 'resealed with the key: a member added that is not listed',
    file: () => forged('member-added', ({ members }) => members.push({ name: 'photos/zz/extra.enc', bytes: Buffer.from('extra') })),
    code: 'BACKUP_DAMAGED',
    message: /photos\/zz\/extra\.enc is not listed/,
  },
  {
    name: 'resealed with the key: the counts changed',
    file: () =>
      forged('manifest-counts', ({ manifest }) => {
        (manifest.counts as { clients: number }).clients = 6;
      }),
    code: 'BACKUP_DAMAGED',
    message: /(did not prove sound|is not sound) \(it holds clients=5 .* the list says clients=6/,
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

describe('a damaged, altered or wrongly unlocked backup is refused with its own message before anything is touched', () => {
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
    for (const { name, file, request, code, message } of cases) {
      const path = await file();
      const unlock = (request ?? byRecovery)(path).unlock;
      await expect(verifyBackupFile(path, unlock), name).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
      await expect(replaceStoreFromBackup(live, (request ?? byRecovery)(path)), name).rejects.toMatchObject({ code });
      expect(snapshotFolder(live), name).toEqual(before);
      expect(
        readdirSync(clinic.folder.path).filter((entry) => entry.startsWith('live-copy.')),
        name,
      ).toEqual([]);
    }
  });

  it('every kind of damage has its own message', () => {
    // Cuts at different places are one kind of damage, and say so alike; so are edits without the key.
    const kindOf = (name: string) =>
      name.startsWith('cut off')
        ? 'cut off'
        : name.startsWith('altered without')
          ? 'altered'
          : name.startsWith('one byte flipped in the index') || name.includes('padding') || name.includes('checksum') || name.includes('empty blocks')
            ? 'index'
            : name.startsWith('one byte flipped')
              ? 'flipped'
              : name;
    const byKind = new Map<string, Set<string>>();
    for (const [name, text] of messages) byKind.set(kindOf(name), (byKind.get(kindOf(name)) ?? new Set()).add(text.replace(/\S+\.(enc|db) inside/, 'X inside')));
    for (const [kind, texts] of byKind) expect(texts.size, kind).toBe(1);
    const all = [...byKind.values()].map((texts) => [...texts][0]);
    expect(new Set(all).size).toBe(byKind.size);
  });
});
