import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey } from '../../../main/crypto/recovery-key';

describe('recovery key text', () => {
  it('round-trips 256 bits through the printed form', () => {
    const { key, text } = generateRecoveryKey();
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){10}[0-9A-HJKMNP-TV-Z]{4}$/);
    const parsed = parseRecoveryKey(text);
    expect(parsed.ok && parsed.key.equals(key)).toBe(true);
  });

  it('accepts what people type back from paper: lower case, spaces, O for 0, I or L for 1', () => {
    const key = Buffer.alloc(32, 0);
    key[0] = 0x08; // makes a leading "1" group
    const text = formatRecoveryKey(key);
    const typed = text.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    const parsed = parseRecoveryKey(typed);
    expect(parsed.ok && parsed.key.equals(key)).toBe(true);
  });

  it('catches a single mistyped character before any decryption', () => {
    const { text } = generateRecoveryKey();
    const position = 7;
    const swapped = text[position] === 'A' ? 'B' : 'A';
    const typo = text.slice(0, position) + swapped + text.slice(position + 1);
    expect(parseRecoveryKey(typo)).toEqual({ ok: false, reason: 'checksum' });
    expect(parseRecoveryKey(text.slice(0, -1))).toEqual({ ok: false, reason: 'length' });
    expect(parseRecoveryKey(text.replace(/.$/, 'U'))).toEqual({ ok: false, reason: 'characters' });
  });
});
