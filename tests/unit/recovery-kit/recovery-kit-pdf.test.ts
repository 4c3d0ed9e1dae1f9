import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRecoveryKey } from '../../../main/crypto/recovery-key';
import { formatKitDate, renderRecoveryKit, type RecoveryKitInput } from '../../../main/recovery-kit/recovery-kit-pdf';

const key = generateRecoveryKey().text;
const createdAt = new Date('2025-11-25T12:00:00Z');

function kit(overrides: Partial<RecoveryKitInput> = {}): Promise<Buffer> {
  return renderRecoveryKit({
    clinicName: 'Клиника Zoë Nguyễn',
    clinicAddress: '12 Rue de l’Église\n75004 Paris',
    recoveryKey: key,
    createdAt,
    paperSize: 'A4',
    ...overrides,
  });
}

// poppler reads the PDF from stdin: the kit stays in memory here as it does in the app.
function pdftotext(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}

function pdfinfo(pdf: Buffer): Record<string, string> {
  const text = execFileSync('pdfinfo', ['-enc', 'UTF-8', '-'], { input: pdf }).toString('utf8');
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/** True if the text holds every group of the key as a word, in order (group numbers may sit between). */
function printsKeyInOrder(text: string): boolean {
  const groups = key.split('-');
  let next = 0;
  for (const word of text.split(/\s+/)) if (word === groups[next]) next++;
  return next === groups.length;
}

const scratch = mkdtempSync(join(tmpdir(), 'skinledger-kit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('Recovery Kit PDF', () => {
  it('prints the clinic (in any script), the date and every group of the key, in order, on one A4 page', async () => {
    const pdf = await kit();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdftotext(pdf);
    expect(text).toContain('Клиника Zoë Nguyễn');
    expect(text).toContain('12 Rue de l’Église');
    expect(text).toContain(formatKitDate(createdAt));
    expect(printsKeyInOrder(text)).toBe(true);
    const info = pdfinfo(pdf);
    expect(info['Pages']).toBe('1');
    expect(info['Page size']).toContain('(A4)');
  });

  it('fills the metadata, and never with the key', async () => {
    const info = pdfinfo(await kit());
    expect(info['Title']).toBe('Recovery Kit · Клиника Zoë Nguyễn');
    expect(info['Author']).toBe('Клиника Zoë Nguyễn');
    expect(info['Subject']).toContain('Recovery key');
    expect(info['CreationDate']).toMatch(/2025/);
    expect(Object.values(info).join('\n')).not.toContain(key.slice(0, 11));
  });

  it('is one Letter page too', async () => {
    const info = pdfinfo(await kit({ paperSize: 'LETTER' }));
    expect(info['Pages']).toBe('1');
    expect(info['Page size']).toContain('(letter)');
  });

  it('stays on one page with the longest name and address, in right-to-left scripts too', async () => {
    const longName = `מרפאת עור יפה ${'Ωμέγα Αισθητική '.repeat(10)}`.slice(0, 120);
    const longAddress = 'شارع الملك فهد، الرياض 12345 '.repeat(14).slice(0, 400);
    for (const paperSize of ['A4', 'LETTER'] as const) {
      const pdf = await kit({ clinicName: longName, clinicAddress: longAddress, paperSize });
      expect(pdfinfo(pdf)['Pages']).toBe('1');
      expect(printsKeyInOrder(pdftotext(pdf))).toBe(true);
    }
  });

  // zbarimg comes from Debian's zbar-tools, which .ci/run installs.
  it('encodes the key in the QR code', async () => {
    const path = join(scratch, 'kit');
    writeFileSync(`${path}.pdf`, await kit());
    execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', `${path}.pdf`, path]);
    const decoded = execFileSync('zbarimg', ['--quiet', '--raw', `${path}.png`])
      .toString('utf8')
      .trim();
    expect(decoded).toBe(key);
  });

  it('refuses to print something that is not a recovery key', async () => {
    const typo = key.slice(0, -1) + (key.endsWith('0') ? '1' : '0');
    await expect(kit({ recoveryKey: typo })).rejects.toThrow('not a recovery key');
  });

  it('writes the month in words, so no reader swaps day and month', () => {
    expect(formatKitDate(new Date(2026, 2, 4, 12))).toBe('4 March 2026');
  });
});
