import { createHash, createHmac, hkdfSync, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createFileDurably, replaceFileDurably } from '../files/durable-file';
import { StoreError, storeMessages } from '../store/store-error';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const ScryptKdf = z.object({
  name: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2)
    .max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: Base64,
});
const HkdfKdf = z.object({ name: z.literal('hkdf-sha256'), salt: Base64 });

const Wrapped = { nonce: Base64, ciphertext: Base64, tag: Base64 };

const NameTag = z.string().regex(/^[0-9a-f]{64}$/);

export const StaffSlot = z
  .object({
    id: z.string(),
    kind: z.literal('staff'),
    /**
     * 2: the slot's identity (store, slot id, staff id, name tag) is the AES-GCM associated data,
     * and `check` tells a wrong password from an altered identity. Absent: a slot from before
     * that, opened as it was made and re-wrapped at its owner's next sign-in.
     */
    version: z.literal(2).optional(),
    staffId: z.string(),
    /** SHA-256 of the store id and the staff member's folded name: finds the slot without storing the name. */
    nameTag: NameTag,
    /**
     * After a rename, the name tag the slot was sealed under (re-sealing needs the password, so
     * it waits for the next sign-in). The file MAC vouches for the pair meanwhile.
     */
    boundNameTag: NameTag.optional(),
    kdf: ScryptKdf,
    ...Wrapped,
    /** HMAC of the slot id under a key derived from the password's KEK (version 2 only). */
    check: Base64.optional(),
    /**
     * The password was made by SkinLedger and handed over by an admin (a data key change): its
     * owner must choose their own at sign-in. Under the file MAC; a new password drops it.
     */
    oneTime: z.literal(true).optional(),
  })
  .refine((slot) => (slot.version === 2) === (slot.check !== undefined) && (slot.version === 2 || slot.boundNameTag === undefined));
export type StaffSlot = z.infer<typeof StaffSlot>;

export const RecoverySlot = z.object({ id: z.string(), kind: z.literal('recovery'), kdf: HkdfKdf, ...Wrapped });
export type RecoverySlot = z.infer<typeof RecoverySlot>;

export const KeySlot = z.discriminatedUnion('kind', [StaffSlot, RecoverySlot]);
export type KeySlot = z.infer<typeof KeySlot>;

/**
 * The audit trail's head (its last row number and hash), copied here from the database
 * so that rows cut off the end of the trail inside the database show as missing. Optional, so
 * key files written before it still read; it sits under the checksum and the MAC like everything
 * else.
 */
