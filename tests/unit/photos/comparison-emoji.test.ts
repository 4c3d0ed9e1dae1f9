import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderComparison, textImage } from '../../../main/photos/comparison-render';
import { fontPaths } from '../../../main/pdf/fonts';
import { syntheticFaceJpeg } from '../../support/photo-fixtures';

/** Pixels of a label flattened on white, for comparing what two renderings drew. */
async function pixels(png: Buffer): Promise<Buffer> {
  return sharp(png).flatten({ background: '#ffffff' }).raw().toBuffer();
}

describe('emoji in a comparison JPEG', () => {
  // Rendered first in this file: the label must load the emoji font itself, nothing before it did.
  it('draws an emoji in a label with the bundled Noto Emoji, as that font alone draws it', async () => {
    const fonts = fontPaths();
    const label = await textImage('🌸', { fontfile: fonts.regular, size: 22, width: 200 });
    const alone = await sharp({ text: { text: `<span foreground="#1a1a1a" size="${22 * 1024 * 0.75}">🌸</span>`, fontfile: fonts.emoji, font: 'Noto Emoji', width: 200, rgba: true, wrap: 'word' } })
      .png()
      .toBuffer();
    expect(await pixels(label)).toEqual(await pixels(alone));
  });

  const layout = async (format: 'jpeg' | 'pdf'): Promise<Parameters<typeof renderComparison>[0]> => ({
    clinicName: 'Zoë 🌸 Skin Clinic ✨',
    first: { preview: await syntheticFaceJpeg({ width: 480, height: 600, hue: 30, seed: 1 }), caption: 'Front · Before · 04/03/2025 · Session 1 👋🏽' },
    second: { preview: await syntheticFaceJpeg({ width: 480, height: 600, hue: 30, seed: 1 }), caption: 'Front · After · 01/06/2025 · Session 4 🇬🇧' },
    alignment: null,
    blurBoxes: [],
    matchBrightness: false,
    watermark: 'Teaching 🎓',
    format,
    paperSize: 'A4',
    createdAt: new Date('2026-12-07T10:00:00Z'),
    exportedOn: '07/12/2026',
  });

  it('renders a comparison whose clinic name and labels hold emoji', async () => {
    const jpeg = await renderComparison(await layout('jpeg'));
    expect((await sharp(jpeg).metadata()).format).toBe('jpeg');
  });

  it('sets the PDF page’s clinic name and labels with their emoji, as typed', async () => {
    const pdf = await renderComparison(await layout('pdf'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
    expect(text).toContain('Zoë 🌸 Skin Clinic ✨');
    expect(text).toContain('Session 4 🇬🇧');
    expect(text).toContain('Teaching 🎓');
    if (process.env['LOOK']) writeFileSync(process.env['LOOK'], pdf);
  });
});
