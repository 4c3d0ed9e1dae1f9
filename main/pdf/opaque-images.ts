import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { loadSharp } from '../images/load-sharp';
import type { CanonicalForm } from '../../shared/consents/form-hash';

/**
 * pdfkit embeds a PNG with an alpha channel by inflating it on libuv's thread pool and numbering
 * its soft mask when that finishes, so two transparent images can land in either order and the
 * same signed form gives different PDF bytes from run to run. Flattened onto the white page
 * first, every image embeds synchronously and the PDF is the same for the same form.
 */
export async function opaqueOnWhite(image: Uint8Array): Promise<Buffer> {
  const flattened = inkOnWhite(image);
  if (flattened) return flattened;
  const sharp = await loadSharp();
  return sharp(image).flatten({ background: '#ffffff' }).png({ compressionLevel: 9, palette: false }).toBuffer();
}

/** The form with every drawn mark made opaque, for drawing only: the stored form keeps its own PNGs. */
export async function formWithOpaqueInk(form: CanonicalForm): Promise<CanonicalForm> {
  const initials = Object.fromEntries(await Promise.all(Object.entries(form.initials).map(async ([id, ink]) => [id, { ...ink, png: new Uint8Array(await opaqueOnWhite(ink.png)) }] as const)));
  const signatures = await Promise.all(form.signatures.map(async (signature) => ({ ...signature, ink: { ...signature.ink, png: new Uint8Array(await opaqueOnWhite(signature.ink.png)) } })));
  return { ...form, initials, signatures };
}

const pngSignature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
/** A signed form's ink is a pad's picture, re-encoded at signing under 4 million pixels. */
const maxInkPixels = 4_000_000;
/** Channels per pixel of the 8-bit PNG colour types drawn here: grey, RGB, grey + alpha, RGBA. */
const channelsOf: Partial<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };
/** Chunks that change how the pixels read (palette, colour key, colour profile): sharp handles those. */
const pixelChunks = new Set(['PLTE', 'tRNS', 'iCCP', 'gAMA', 'cHRM', 'sBIT']);

/**
 * The ink as stored (an 8-bit, non-interlaced PNG from sharp, as `reencodeInk` writes it) made
 * opaque on white here, in this thread: sharp took ten times as long for these small pictures,
 * most of it compressing PNGs at its slowest setting and passing them through the thread pool.
 * Null for any other kind of image; sharp flattens those.
 */
export function inkOnWhite(image: Uint8Array): Buffer | null {
  const png = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  if (png.length < 33 || !png.subarray(0, 8).equals(pngSignature)) return null;
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const [bitDepth, colourType, , , interlace] = png.subarray(24, 29);
  const channels = channelsOf[colourType!];
  if (bitDepth !== 8 || !channels || interlace !== 0 || width === 0 || height === 0 || width * height > maxInkPixels) return null;
  const compressed: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (pixelChunks.has(type)) return null;
    if (type === 'IDAT') compressed.push(png.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const stride = width * channels;
  let filtered: Buffer;
  try {
    filtered = inflateSync(Buffer.concat(compressed), { maxOutputLength: (stride + 1) * height });
  } catch {
    return null;
  }
  if (filtered.length !== (stride + 1) * height) return null;
  const pixels = unfilter(filtered, stride, height, channels);
  if (!pixels) return null;
  return opaquePng(flattenRows(pixels, width, height, channels), width, height);
}

/** Undoes PNG's per-row filters (PNG spec §9); null on a filter type that does not exist. */
function unfilter(filtered: Buffer, stride: number, height: number, bytesPerPixel: number): Buffer | null {
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = filtered[y * (stride + 1)];
    const from = y * (stride + 1) + 1;
    const row = y * stride;
    const above = row - stride;
    const up = (x: number) => (y > 0 ? pixels[above + x]! : 0);
    const left = (x: number) => (x >= bytesPerPixel ? pixels[row + x - bytesPerPixel]! : 0);
    const upLeft = (x: number) => (y > 0 && x >= bytesPerPixel ? pixels[above + x - bytesPerPixel]! : 0);
    let predict: (x: number) => number;
    switch (filter) {
      case 0:
        filtered.copy(pixels, row, from, from + stride);
        continue;
      case 1:
        predict = left;
        break;
      case 2:
        predict = up;
        break;
      case 3:
        predict = (x) => (left(x) + up(x)) >> 1;
        break;
      case 4:
        predict = (x) => paeth(left(x), up(x), upLeft(x));
        break;
      default:
        return null;
    }
    for (let x = 0; x < stride; x++) pixels[row + x] = (filtered[from + x]! + predict(x)) & 0xff;
  }
  return pixels;
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/** RGB rows with the alpha laid over white, each behind PNG's "no filter" byte. */
function flattenRows(pixels: Buffer, width: number, height: number, channels: number): Buffer {
  // Most of a pad's picture is blank: white to begin with, and a clear pixel is left as it is.
  const rows = Buffer.alloc((width * 3 + 1) * height, 255);
  const grey = channels < 3;
  const alpha = channels === 2 || channels === 4;
  // (c × a + 255 × (255 − a)) / 255, rounded to the nearest, in whole numbers.
  const over = (colour: number, opacity: number) => ((colour * opacity + 255 * (255 - opacity) + 127) / 255) | 0;
  let from = 0;
  for (let y = 0; y < height; y++) {
    let to = y * (width * 3 + 1);
    rows[to++] = 0;
    for (let x = 0; x < width; x++, from += channels, to += 3) {
      const opacity = alpha ? pixels[from + channels - 1]! : 255;
      if (opacity === 0) continue;
      const red = pixels[from]!;
      const green = grey ? red : pixels[from + 1]!;
      const blue = grey ? red : pixels[from + 2]!;
      rows[to] = over(red, opacity);
      rows[to + 1] = over(green, opacity);
      rows[to + 2] = over(blue, opacity);
    }
  }
  return rows;
}

function chunk(type: string, content: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(content.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(content, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, content, tail]);
}

/**
 * An 8-bit RGB PNG of unfiltered rows: pdfkit embeds its compressed rows as they are. zlib's
 * usual level: its slowest took 40 ms more per consent to save 2 KB.
 */
function opaquePng(rows: Buffer, width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([pngSignature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 6 })), chunk('IEND', Buffer.alloc(0))]);
}
