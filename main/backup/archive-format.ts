import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * One backup is one file:
 *
 *   "SLBACKUP"  u32 header length  header (JSON)  header MAC (32 bytes)
 *   then parts, each: u32 length  nonce (12)  ciphertext  GCM tag (16)
 *
 * The header is the only unencrypted part and holds nothing a thief can use: the format, dates,
 * versions, the store id and the key file exactly as it was (wrapped keys only). It is there so
 * the recovery key or a staff password from the time of the backup can unwrap the data key on a
 * PC that has nothing else. Each part is AES-256-GCM under a key derived from the data key, with
 * its number, whether it is the last and the header's digest as associated data: a flipped byte,
 * a missing end, parts swapped or a header from another file all fail to authenticate.
 */
export const archiveMagic = Buffer.from('SLBACKUP', 'ascii');
export const archiveFormatVersion = 1;
/** 1 MiB parts: big enough that sealing costs little, small enough to hold a few in memory. */
export const defaultPartSize = 1024 * 1024;
export const maxPartSize = 8 * 1024 * 1024;
export const maxHeaderBytes = 1024 * 1024;
export const headerMacBytes = 32;
export const partOverhead = 12 + 16;

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const ArchiveHeader = z
  .object({
    format: z.literal('skinledger-backup'),
    version: z.number().int(),
    archiveId: z.string().uuid(),
    storeId: z.string().uuid(),
    createdAt: z.string().datetime(),
    appVersion: z.string().max(40),
    schemaVersion: z.number().int().min(1).max(100_000),
    partSize: z.number().int().min(4096).max(maxPartSize),
    kdf: z.object({ name: z.literal('hkdf-sha256'), salt: Base64 }).strict(),
    /** keyslots.json as it was on disk, byte for byte: wrapped keys, no secret. */
    keySlots: z.string().max(512 * 1024),
  })
  .strict();
export type ArchiveHeader = z.infer<typeof ArchiveHeader>;

/** The magic, the length and the header JSON: the bytes the header MAC and every part are bound to. */
export function encodeHeader(header: ArchiveHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([archiveMagic, length, json]);
}

export function headerDigest(headerBytes: Buffer): string {
  return createHash('sha256').update(headerBytes).digest('hex');
}

/** The associated data of one part: which file, which place, and whether the file ends after it. */
export function partContext(digest: string, index: number, last: boolean): string {
  return `skinledger-backup-part:v1:${digest}:${index}:${last ? 'last' : 'more'}`;
}

/** Backups SkinLedger names itself: skinledger-backup-2026-11-25T09-00-00Z.slbackup (UTC, sorts by time). */
export const backupNamePattern = /^skinledger-backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z(?:-\d+)?\.slbackup$/;

export function backupFileName(createdAt: Date, attempt = 1): string {
  const stamp = createdAt.toISOString().slice(0, 19).replace(/:/g, '-');
  return `skinledger-backup-${stamp}Z${attempt > 1 ? `-${attempt}` : ''}.slbackup`;
}
