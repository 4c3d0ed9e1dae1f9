import type sharpModule from 'sharp';
import type { OverlayOptions } from 'sharp';
import { loadSharp } from '../images/load-sharp';
import { alignmentTransform, type PhotoAlignment } from '../../shared/photos/alignment';
import type { BlurBox } from '../../shared/photos/comparison-export';
import { drawDirectionalText } from '../pdf/directional-text';
import { createPdfDocument, finishPdf } from '../pdf/document';
import { drawPieces, piecesWidth } from '../pdf/font-runs';
import { fontPaths, pdfFonts } from '../pdf/fonts';
import { drawText } from '../pdf/page-cursor';
import type { PaperSize } from '../pdf/paper';
import { markupWithEmojiFont } from './text-markup';
import { coveredRect, warpInto, type RawImage, type Rect } from './warp';

export interface ComparisonSide {
  preview: Buffer;
  /** "Front · Before · 04/03/2025 · Session 1": what is written under the photo. */
  caption: string;
}

export interface ComparisonLayout {
  clinicName: string;
  first: ComparisonSide;
  second: ComparisonSide;
  alignment: Pick<PhotoAlignment, 'first' | 'second'> | null;
  blurBoxes: readonly BlurBox[];
  matchBrightness: boolean;
  watermark: string | null;
  format: 'jpeg' | 'pdf';
  paperSize: PaperSize;
  createdAt: Date;
  /** The export's day in the clinic's date format, for the page's footer. */
  exportedOn: string;
}

const margin = 40;
const headerHeight = 110;
const footerHeight = 70;

/**
 * The comparison as one image (or a PDF page holding it): the two photos side by side, the
 * second lined up on the first when an alignment is saved, blur boxes applied before anything
 * else so no unblurred copy of a face is ever composed, then the labels and the watermark.
 */
/** Set by renderComparison before any helper below runs (loadSharp always gives the same module). */
let sharp: typeof sharpModule;

export async function renderComparison(layout: ComparisonLayout): Promise<Buffer> {
  sharp = await loadSharp();
  let first = await blurred(await decode(layout.first.preview), boxesOf(layout.blurBoxes, 'first'));
  let second = await blurred(await decode(layout.second.preview), boxesOf(layout.blurBoxes, 'second'));
  if (layout.matchBrightness) second = await brightnessMatched(second, first);
  const transform = layout.alignment ? alignmentTransform(layout.alignment, first, second) : null;
  let placedSecond: RawImage;
  if (transform) {
    // Both photos cut to where the moved one covers the frame: no grey edge, the line-up kept.
    const moved = warpInto(second, transform, first.width, first.height);
    const rect = coveredRect(moved.covered, first.width, first.height);
    first = await cropped(first, rect);
    placedSecond = await cropped(moved, rect);
  } else {
    placedSecond = await scaledToHeight(second, first.height);
  }
  if (layout.format === 'pdf') return pdfComparison(first, placedSecond, layout);

  const width = first.width + placedSecond.width + margin * 3;
  const height = headerHeight + first.height + footerHeight;
  const fonts = fontPaths();
  const layers: OverlayOptions[] = [
    { input: await jpegOf(first), left: margin, top: headerHeight },
    { input: await jpegOf(placedSecond), left: margin * 2 + first.width, top: headerHeight },
    { input: await textImage(layout.clinicName, { fontfile: fonts.bold, size: 34, width: width - margin * 2 }), left: margin, top: 30 },
    { input: await textImage(layout.first.caption, { fontfile: fonts.regular, size: 22, width: first.width }), left: margin, top: headerHeight + first.height + 18 },
    {
      input: await textImage(layout.second.caption, { fontfile: fonts.regular, size: 22, width: placedSecond.width }),
      left: margin * 2 + first.width,
      top: headerHeight + first.height + 18,
    },
  ];
  if (layout.watermark) {
    const mark = await textImage(layout.watermark, { fontfile: fonts.bold, size: Math.max(28, Math.round(first.height / 14)), width: width - margin * 2, alpha: 0.35 });
    const markSize = await sharp(mark).metadata();
    layers.push({
      input: mark,
      left: Math.max(0, Math.round((width - (markSize.width ?? 0)) / 2)),
      top: Math.max(0, Math.round(headerHeight + first.height / 2 - (markSize.height ?? 0) / 2)),
    });
  }
  const image = await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite(layers)
    .jpeg({ quality: 90 })
    .toBuffer();
  return image;
}

async function cropped(image: RawImage, rect: Rect): Promise<RawImage> {
  if (rect.left === 0 && rect.top === 0 && rect.width === image.width && rect.height === image.height) return { data: image.data, width: image.width, height: image.height, channels: 3 };
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .extract(rect)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}

