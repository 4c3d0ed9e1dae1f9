import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inkOnWhite, opaqueOnWhite } from '../../../main/pdf/opaque-images';

const width = 60;
const height = 24;

/** A pad's stroke: dark blue ink, its edges half see-through, on a clear background. */
function strokePixels(): Buffer {
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const distance = Math.abs(y - (12 + Math.round(8 * Math.sin(x / 6))));
      const at = (y * width + x) * 4;
      pixels.set([20 + x, 30, 120 - y, distance === 0 ? 255 : distance === 1 ? 140 : distance === 2 ? 40 : 0], at);
    }
  }
  return pixels;
}

/** The stroke as sharp stores it at signing. */
const storedInk = () =>
  sharp(strokePixels(), { raw: { width, height, channels: 4 } })
    .png({ compressionLevel: 9, palette: false })
    .toBuffer();

/** An RGBA PNG whose rows use every one of PNG's five row filters in turn. */
function pngWithEveryFilter(pixels: Buffer): Buffer {
  const stride = width * 4;
  const rows = Buffer.alloc((stride + 1) * height);
  const at = (x: number, y: number) => (x < 0 || y < 0 ? 0 : pixels[y * stride + x]!);
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    rows[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const left = at(x - 4, y);
      const up = at(x, y - 1);
      const upLeft = at(x - 4, y - 1);
      const estimate = left + up - upLeft;
      const paeth =
        Math.abs(estimate - left) <= Math.abs(estimate - up) && Math.abs(estimate - left) <= Math.abs(estimate - upLeft) ? left : Math.abs(estimate - up) <= Math.abs(estimate - upLeft) ? up : upLeft;
      const predicted = [0, left, up, (left + up) >> 1, paeth][filter]!;
      rows[y * (stride + 1) + 1 + x] = (at(x, y) - predicted) & 0xff;
    }
  }
  const chunk = (type: string, content: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(content.length, 0);
    head.write(type, 4, 'latin1');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc32(content, crc32(head.subarray(4))), 0);
    return Buffer.concat([head, content, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** Largest difference, channel by channel, between the image and sharp's own flattening on white. */
async function differenceFromSharp(opaque: Buffer, original: Buffer): Promise<number> {
  const ours = await sharp(opaque).raw().toBuffer({ resolveWithObject: true });
  const reference = await sharp(original).flatten({ background: '#ffffff' }).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  expect(ours.info).toMatchObject({ width, height, channels: 3 });
  expect(reference.info.channels).toBe(3);
  let largest = 0;
  for (let i = 0; i < ours.data.length; i++) largest = Math.max(largest, Math.abs(ours.data[i]! - reference.data[i]!));
  return largest;
}

describe('ink laid on white for the consent PDF', () => {
  it('gives an opaque picture that looks as sharp would flatten it', async () => {
    const ink = await storedInk();
    const opaque = inkOnWhite(ink);
    expect(opaque).not.toBeNull();
    expect((await sharp(opaque!).metadata()).hasAlpha).toBe(false);
    expect(await differenceFromSharp(opaque!, ink)).toBeLessThanOrEqual(1);
  });

  it('reads rows written with each of PNG’s filters', async () => {
    const png = pngWithEveryFilter(strokePixels());
    expect(await differenceFromSharp(inkOnWhite(png)!, png)).toBeLessThanOrEqual(1);
  });

  it('reads grey ink with an alpha channel', async () => {
    const grey = await sharp(await storedInk())
      .toColourspace('b-w')
      .png()
      .toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(2);
    expect(await differenceFromSharp(inkOnWhite(grey)!, grey)).toBeLessThanOrEqual(1);
  });

  it('gives the same bytes for the same ink every time', async () => {
    const ink = await storedInk();
    expect(inkOnWhite(ink)!.equals(inkOnWhite(ink)!)).toBe(true);
  });

  it('leaves palette, 16-bit, interlaced and JPEG pictures to sharp, which still makes them opaque', async () => {
    const ink = await storedInk();
    const others = [
      await sharp(ink).png({ palette: true }).toBuffer(),
      await sharp(ink).toColourspace('rgb16').png().toBuffer(),
      await sharp(ink).png({ progressive: true }).toBuffer(),
      await sharp(ink).flatten({ background: '#ffffff' }).jpeg().toBuffer(),
    ];
    for (const image of others) {
      expect(inkOnWhite(image)).toBeNull();
      const opaque = await opaqueOnWhite(image);
      expect((await sharp(opaque).metadata()).hasAlpha).toBe(false);
    }
  });

  it('refuses a damaged PNG as before, rather than drawing half of it', async () => {
    const ink = await storedInk();
    const cut = ink.subarray(0, ink.length - 30);
    expect(inkOnWhite(cut)).toBeNull();
    await expect(opaqueOnWhite(cut)).rejects.toThrow();
  });
});
