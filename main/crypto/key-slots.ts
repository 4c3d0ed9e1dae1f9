import { createHash, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { open, seal } from './aead';
import { deriveKeyFromPassword, type ScryptParams } from './kdf';
import type { KeySlotFileBody, RecoverySlot, StaffSlot } from './key-slot-file';

/** The data key is 256 random bits: it encrypts the database, photos, PDFs and backups. */
export function generateDataKey(): Buffer {
  return randomBytes(32);
}

/** Names match however they are typed: case, accents composed or not, surrounding spaces. */
export function foldStaffName(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('en');
}

export function nameTagFor(storeId: string, name: string): string {
  return createHash('sha256').update(`skinledger-staff-name:${storeId}:${foldStaffName(name)}`).digest('hex');
}

function slotContext(storeId: string, slotId: string, kind: string): string {
  return `skinledger-keyslot:v1:${storeId}:${slotId}:${kind}`;
}

export async function wrapForStaff(
  file: KeySlotFileBody,
  staffId: string,
  name: string,
  password: string,
  dataKey: Buffer,
  params: ScryptParams,
): Promise<StaffSlot> {
  const id = randomUUID();
  const salt = randomBytes(16);
  const kek = await deriveKeyFromPassword(password, salt, params);
  const sealed = seal(kek, dataKey, slotContext(file.storeId, id, 'staff'));
  kek.fill(0);
  return {
    id,
    kind: 'staff',
    staffId,
    nameTag: nameTagFor(file.storeId, name),
    kdf: { ...params, salt: salt.toString('base64') },
    nonce: sealed.nonce.toString('base64'),
    ciphertext: sealed.ciphertext.toString('base64'),
    tag: sealed.tag.toString('base64'),
  };
}

/** Returns the data key, or null if the password is wrong for this slot. */
export async function unwrapStaffSlot(file: KeySlotFileBody, slot: StaffSlot, password: string): Promise<Buffer | null> {
  const kek = await deriveKeyFromPassword(password, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  const dataKey = open(kek, unpack(slot), slotContext(file.storeId, slot.id, 'staff'));
  kek.fill(0);
  return dataKey;
}

function recoveryKek(recoveryKey: Buffer, salt: Buffer): Buffer {
  // The recovery key already carries 256 bits of entropy: a slow KDF would add nothing.
  return Buffer.from(hkdfSync('sha256', recoveryKey, salt, 'skinledger-recovery-slot', 32));
}

export function wrapForRecovery(file: KeySlotFileBody, recoveryKey: Buffer, dataKey: Buffer): RecoverySlot {
  const id = randomUUID();
  const salt = randomBytes(16);
  const kek = recoveryKek(recoveryKey, salt);
  const sealed = seal(kek, dataKey, slotContext(file.storeId, id, 'recovery'));
  kek.fill(0);
  return {
    id,
    kind: 'recovery',
    kdf: { name: 'hkdf-sha256', salt: salt.toString('base64') },
    nonce: sealed.nonce.toString('base64'),
    ciphertext: sealed.ciphertext.toString('base64'),
    tag: sealed.tag.toString('base64'),
  };
}

export function unwrapRecoverySlot(file: KeySlotFileBody, slot: RecoverySlot, recoveryKey: Buffer): Buffer | null {
  const kek = recoveryKek(recoveryKey, Buffer.from(slot.kdf.salt, 'base64'));
  const dataKey = open(kek, unpack(slot), slotContext(file.storeId, slot.id, 'recovery'));
  kek.fill(0);
  return dataKey;
}

function unpack(slot: { nonce: string; ciphertext: string; tag: string }) {
  return {
    nonce: Buffer.from(slot.nonce, 'base64'),
    ciphertext: Buffer.from(slot.ciphertext, 'base64'),
    tag: Buffer.from(slot.tag, 'base64'),
  };
}
