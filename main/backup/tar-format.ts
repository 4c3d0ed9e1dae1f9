import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * A backup is a plain tar file (see docs/backup-format.md), members in this order:
 *
 *   skinledger-backup.json   this description (no secret): store id, dates, versions, the MAC's salt
 *   keyslots.json            the key file as it is on disk (wrapped keys only)
 *   skinledger.db            the database, its encrypted pages as they are
 *   photos/…, pdfs/…         every other file of the data folder, as it is (already encrypted)
 *   manifest.json            every member's size and SHA-256, the counts, the audit head
 *   manifest.mac             HMAC-SHA256 of the description and the manifest, under a key derived
 *                            from the data key
 *
 * Nothing is encrypted again: every member already is. What the MAC adds is that nobody without
 * the data key can change, add, remove or reorder a member, or edit the description.
 */
export const descriptionMemberPath = 'skinledger-backup.json';
export const manifestMemberPath = 'manifest.json';
export const manifestMacMemberPath = 'manifest.mac';
export const tarFormatVersion = 2;
export const maxDescriptionBytes = 64 * 1024;
export const maxKeySlotsBytes = 512 * 1024;
export const maxManifestBytes = 64 * 1024 * 1024;

export const BackupDescription = z
  .object({
    format: z.literal('skinledger-backup'),
    version: z.literal(tarFormatVersion),
    archiveId: z.string().uuid(),
    storeId: z.string().uuid(),
    createdAt: z.string().datetime(),
    appVersion: z.string().max(40),
    schemaVersion: z.number().int().min(1).max(100_000),
    kdf: z.object({ name: z.literal('hkdf-sha256'), salt: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/) }).strict(),
  })
  .strict();
export type BackupDescription = z.infer<typeof BackupDescription>;

/** Its own HKDF label, with this backup's salt and id: every backup has its own MAC key. */
export function manifestMacKey(dataKey: Buffer, description: Pick<BackupDescription, 'kdf' | 'archiveId'>): Buffer {
  const salt = Buffer.from(description.kdf.salt, 'base64');
  return Buffer.from(hkdfSync('sha256', dataKey, salt, `skinledger-backup-manifest:v2:${description.archiveId}`, 32));
}

/** Over the description's and the manifest's exact bytes, each with its length so neither can borrow from the other. */
export function manifestMac(key: Buffer, descriptionBytes: Buffer, manifestBytes: Buffer): Buffer {
  const lengths = Buffer.alloc(16);
  lengths.writeBigUInt64BE(BigInt(descriptionBytes.length), 0);
  lengths.writeBigUInt64BE(BigInt(manifestBytes.length), 8);
  return createHmac('sha256', key).update(lengths).update(descriptionBytes).update(manifestBytes).digest();
}

export function manifestMacMatches(key: Buffer, descriptionBytes: Buffer, manifestBytes: Buffer, mac: Buffer): boolean {
  const expected = manifestMac(key, descriptionBytes, manifestBytes);
  return mac.length === expected.length && timingSafeEqual(mac, expected);
}

/** Bytes a member takes in the tar: its 512-byte header and its data padded to 512. */
export function tarBlocks(size: number): number {
  return 512 + Math.ceil(size / 512) * 512;
}
