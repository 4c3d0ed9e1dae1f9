import { createHash } from 'node:crypto';

/** The SHA-256 of bytes (or of a string's UTF-8), as lowercase hex: how the store records a file's or a form's fingerprint. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
