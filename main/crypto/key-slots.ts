import { createHash, createHmac, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { open, seal } from './aead';
import { deriveKeyFromPassword, scryptWithin, type ScryptLimits, type ScryptParams } from './kdf';
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
  return createHash('sha256')
    .update(`skinledger-staff-name:${storeId}:${foldStaffName(name)}`)
    .digest('hex');
}

function slotContext(storeId: string, slotId: string, kind: string): string {
  return `skinledger-keyslot:v1:${storeId}:${slotId}:${kind}`;
}

/**
 * A version 2 staff slot's associated data: who the slot belongs to is sealed with the data key,
 * so pointing a slot at another staff id or name opens nothing.
 */
export function staffSlotContext(storeId: string, slot: Pick<StaffSlot, 'id' | 'staffId' | 'nameTag' | 'boundNameTag'>): string {
  return `skinledger-keyslot:v2:${storeId}:${slot.id}:staff:${slot.staffId}:${slot.boundNameTag ?? slot.nameTag}`;
}

/** Two keys from the password's KEK, each with its own label: one seals, one checks the password. */
function slotKeys(kek: Buffer): { wrap: Buffer; check: Buffer } {
  const derive = (label: string) => Buffer.from(hkdfSync('sha256', kek, Buffer.alloc(0), label, 32));
  return { wrap: derive('skinledger-keyslot-wrap:v2'), check: derive('skinledger-keyslot-check:v2') };
}

/**
 * Tells a wrong password from an altered slot. It costs an attacker the same scrypt run per guess
 * as the GCM tag already does, so it gives nothing away.
 */
function checkValue(checkKey: Buffer, storeId: string, slotId: string): Buffer {
  return createHmac('sha256', checkKey).update(`skinledger-keyslot-check:v2:${storeId}:${slotId}`).digest();
}

/** Seals the data key into a version 2 slot under an already derived KEK. */
function sealStaffSlot(storeId: string, identity: { id: string; staffId: string; nameTag: string }, kek: Buffer, kdf: StaffSlot['kdf'], dataKey: Buffer): StaffSlot {
  const keys = slotKeys(kek);
  const sealed = seal(keys.wrap, dataKey, staffSlotContext(storeId, identity));
  const check = checkValue(keys.check, storeId, identity.id);
  keys.wrap.fill(0);
  keys.check.fill(0);
  return {
    id: identity.id,
    kind: 'staff',
    version: 2,
    staffId: identity.staffId,
    nameTag: identity.nameTag,
    kdf,
    nonce: sealed.nonce.toString('base64'),
    ciphertext: sealed.ciphertext.toString('base64'),
    tag: sealed.tag.toString('base64'),
    check: check.toString('base64'),
  };
}

export async function wrapForStaff(file: Pick<KeySlotFileBody, 'storeId'>, staffId: string, name: string, password: string, dataKey: Buffer, params: ScryptParams): Promise<StaffSlot> {
  const salt = randomBytes(16);
  const kek = await deriveKeyFromPassword(password, salt, params);
  const kdf = { name: params.name, N: params.N, r: params.r, p: params.p, salt: salt.toString('base64') };
  const slot = sealStaffSlot(file.storeId, { id: randomUUID(), staffId, nameTag: nameTagFor(file.storeId, name) }, kek, kdf, dataKey);
  kek.fill(0);
  return slot;
}

export type StaffSlotOpening =
  /** `kek` lets the slot be re-sealed (upgraded) without a second scrypt run; wipe it after. */
  | { outcome: 'opened'; dataKey: Buffer; kek: Buffer }
  | { outcome: 'wrong-password' }
  /** The password is right for this slot but its identity or cost was changed: an altered file. */
  | { outcome: 'altered' };

/** Opens a staff slot; slots whose scrypt cost is outside `limits` are refused before any work. */
export async function openStaffSlot(file: Pick<KeySlotFileBody, 'storeId'>, slot: StaffSlot, password: string, limits: ScryptLimits): Promise<StaffSlotOpening> {
  if (!scryptWithin(slot.kdf, limits)) return { outcome: 'altered' };
  const kek = await deriveKeyFromPassword(password, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  if (slot.version !== 2) {
    const dataKey = open(kek, unpack(slot), slotContext(file.storeId, slot.id, 'staff'));
    if (!dataKey) {
      kek.fill(0);
      return { outcome: 'wrong-password' };
    }
    return { outcome: 'opened', dataKey, kek };
  }
  const keys = slotKeys(kek);
  const expected = checkValue(keys.check, file.storeId, slot.id);
  const actual = Buffer.from(slot.check ?? '', 'base64');
  const passwordRight = actual.length === expected.length && timingSafeEqual(actual, expected);
  const dataKey = passwordRight ? open(keys.wrap, unpack(slot), staffSlotContext(file.storeId, slot)) : null;
  keys.wrap.fill(0);
  keys.check.fill(0);
  if (!passwordRight) {
    kek.fill(0);
    return { outcome: 'wrong-password' };
  }
  if (!dataKey) {
    kek.fill(0);
    return { outcome: 'altered' };
  }
  return { outcome: 'opened', dataKey, kek };
}

/** Whether a slot should be re-sealed at its owner's sign-in: made before version 2, or renamed since. */
export function slotNeedsResealing(slot: StaffSlot): boolean {
  return slot.version !== 2 || slot.boundNameTag !== undefined;
}

/** The same slot (id, salt, cost, identity) sealed afresh as version 2 under its current name tag. */
export function resealStaffSlot(file: Pick<KeySlotFileBody, 'storeId'>, slot: StaffSlot, kek: Buffer, dataKey: Buffer): StaffSlot {
  const resealed = sealStaffSlot(file.storeId, { id: slot.id, staffId: slot.staffId, nameTag: slot.nameTag }, kek, slot.kdf, dataKey);
  return slot.oneTime ? { ...resealed, oneTime: true } : resealed;
}

/** Returns the data key, or null if the password does not open this slot (or the slot was altered). */
export async function unwrapStaffSlot(file: Pick<KeySlotFileBody, 'storeId'>, slot: StaffSlot, password: string, limits: ScryptLimits): Promise<Buffer | null> {
  const opening = await openStaffSlot(file, slot, password, limits);
  if (opening.outcome !== 'opened') return null;
  opening.kek.fill(0);
  return opening.dataKey;
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
