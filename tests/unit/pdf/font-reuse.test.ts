import { describe, expect, it } from 'vitest';
import { createPdfDocument, finishPdf } from '../../../main/pdf/document';
import { pdfFonts } from '../../../main/pdf/fonts';

/** A short archival document, as a consent is made, with the given words in both faces. */
async function page(words: string): Promise<Buffer> {
  const doc = await createPdfDocument({ paperSize: 'A4', archival: true, info: { title: 'Reuse', author: 'Clinic', subject: 'Fonts', createdAt: new Date('2026-03-04T05:06:07Z') } });
  doc.font(pdfFonts.bold).fontSize(14).text(words, 48, 48, { width: 300 });
  doc.font(pdfFonts.regular).fontSize(9).text(words, 48, 140, { width: 300 });
  return finishPdf(doc);
}

describe('fonts kept from one document to the next', () => {
  it('set the same words to the same bytes as the first document did, whatever came between', async () => {
    const words = 'Zoë Nguyễn Кузнецова agreed to microneedling at 0.5 mm; initials beside each risk.';
    const first = await page(words);
    await page('Ελληνικά, עברית, and other words entirely: redness, swelling, pinpoint bleeding.');
    await page(`${words} ${words}`);
    const again = await page(words);
    expect(again.equals(first)).toBe(true);
  });

  it('embed in each document only the letters that document uses', async () => {
    await page('Ωμέγα Щ ש');
    const plain = await page('abc');
    const alone = await page('abc');
    expect(plain.equals(alone)).toBe(true);
    expect(plain.length).toBeLessThan((await page('Ωμέγα Щ ש abc')).length);
  });
});
