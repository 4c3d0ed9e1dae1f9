import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface Sealed {
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** AES-256-GCM with a fresh 96-bit nonce; `context` is bound as associated data. */
export function seal(key: Buffer, plaintext: Buffer, context: string): Sealed {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce, ciphertext, tag: cipher.getAuthTag() };
}

/** Returns null when the key is wrong or anything was altered: the caller decides what that means. */
export function open(key: Buffer, sealed: Sealed, context: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.nonce);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

/**
 * Large plaintexts (backup parts of a megabyte and more) are put through the cipher in slices of
 * this size: each output then comes from the allocator's heap instead of a fresh mapping per
 * megabyte-sized call, and the slices go to the disk as they are in one vectored write.
 */
const sliceBytes = 64 * 1024;

export interface SealedPieces {
  nonce: Buffer;
  /** The ciphertext in order; joined, it is exactly what `seal` would give. */
  ciphertext: Buffer[];
  tag: Buffer;
}

/** The same AES-256-GCM sealing as `seal`, with the ciphertext left in slices for a vectored write. */
export function sealPieces(key: Buffer, plaintext: Buffer, context: string): SealedPieces {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext: Buffer[] = [];
  for (let offset = 0; offset < plaintext.length; offset += sliceBytes) ciphertext.push(cipher.update(plaintext.subarray(offset, offset + sliceBytes)));
  const rest = cipher.final();
  if (rest.length > 0) ciphertext.push(rest);
  return { nonce, ciphertext, tag: cipher.getAuthTag() };
}

/**
 * As `open`, the plaintext in slices. Nothing is returned before the tag has been checked over the
 * whole ciphertext: null when the key is wrong or anything was altered.
 */
export function openPieces(key: Buffer, sealed: Sealed, context: string): Buffer[] | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.nonce);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(sealed.tag);
    const plaintext: Buffer[] = [];
    for (let offset = 0; offset < sealed.ciphertext.length; offset += sliceBytes) plaintext.push(decipher.update(sealed.ciphertext.subarray(offset, offset + sliceBytes)));
    const rest = decipher.final();
    if (rest.length > 0) plaintext.push(rest);
    return plaintext;
  } catch {
    return null;
  }
}
