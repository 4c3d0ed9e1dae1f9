import type { PhotographyChoices } from './photography';
import type { Answers, GuardianDetails } from './filled-form';
import type { Ink } from './ink';
import type { SignerRole, TemplateVersion } from './template';

/** A signature as stored: who signed, in which role, when (as main recorded it), and the drawing. */
export interface SignedSignature {
  role: SignerRole;
  name: string;
  signedAt: string;
  ink: Ink;
}

/**
 * Exactly what a signed consent's form hash covers. The stored form JSON is the canonical text
 * of this, so `verify` can recompute the hash from the row alone.
 */
export interface CanonicalForm {
  consentId: string;
  clientId: string;
  templateId: string;
  templateVersion: TemplateVersion;
  answers: Answers;
  initials: Record<string, Ink>;
  photography: PhotographyChoices | null;
  guardian: GuardianDetails | null;
  signatures: SignedSignature[];
  deviceName: string;
  signedAt: string;
  /** Present only on a declined form (absent on consents, so older forms hash as they did). */
  outcome?: 'declined';
}

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 without a Node Buffer (shared code runs in the window too). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    const triple = (a << 16) | (b << 8) | c;
    out += base64Alphabet[(triple >> 18) & 63]! + base64Alphabet[(triple >> 12) & 63]!;
    out += i + 1 < bytes.length ? base64Alphabet[(triple >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? base64Alphabet[triple & 63]! : '=';
  }
  return out;
}

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of clean) {
    const digit = base64Alphabet.indexOf(char);
    if (digit < 0) throw new Error('Not base64.');
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** Bytes are written as {"$base64": "..."} so the text is JSON and reads back to the same bytes. */
function canonicalValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $base64: toBase64(value) };
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const entry = (value as Record<string, unknown>)[key];
      if (entry !== undefined) sorted[key] = canonicalValue(entry);
    }
    return sorted;
  }
  if (typeof value === 'number' && Object.is(value, -0)) return 0;
  return value;
}

/**
 * The canonical text of a signed form: JSON with every object's keys sorted, no whitespace,
 * bytes in base64, undefined left out. Same form in, same text out, on any machine.
 */
export function canonicalFormText(form: CanonicalForm): string {
  return JSON.stringify(canonicalValue(form));
}

/** Reads canonical text back, turning {"$base64"} objects into bytes again. */
export function parseCanonicalForm(text: string): CanonicalForm {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === '$base64') return fromBase64((value as { $base64: string }).$base64);
    }
    return value;
  }) as CanonicalForm;
}

/** The short hash printed on the PDF's verification line: the first 16 hex digits, grouped. */
export function shortHash(sha256Hex: string): string {
  return sha256Hex.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ');
}
