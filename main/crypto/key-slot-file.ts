import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { StoreError, storeMessages } from '../store/store-error';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const ScryptKdf = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(2).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: Base64,
});
const HkdfKdf = z.object({ name: z.literal('hkdf-sha256'), salt: Base64 });

const Wrapped = { nonce: Base64, ciphertext: Base64, tag: Base64 };

export const StaffSlot = z.object({
  id: z.string(),
  kind: z.literal('staff'),
  staffId: z.string(),
  /** SHA-256 of the store id and the staff member's folded name: finds the slot without storing the name. */
  nameTag: z.string().regex(/^[0-9a-f]{64}$/),
  kdf: ScryptKdf,
  ...Wrapped,
});
export type StaffSlot = z.infer<typeof StaffSlot>;

export const RecoverySlot = z.object({ id: z.string(), kind: z.literal('recovery'), kdf: HkdfKdf, ...Wrapped });
export type RecoverySlot = z.infer<typeof RecoverySlot>;

export const KeySlot = z.discriminatedUnion('kind', [StaffSlot, RecoverySlot]);
export type KeySlot = z.infer<typeof KeySlot>;

/**
 * Issue 6: the audit trail's head (its last row number and hash), copied here from the database
 * so that rows cut off the end of the trail inside the database show as missing. Optional, so
 * key files written before it still read; it sits under the checksum like everything else.
 */
export const AuditHead = z.object({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
export type AuditHead = z.infer<typeof AuditHead>;

const KeySlotFileBody = z.object({
  format: z.literal('skinledger-keyslots'),
  version: z.literal(1),
  storeId: z.string().uuid(),
  createdAt: z.string(),
  updatedAt: z.string(),
  slots: z.array(KeySlot),
  // Last, and absent rather than null when unset: the checksum is taken over the parsed body in
  // schema order, so files without it keep exactly the checksum they were written with.
  auditHead: AuditHead.optional(),
});
export type KeySlotFileBody = z.infer<typeof KeySlotFileBody>;

const KeySlotFileOnDisk = KeySlotFileBody.extend({ checksum: z.string().regex(/^[0-9a-f]{64}$/) });

export const keySlotFileName = 'keyslots.json';

export function newKeySlotFile(now: Date): KeySlotFileBody {
  const stamp = now.toISOString();
  return { format: 'skinledger-keyslots', version: 1, storeId: randomUUID(), createdAt: stamp, updatedAt: stamp, slots: [] };
}

/**
 * The checksum tells a damaged key file (disk error, half-written copy) from a wrong password,
 * so each gets its own message. It is no defence against an attacker: the GCM tags are.
 */
function checksumOf(body: KeySlotFileBody): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
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

export function writeKeySlotFile(path: string, body: KeySlotFileBody, options: KeySlotFileWrite = {}): void {
  const text = JSON.stringify({ ...body, checksum: checksumOf(body) }, null, 2) + '\n';
  if (options.mustNotExist) {
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    syncFolder(dirname(path));
    return;
  }
  // One fixed name: the database's exclusive lock already means one writer, and a crash
  // leaves at most this one file behind, overwritten by the next write.
  const sibling = `${path}.next`;
  const fd = openSync(sibling, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(sibling);
    throw error;
  }
  closeSync(fd);
  renameSync(sibling, path);
  if (options.durableRename ?? true) syncFolder(dirname(path));
}

function syncFolder(folder: string): void {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
