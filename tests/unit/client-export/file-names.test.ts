import { describe, expect, it } from 'vitest';
import { consentFileName } from '../../../main/consents/consent-service';
import { safeFileNamePart } from '../../../shared/file-names';

describe('exported file names', () => {
  it('strip a right-to-left override, so a name cannot disguise its extension', () => {
    expect(safeFileNamePart('Anna\u202Egpj.exe', 'client')).toBe('Annagpj.exe');
    expect(consentFileName({ firstName: 'Anna\u202Egpj.exe', lastName: 'Berg' }, 'microneedling', '2026-11-25T10:00:00Z')).toBe('Berg Annagpj.exe - microneedling - 2026-11-25.pdf');
  });

  it('strip every invisible format character, control character and line separator', () => {
    for (const invisible of ['\u200B', '\u200D', '\u2066', '\u2069', '\u061C', '\uFEFF', '\u00AD', '\u0000', '\u001B', '\u2028', '\u2029']) {
      expect(safeFileNamePart(`Zo${invisible}ë`, 'client'), JSON.stringify(invisible)).toBe('Zoë');
    }
  });

  it('strip path separators and what Windows refuses, so the file stays in its folder', () => {
    expect(safeFileNamePart('../../etc/passwd', 'client')).toBe('etcpasswd');
    expect(safeFileNamePart('C:\\Users\\x', 'client')).toBe('CUsersx');
    expect(safeFileNamePart('a*b?c"d<e>f|g', 'client')).toBe('abcdefg');
    expect(consentFileName({ firstName: 'x', lastName: '../..' }, 'micro/needling', '2026-11-25T10:00:00Z')).toBe('x - microneedling - 2026-11-25.pdf');
  });

  it('keep letters in any script and emoji, trim dots and spaces, and fall back when nothing is left', () => {
    expect(safeFileNamePart('  Nguyễn   Zoë 🌸 ', 'client')).toBe('Nguyễn Zoë 🌸');
    expect(safeFileNamePart('Ελένη Παπαδοπούλου', 'client')).toBe('Ελένη Παπαδοπούλου');
    expect(safeFileNamePart('.hidden.', 'client')).toBe('hidden');
    expect(safeFileNamePart('\u202E\u200B/', 'client')).toBe('client');
    expect(safeFileNamePart('NUL', 'client')).toBe('client');
    expect(safeFileNamePart('🌸'.repeat(100), 'client', 80)).toBe('🌸'.repeat(80));
  });
});
