import { createHash, randomBytes } from 'node:crypto';

/**
 * The recovery key is the clinic's last resort: 256 random bits printed once on the Recovery
 * Kit. It is written in Crockford base32 (no I, L, O, U: nothing to misread when typing it back
 * from paper) in groups of five, with two check characters so a typo is caught before any
 * decryption is attempted.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const groupSize = 5;
const checkLength = 2;
const keyBytes = 32;
const keyChars = Math.ceil((keyBytes * 8) / 5); // 52

export function generateRecoveryKey(): { key: Buffer; text: string } {
  const key = randomBytes(keyBytes);
  return { key, text: formatRecoveryKey(key) };
}

export function formatRecoveryKey(key: Buffer): string {
  const body = toBase32(key);
  const all = body + checkChars(body);
  const groups: string[] = [];
  for (let i = 0; i < all.length; i += groupSize) groups.push(all.slice(i, i + groupSize));
  return groups.join('-');
}

export type ParsedRecoveryKey = { ok: true; key: Buffer } | { ok: false; reason: 'length' | 'characters' | 'checksum' };

export function parseRecoveryKey(text: string): ParsedRecoveryKey {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/[O]/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== keyChars + checkLength) return { ok: false, reason: 'length' };
  if (![...cleaned].every((c) => alphabet.includes(c))) return { ok: false, reason: 'characters' };
  const body = cleaned.slice(0, keyChars);
  if (checkChars(body) !== cleaned.slice(keyChars)) return { ok: false, reason: 'checksum' };
  return { ok: true, key: fromBase32(body, keyBytes) };
}

function checkChars(body: string): string {
  const digest = createHash('sha256').update(body).digest();
  return alphabet[digest[0]! % 32]! + alphabet[digest[1]! % 32]!;
}

function toBase32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string, length: number): Buffer {
  const out = Buffer.alloc(length);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of text) {
    value = (value << 5) | alphabet.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      if (index < length) out[index++] = (value >>> (bits - 8)) & 255;
      bits -= 8;
    }
  }
  return out;
}
