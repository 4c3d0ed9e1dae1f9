import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPdfDocument, finishPdf } from '../../../main/pdf/document';
import { fontPieces } from '../../../main/pdf/font-runs';
import { pdfFonts } from '../../../main/pdf/fonts';
import { renderSessionPdf } from '../../../main/pdf/session-pdf';
import { SessionRecord } from '../../../shared/clinical/session';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.remove());

/** What a PDF reader sees: its text, and the fonts it embeds. */
function read(pdf: Buffer): { text: string; fonts: string } {
  const file = join(folder.path, 'out.pdf');
  writeFileSync(file, pdf);
  return { text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }), fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }) };
}

describe('emoji in PDFs', () => {
  it('are drawn in the emoji font only where DejaVu has no glyph, joiners and skin tones with them', async () => {
    const doc = await createPdfDocument({ paperSize: 'A4', info: { title: 'Pieces', author: 'Clinic', subject: 'Fonts', createdAt: new Date('2026-03-04T05:06:07Z') } });
    doc.font(pdfFonts.regular);
    expect(fontPieces(doc, 'Zoë Nguyễn Иванова')).toEqual([{ text: 'Zoë Nguyễn Иванова', emoji: false }]);
    expect(fontPieces(doc, 'Zoë 🌸 Nguyễn')).toEqual([
      { text: 'Zoë ', emoji: false },
      { text: '🌸', emoji: true },
      { text: ' Nguyễn', emoji: false },
    ]);
    expect(fontPieces(doc, 'ok 👍🏽 ✓')).toEqual([
      { text: 'ok ', emoji: false },
      { text: '👍🏽', emoji: true },
      { text: ' ✓', emoji: false },
    ]);
    await finishPdf(doc);
  });

  it('a session print-out keeps "Zoë 🌸 Nguyễn" as typed and embeds the emoji font for the flower', async () => {
    const record = SessionRecord.parse({
      performedAt: '2026-03-04T10:00:00.000Z',
      device: { kind: 'pen', make: 'Dermapen', model: '4', settings: '' },
      anaesthetic: { product: '', appliedAt: null },
      areas: [{ area: 'forehead', depthMm: 0.5, passes: 2 }],
      endpoint: 'even-erythema',
      aftercareGiven: true,
      notes: 'Client brought flowers 🌸🌷 and was happy 👍.',
    });
    const pdf = await renderSessionPdf({
      clinic: { name: 'Harbour Skin Studio', address: '', phone: '', logo: null },
      clientName: 'Zoë 🌸 Nguyễn',
      dateOfBirth: '1990-05-17',
      practitionerName: 'Maria Lopez',
      record,
      basis: null,
      createdAt: '2026-03-04T10:30:00.000Z',
      updatedAt: '2026-03-04T10:30:00.000Z',
      updatedByName: null,
      amendments: [],
      paperSize: 'A4',
      dateFormat: 'DD/MM/YYYY',
      printedAt: new Date('2026-03-04T11:00:00Z'),
    });
    const { text, fonts } = read(pdf);
    expect(text).toContain('Zoë 🌸 Nguyễn');
    expect(text).toContain('Client brought flowers 🌸🌷 and was happy 👍.');
    expect(fonts).toMatch(/NotoEmoji/);
    expect(fonts).toMatch(/DejaVuSans/);
  });

  it('a document without emoji does not embed the emoji font', async () => {
    const doc = await createPdfDocument({ paperSize: 'A4', info: { title: 'Plain', author: 'Clinic', subject: 'Fonts', createdAt: new Date('2026-03-04T05:06:07Z') } });
    doc.font(pdfFonts.regular).text('Zoë Nguyễn', 48, 48);
    expect(read(await finishPdf(doc)).fonts).not.toMatch(/NotoEmoji/);
  });
});
