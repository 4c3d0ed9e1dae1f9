import sharp from 'sharp';

/**
 * Two different 24-megapixel JPEGs, as a camera would hand them over: a smooth gradient with
 * grain (so they compress like a photo, not like flat colour or pure noise), quality 90, EXIF
 * orientation 6 (portrait, so the import really rotates). Made once per run, in memory, and
 * shared by the rows that import photos.
 */
export function benchJpegs(): Promise<{ first: Buffer; second: Buffer }> {
  made ??= makeBenchJpegs();
  return made;
}

let made: Promise<{ first: Buffer; second: Buffer }> | null = null;

async function makeBenchJpegs(): Promise<{ first: Buffer; second: Buffer }> {
  const width = 6000;
  const height = 4000;
  const raw = Buffer.alloc(width * height * 3);
  let state = 2026;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const grain = ((state >>> 24) & 31) - 16;
      const offset = (y * width + x) * 3;
      raw[offset] = Math.min(255, Math.max(0, 200 - (y * 80) / height + grain));
      raw[offset + 1] = Math.min(255, Math.max(0, 150 + (x * 50) / width + grain));
      raw[offset + 2] = Math.min(255, Math.max(0, 120 + ((x + y) * 40) / (width + height) + grain));
    }
  }
  const encode = (quality: number) =>
    sharp(raw, { raw: { width, height, channels: 3 } })
      .jpeg({ quality })
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: 'Bench', Model: 'B24' } })
      .toBuffer();
  return { first: await encode(90), second: await encode(89) };
}
