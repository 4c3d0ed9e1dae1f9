import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeHeader, headerDigest, partContext, type ArchiveHeader } from '../../../main/backup/archive-format';
import { deriveArchiveKeys, headerMac, wipeKeys } from '../../../main/backup/archive-keys';
import { recordHead } from '../../../main/backup/archive-body';
import { seal } from '../../../main/crypto/aead';
import type { BackupClinic } from './backup-fixture';
import { tarMembers } from './tar-forge';

const partSize = 1024 * 1024;

/**
 * Writes a file in the format before the tar one, byte for byte as SkinLedger wrote it then: the
 * header (with the key file) and its MAC, then the body sealed in 1 MiB AES-256-GCM parts (as
 * crypto/aead.ts seals), each bound to its place, whether it is the last, and the header.
 */
export function sealVersion1(path: string, header: ArchiveHeader, body: Buffer, dataKey: Buffer): string {
  const keys = deriveArchiveKeys(dataKey, header);
  try {
    const headerBytes = encodeHeader(header);
    const digest = headerDigest(headerBytes);
    const pieces: Buffer[] = [headerBytes, headerMac(keys, headerBytes)];
    const count = Math.floor(body.length / partSize) + 1;
    for (let index = 0; index < count; index++) {
      const sealed = seal(keys.body, body.subarray(index * partSize, (index + 1) * partSize), partContext(digest, index, index === count - 1));
      const length = Buffer.alloc(4);
      length.writeUInt32BE(12 + sealed.ciphertext.length + 16);
      pieces.push(length, sealed.nonce, sealed.ciphertext, sealed.tag);
    }
    writeFileSync(path, Buffer.concat(pieces));
    return path;
  } finally {
    wipeKeys(keys);
  }
}

/**
 * An old-format backup of the clinic as it is now: a tar backup made, and its members and
 * manifest written again as the old format held them. Old backups must still verify and restore.
 */
export async function version1Backup(clinic: BackupClinic, name = 'old-format.slbackup'): Promise<string> {
  const tar = await clinic.services.backup.backupToFile(clinic.admin.id, join(clinic.backupsDir, `tar-of-${name}`));
  const members = await tarMembers(tar.path);
  const description = JSON.parse(members[0]!.bytes.toString('utf8')) as Omit<ArchiveHeader, 'version' | 'partSize' | 'keySlots'>;
  const manifestBytes = members.find((member) => member.name === 'manifest.json')!.bytes;
  const inner = members.filter((member) => !['skinledger-backup.json', 'manifest.json', 'manifest.mac'].includes(member.name));
  const header: ArchiveHeader = { ...description, version: 1, partSize, keySlots: inner.find((member) => member.name === 'keyslots.json')!.bytes.toString('utf8') };
  const body = Buffer.concat([...inner.flatMap((member) => [recordHead('member', member.name, member.bytes.length), member.bytes]), recordHead('manifest', '', manifestBytes.length), manifestBytes]);
  return sealVersion1(join(clinic.backupsDir, name), header, body, clinic.dataKey);
}