async function decode(bytes: Buffer): Promise<RawImage> {
  const { data, info } = await sharp(bytes).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}

function boxesOf(boxes: readonly BlurBox[], photo: BlurBox['photo']) {
  return boxes.filter((box) => box.photo === photo);
}

/** Each box pixelated to about eight blocks across and then blurred: nothing of a face survives to be sharpened back. */
async function blurred(image: RawImage, boxes: readonly BlurBox[]): Promise<RawImage> {
  if (boxes.length === 0) return image;
  const raw = { raw: { width: image.width, height: image.height, channels: 3 as const } };
  const patches: OverlayOptions[] = [];
  for (const box of boxes) {
    const left = Math.min(image.width - 1, Math.floor(box.x * image.width));
    const top = Math.min(image.height - 1, Math.floor(box.y * image.height));
    const width = Math.max(1, Math.min(image.width - left, Math.ceil(box.width * image.width)));
    const height = Math.max(1, Math.min(image.height - top, Math.ceil(box.height * image.height)));
    const blocks = Math.max(1, Math.round(Math.max(width, height) / 8));
    const small = await sharp(image.data, raw)
      .extract({ left, top, width, height })
      .resize({ width: Math.max(1, Math.round(width / blocks)), height: Math.max(1, Math.round(height / blocks)), fit: 'fill' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const patch = await sharp(small.data, { raw: { width: small.info.width, height: small.info.height, channels: 3 } })
      .resize({ width, height, fit: 'fill', kernel: 'nearest' })
      .blur(Math.max(1, blocks))
      .png()
      .toBuffer();
    patches.push({ input: patch, left, top });
  }
  // Compositing adds an alpha channel: drop it, the frame stays RGB.
  const { data, info } = await sharp(image.data, raw).composite(patches).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}

/** Scales the second photo's channels so its average brightness is the first's (within 0.5x to 2x). */
async function brightnessMatched(image: RawImage, reference: RawImage): Promise<RawImage> {
  const mean = async (raw: RawImage) => {
    const stats = await sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 3 } }).stats();
    return stats.channels.slice(0, 3).reduce((sum, channel) => sum + channel.mean, 0) / 3;
  };
  const ratio = Math.min(2, Math.max(0.5, (await mean(reference)) / Math.max(1, await mean(image))));
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .linear(ratio, 0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}

