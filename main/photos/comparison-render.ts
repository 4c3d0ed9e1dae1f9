import type sharpModule from 'sharp';
import type { OverlayOptions } from 'sharp';
import { loadSharp } from '../images/load-sharp';
import { alignmentTransform, type PhotoAlignment } from '../../shared/photos/alignment';
import type { BlurBox } from '../../shared/photos/comparison-export';
import { createPdfDocument, finishPdf } from '../pdf/document';
import { fontPaths, pdfFonts } from '../pdf/fonts';
import type { PaperSize } from '../pdf/paper';
import { warpInto, type RawImage } from './warp';

export interface ComparisonSide {
  preview: Buffer;
  /** "Before · 4 Mar 2025 · Session 1": what is written under the photo. */
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
  const first = await blurred(await decode(layout.first.preview), boxesOf(layout.blurBoxes, 'first'));
  let second = await blurred(await decode(layout.second.preview), boxesOf(layout.blurBoxes, 'second'));
  if (layout.matchBrightness) second = await brightnessMatched(second, first);
  const transform = layout.alignment ? alignmentTransform(layout.alignment, first, second) : null;
  const placedSecond = transform ? warpInto(second, transform, first.width, first.height) : await scaledToHeight(second, first.height);

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
  if (layout.format === 'jpeg') return image;
  return pdfPage(image, width, height, layout);
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
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } }).jpeg({ quality: 92 }).toBuffer();
}

/** Text drawn with SkinLedger's own font file, so the export looks the same on every computer. */
async function textImage(text: string, options: { fontfile: string; size: number; width: number; alpha?: number }): Promise<Buffer> {
  const colour = options.alpha === undefined ? '#1a1a1a' : `#1a1a1a${Math.round(options.alpha * 255).toString(16).padStart(2, '0')}`;
  return sharp({
    text: {
      text: `<span foreground="${colour}" size="${options.size * 1024 * 0.75}">${escapeMarkup(text)}</span>`,
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

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** One page with the comparison fitted to its width (the clinic's paper size, portrait like every SkinLedger PDF). */
async function pdfPage(image: Buffer, width: number, height: number, layout: ComparisonLayout): Promise<Buffer> {
  const doc = await createPdfDocument({
    paperSize: layout.paperSize,
    info: { title: 'Photo comparison', author: layout.clinicName, subject: 'Photo comparison', createdAt: layout.createdAt },
  });
  const pageWidth = doc.page.width;
  const pageHeight = doc.page.height;
  const box = { x: 28, y: 28, width: pageWidth - 56, height: pageHeight - 72 };
  const scale = Math.min(box.width / width, box.height / height);
  doc.image(image, box.x + (box.width - width * scale) / 2, box.y, { width: width * scale, height: height * scale });
  doc.font(pdfFonts.regular).fontSize(8).fillColor('#555555').text(`Exported ${layout.createdAt.toISOString().slice(0, 10)} by SkinLedger`, 28, pageHeight - 30);
  return finishPdf(doc);
}
