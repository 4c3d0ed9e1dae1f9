import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from 'tar-stream';
import { TarWriter } from '../../../main/backup/tar-writer';
import { tempFolder } from '../../support/temp-folder';

const folder = tempFolder('skinledger-tar-writer-');
afterAll(() => folder.remove());

const longName = `photos/${'a'.repeat(60)}/${'b'.repeat(60)}/${'c'.repeat(40)}.enc`;
const members = [
  { name: 'skinledger-backup.json', bytes: Buffer.from('{"format":"skinledger-backup"}') },
  { name: 'skinledger.db', bytes: randomBytes(5 * 1024 * 1024 + 17) },
  { name: 'empty.enc', bytes: Buffer.alloc(0) },
  { name: longName, bytes: randomBytes(1000) },
];

async function writeArchive(path: string): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    const tar = new TarWriter(handle);
    const mtime = new Date('2026-12-08T10:00:00Z');
    for (const member of members) await tar.member(member.name, member.bytes, mtime);
    await tar.finish();
  } finally {
    await handle.close();
  }
}

describe('the backup tar writer', () => {
  it('writes an archive GNU tar and tar-stream both read back member for member', async () => {
    const path = join(folder.path, 'plain.tar');
    await writeArchive(path);
    expect(execFileSync('/usr/bin/tar', ['-tf', path], { encoding: 'utf8' }).trim().split('\n')).toEqual(members.map((member) => member.name));

    const read: { name: string; bytes: Buffer; mode: number | undefined }[] = [];
    const reader = extract();
    reader.end(readFileSync(path));
    for await (const entry of reader) {
      const parts: Buffer[] = [];
      for await (const part of entry) parts.push(part as Buffer);
      read.push({ name: entry.header.name, bytes: Buffer.concat(parts), mode: entry.header.mode });
      expect(entry.header.pax).toBeFalsy();
      expect(entry.header.mtime?.toISOString()).toBe('2026-12-08T10:00:00.000Z');
    }
    expect(read.map((member) => member.name)).toEqual(members.map((member) => member.name));
    read.forEach((member, index) => expect(member.bytes.equals(members[index]!.bytes)).toBe(true));
    expect(read.every((member) => member.mode === 0o600)).toBe(true);
  });

  it('refuses a name no ustar header can hold instead of writing an archive the reader refuses', async () => {
    const handle = await open(join(folder.path, 'refused.tar'), 'wx', 0o600);
    try {
      const tar = new TarWriter(handle);
      await expect(tar.member(`photos/${'x'.repeat(120)}.enc`, Buffer.alloc(1), new Date())).rejects.toThrow(/too long/);
      await expect(tar.member('photos/zoë.enc', Buffer.alloc(1), new Date())).rejects.toThrow(/ASCII/);
    } finally {
      await handle.close();
    }
  });
});