async function scaledToHeight(image: RawImage, height: number): Promise<RawImage> {
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize({ height, fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}

function jpegOf(image: RawImage): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** The family name inside NotoEmoji-Regular.ttf, which the emoji runs of a label name. */
const emojiFamily = 'Noto Emoji';
let emojiFontLoaded: Promise<unknown> | null = null;

/**
 * libvips takes one font file per text, and adds each file it is given to the fonts Pango may
 * use for the rest of the process: the emoji file is given once, on a throwaway text, so the
 * labels can name its family on their emoji runs.
 */
function loadEmojiFont(images: typeof sharpModule, fontfile: string): Promise<unknown> {
  emojiFontLoaded ??= images({ text: { text: 'x', fontfile, font: emojiFamily } })
    .png()
    .toBuffer();
  return emojiFontLoaded;
}

/** A label drawn with SkinLedger's own font files (emoji in Noto Emoji), so it looks the same on every computer; exported for its test. */
export async function textImage(text: string, options: { fontfile: string; size: number; width: number; alpha?: number }): Promise<Buffer> {
  const images = await loadSharp();
  await loadEmojiFont(images, fontPaths().emoji);
  const colour =
    options.alpha === undefined
      ? '#1a1a1a'
      : `#1a1a1a${Math.round(options.alpha * 255)
          .toString(16)
          .padStart(2, '0')}`;
  return images({
    text: {
      text: `<span foreground="${colour}" size="${options.size * 1024 * 0.75}">${markupWithEmojiFont(text, emojiFamily)}</span>`,
      fontfile: options.fontfile,
      font: 'DejaVu Sans',
      width: Math.max(10, options.width),
      rgba: true,
      wrap: 'word',
    },
  })
    .png()
    .toBuffer();
}

const page = { margin: 36, header: 58, caption: 40, footer: 26, gap: 20 };
const paperPoints = { A4: { width: 595.28, height: 841.89 }, LETTER: { width: 612, height: 792 } } as const;

export interface ComparisonPageLayout {
  orientation: 'portrait' | 'landscape';
  arrangement: 'side-by-side' | 'stacked';
  /** Points per photo pixel. */
  scale: number;
}

/**
 * Whichever page gives the photos the most room: side by side on a page turned sideways (faces,
 * taken upright), or one above the other on an upright page (wide close-ups). The photos share
 * one height, so one scale serves both.
 */
export function comparisonPageLayout(paper: PaperSize, first: { width: number; height: number }, second: { width: number; height: number }): ComparisonPageLayout {
  const { width: shortSide, height: longSide } = paperPoints[paper];
  const height = Math.max(first.height, second.height);
  const sideBySideWidth = longSide - page.margin * 2 - page.gap;
  const sideBySideHeight = shortSide - page.margin * 2 - page.header - page.caption - page.footer;
  const sideBySide = Math.min(sideBySideWidth / (first.width + second.width), sideBySideHeight / height);
  const stackedWidth = shortSide - page.margin * 2;
  const stackedHeight = longSide - page.margin * 2 - page.header - page.caption * 2 - page.footer - page.gap;
  const stacked = Math.min(stackedWidth / Math.max(first.width, second.width), stackedHeight / (height * 2));
  return sideBySide >= stacked ? { orientation: 'landscape', arrangement: 'side-by-side', scale: sideBySide } : { orientation: 'portrait', arrangement: 'stacked', scale: stacked };
}

/**
 * The comparison as a clinic prints or sends it: the clinic's name, the two photos as large as
 * the page allows, each with its view, stage, day (the clinic's date order) and session in
 * print-size type beneath it, and the watermark over each photo.
 */
async function pdfComparison(first: RawImage, second: RawImage, layout: ComparisonLayout): Promise<Buffer> {
  const plan = comparisonPageLayout(layout.paperSize, first, second);
  const doc = await createPdfDocument({
    paperSize: layout.paperSize,
    layout: plan.orientation,
    info: { title: 'Photo comparison', author: layout.clinicName, subject: 'Photo comparison', createdAt: layout.createdAt },
  });
  const pageWidth = doc.page.width;
  const pageHeight = doc.page.height;
  const inner = pageWidth - page.margin * 2;
  doc.font(pdfFonts.bold).fontSize(18).fillColor('#1a1a1a');
  drawDirectionalText(doc, layout.clinicName, { x: page.margin, y: page.margin, width: inner, maxLines: 1 });
  doc
    .font(pdfFonts.regular)
    .fontSize(11)
    .fillColor('#555555')
    .text('Photo comparison', page.margin, page.margin + 26, { width: inner });

  const sides = [
    { image: first, caption: layout.first.caption },
    { image: second, caption: layout.second.caption },
  ];
  const sizes = sides.map(({ image }) => ({ width: image.width * plan.scale, height: image.height * plan.scale }));
  const top = page.margin + page.header;
  const places =
    plan.arrangement === 'side-by-side'
      ? (() => {
          const total = sizes[0]!.width + sizes[1]!.width + page.gap;
          const left = (pageWidth - total) / 2;
          return [
            { x: left, y: top },
            { x: left + sizes[0]!.width + page.gap, y: top },
          ];
        })()
      : [
          { x: (pageWidth - sizes[0]!.width) / 2, y: top },
          { x: (pageWidth - sizes[1]!.width) / 2, y: top + sizes[0]!.height + page.caption + page.gap },
        ];

  for (const [index, side] of sides.entries()) {
    const place = places[index]!;
    const size = sizes[index]!;
    doc.image(await jpegOf(side.image), place.x, place.y, { width: size.width, height: size.height });
    if (layout.watermark) {
      const fontSize = Math.max(14, Math.min(36, size.width / 14));
      doc.save();
      doc.fillOpacity(0.35).font(pdfFonts.bold).fontSize(fontSize).fillColor('#1a1a1a');
      // Centred on one line, emoji in the emoji font; a mark too long for one line wraps.
      const markWidth = piecesWidth(doc, layout.watermark);
      const y = place.y + size.height / 2 - fontSize / 2;
      if (markWidth <= size.width - 16) drawPieces(doc, layout.watermark, place.x + (size.width - markWidth) / 2, y);
      else drawText(doc, layout.watermark, place.x + 8, y, size.width - 16, { size: fontSize, bold: true, colour: '#1a1a1a' });
      doc.restore();
    }
    drawText(doc, side.caption, place.x, place.y + size.height + 8, Math.max(size.width, 200), { size: 12, bold: true, colour: '#1a1a1a' });
  }
  doc
    .font(pdfFonts.regular)
    .fontSize(9)
    .fillColor('#555555')
    .text(`Exported ${layout.exportedOn} by SkinLedger`, page.margin, pageHeight - page.margin - 10, { width: inner, lineBreak: false });
  return finishPdf(doc);
}