export const AuditHead = z.object({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
export type AuditHead = z.infer<typeof AuditHead>;

/**
 * Version 1: slots and audit head under a plain checksum only. Version 2: the whole body is also
 * authenticated by `mac`, an HMAC under a key derived from the data key. Every write is version 2;
 * version 1 is read only to upgrade it.
 */
const KeySlotFileBody = z.object({
  format: z.literal('skinledger-keyslots'),
  version: z.union([z.literal(1), z.literal(2)]),
  storeId: z.string().uuid(),
  createdAt: z.string(),
  updatedAt: z.string(),
  slots: z.array(KeySlot),
  // Last, and absent rather than null when unset: the checksum is taken over the parsed body in
  // schema order, so files without it keep exactly the checksum they were written with.
  auditHead: AuditHead.optional(),
  /** HMAC-SHA256 (hex) of everything above, present exactly when version is 2. */
  mac: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type KeySlotFileBody = z.infer<typeof KeySlotFileBody>;

const KeySlotFileOnDisk = KeySlotFileBody.extend({ checksum: z.string().regex(/^[0-9a-f]{64}$/) });

const keyFileAltered = () => new StoreError('KEY_FILE_ALTERED', storeMessages.keyFileAltered);

/** Its own HKDF label and the store id as salt: the MAC key is used for nothing else. */
function macKey(dataKey: Buffer, storeId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(storeId, 'utf8'), 'skinledger-keyfile-mac:v2', 32));
}

/** The body in schema order, without its MAC: the bytes the MAC is taken over. */
function macInput(body: KeySlotFileBody): string {
  const { mac: _mac, ...rest } = KeySlotFileBody.parse(body);
  return JSON.stringify({ ...rest, version: 2 });
}

function macOf(body: KeySlotFileBody, dataKey: Buffer): string {
  const key = macKey(dataKey, body.storeId);
  const mac = createHmac('sha256', key).update(macInput(body)).digest('hex');
  key.fill(0);
  return mac;
}

/** The body as written from now on: version 2, with the MAC over everything else. */
export function sealKeySlotFile(body: KeySlotFileBody, dataKey: Buffer): KeySlotFileBody {
  const { mac: _mac, ...rest } = body;
  const unsealed: KeySlotFileBody = { ...rest, version: 2 };
  return { ...unsealed, mac: macOf(unsealed, dataKey) };
}

/**
 * Checked as soon as the data key is unwrapped: a version 2 file whose MAC does not match was
 * edited by someone without the key (a slot pointed at another person, the audit head moved).
 * A version 1 file has no MAC yet; readKeySlotFile has already refused one holding version 2 slots.
 */
export function verifyKeySlotFile(body: KeySlotFileBody, dataKey: Buffer): 'authentic' | 'legacy' {
  if (body.version === 1) return 'legacy';
  const expected = Buffer.from(macOf(body, dataKey), 'hex');
  const actual = Buffer.from(body.mac ?? '', 'hex');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw keyFileAltered();
  return 'authentic';
}

export const keySlotFileName = 'keyslots.json';

export function newKeySlotFile(now: Date): KeySlotFileBody {
  const stamp = now.toISOString();
  return { format: 'skinledger-keyslots', version: 2, storeId: randomUUID(), createdAt: stamp, updatedAt: stamp, slots: [] };
}

/**
 * The checksum tells a damaged key file (disk error, half-written copy) from a wrong password,
 * so each gets its own message. It is no defence against an attacker (anyone can recompute it):
 * the MAC and the slots' sealed identities are.
 */
function checksumOf(body: KeySlotFileBody): string {
  return createHash('sha256')
    .update(JSON.stringify(KeySlotFileBody.parse(body)))
    .digest('hex');
}

export function readKeySlotFile(path: string): KeySlotFileBody {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoreError('KEY_FILE_MISSING', storeMessages.keyFileMissing);
    throw new StoreError('KEY_FILE_DAMAGED', storeMessages.keyFileDamaged, { cause: error });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StoreError('KEY_FILE_DAMAGED', storeMessages.keyFileDamaged, { cause: error });
  }
  const parsed = KeySlotFileOnDisk.safeParse(raw);
  if (!parsed.success) throw new StoreError('KEY_FILE_DAMAGED', storeMessages.keyFileDamaged);
  const { checksum, ...body } = parsed.data;
  if (checksumOf(body) !== checksum) throw new StoreError('KEY_FILE_DAMAGED', storeMessages.keyFileDamaged);
  // A file that once had a MAC never loses it: version 2 needs one, and version 2 slots exist only
  // in version 2 files, so stripping the MAC (a downgrade) reads as an altered file.
  if (body.version === 2 && body.mac === undefined) throw keyFileAltered();
  if (body.version === 1 && (body.mac !== undefined || body.slots.some((slot) => slot.kind === 'staff' && slot.version === 2))) throw keyFileAltered();
  return body;
}

/**
 * Replaces the key file atomically: write a sibling, fsync it, rename over the old one, fsync
 * the folder. A crash leaves either the old file or the new one, never half of each. The file
 * holds only wrapped keys, so the sibling is no plaintext on disk.
 */
export interface KeySlotFileWrite {
  mustNotExist?: boolean;
  /**
   * Whether to wait for the folder's record of the rename to reach the disk (default yes). The
   * file's own bytes are always flushed before the rename, so a power cut leaves the old file or
   * the new one, whole; without this flush it may leave the old one although the call returned.
   */
  durableRename?: boolean;
}

/** Writes the body sealed (version 2, MAC) under the data key: no write leaves a file without a MAC. */
export function writeKeySlotFile(path: string, body: KeySlotFileBody, dataKey: Buffer, options: KeySlotFileWrite = {}): void {
  const sealed = KeySlotFileBody.parse(sealKeySlotFile(body, dataKey));
  const text = JSON.stringify({ ...sealed, checksum: checksumOf(sealed) }, null, 2) + '\n';
  if (options.mustNotExist) {
    createFileDurably(path, text);
    return;
  }
  // One fixed name: the database's exclusive lock already means one writer, and a crash
  // leaves at most this one file behind, overwritten by the next write.
  replaceFileDurably(path, text, { syncFolder: options.durableRename ?? true });
}
