import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { seal } from '../../../main/crypto/aead';
import { deriveKeyFromPassword } from '../../../main/crypto/kdf';
import { fastScryptForTests } from '../../support/fast-scrypt';
import { nameTagFor } from '../../../main/crypto/key-slots';

/** keyslots.json as an attacker sees it: plain JSON they can edit. */
export type RawKeyFile = Record<string, unknown> & { slots: RawSlot[] };
export type RawSlot = Record<string, unknown> & { kind: string };

export function readRaw(path: string): RawKeyFile {
  return JSON.parse(readFileSync(path, 'utf8')) as RawKeyFile;
}

/**
 * Writes the edited file back with its plain SHA-256 checksum recomputed, as anyone who reads the
 * file can: over the rest of the file, keys in the order they appear.
 */
export function writeWithAttackerChecksum(path: string, file: RawKeyFile): void {
  const { checksum: _old, ...body } = file;
  const checksum = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  writeFileSync(path, JSON.stringify({ ...body, checksum }, null, 2) + '\n');
}

/** Edits the key file in place, checksum recomputed. */
export function tamper(path: string, edit: (file: RawKeyFile) => void): void {
  const file = readRaw(path);
  edit(file);
  writeWithAttackerChecksum(path, file);
}

export function staffSlotOf(file: RawKeyFile, staffId: string): RawSlot {
  const slot = file.slots.find((s) => s.kind === 'staff' && s['staffId'] === staffId);
  if (!slot) throw new Error(`no slot for ${staffId}`);
  return slot;
}

/**
 * A staff slot exactly as the app wrote them before version 2 (identity outside the AEAD), so
 * the upgrade path can be tested on a file like the ones clinics have today.
 */
export async function legacyStaffSlot(storeId: string, staffId: string, name: string, password: string, dataKey: Buffer): Promise<RawSlot> {
  const id = randomUUID();
  const salt = randomBytes(16);
  const kek = await deriveKeyFromPassword(password, salt, fastScryptForTests);
  const sealed = seal(kek, dataKey, `skinledger-keyslot:v1:${storeId}:${id}:staff`);
  return {
    id,
    kind: 'staff',
    staffId,
    nameTag: nameTagFor(storeId, name),
    kdf: { ...fastScryptForTests, salt: salt.toString('base64') },
    nonce: sealed.nonce.toString('base64'),
    ciphertext: sealed.ciphertext.toString('base64'),
    tag: sealed.tag.toString('base64'),
  };
}

/** Rewrites the key file as version 1 (no MAC) with these staff slots and its recovery slot. */
export function writeLegacyFile(path: string, staffSlots: RawSlot[]): void {
  const file = readRaw(path);
  const { mac: _mac, auditHead, checksum: _checksum, ...rest } = file;
  const recovery = file.slots.filter((s) => s.kind === 'recovery');
  // Key files of that version carried the audit anchor too, last (the checksum's schema order).
  writeWithAttackerChecksum(path, { ...rest, version: 1, slots: [...staffSlots, ...recovery], ...(auditHead ? { auditHead } : {}) });
}
