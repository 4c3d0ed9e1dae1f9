import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/**
 * Photos made for the test, no real faces: a skin-toned oval with two dark "pupils" on a plain
 * backdrop, so alignment has something to click. Plus the bad inputs a clinic's folder can hold.
 */
function faceSvg(width: number, height: number, shade: string): Buffer {
  const cx = width / 2;
  const cy = height / 2;
  const rx = width * 0.22;
  const ry = height * 0.32;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <rect width="100%" height="100%" fill="#d9dde0"/>
      <ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${shade}"/>
      <circle cx="${cx - rx * 0.4}" cy="${cy - ry * 0.2}" r="${rx * 0.08}" fill="#2b2118"/>
      <circle cx="${cx + rx * 0.4}" cy="${cy - ry * 0.2}" r="${rx * 0.08}" fill="#2b2118"/>
      <rect x="${cx - rx * 0.3}" y="${cy + ry * 0.45}" width="${rx * 0.6}" height="${ry * 0.05}" fill="#a0524a"/>
      ${Array.from({ length: 40 }, (_, i) => `<circle cx="${cx - rx * 0.6 + (i % 8) * rx * 0.17}" cy="${cy + ry * 0.05 + Math.floor(i / 8) * ry * 0.06}" r="${rx * 0.015}" fill="#b5746a"/>`).join('')}
    </svg>`,
  );
}

/** A 1600×1200 JPEG, front view. */
export async function frontPhoto(): Promise<Buffer> {
  return sharp(faceSvg(1600, 1200, '#e8b89a'))
    .jpeg({ quality: 90 })
    .toBuffer();
}

/**
 * A 1200×900 JPEG whose EXIF says "rotate 90° clockwise to view" (orientation 6), as phones
 * write portrait photos: stored right, it is 900×1200.
 */
export async function rotatedPhoto(): Promise<Buffer> {
  const upright = await sharp(faceSvg(900, 1200, '#dcae90'))
    .png()
    .toBuffer();
  // Turned back a quarter, so only the EXIF orientation makes it upright again.
  return sharp(upright).rotate(-90).jpeg({ quality: 88 }).withMetadata({ orientation: 6 }).toBuffer();
}

/** A JPEG cut off half-way, as a failed copy from a memory card leaves it. */
export async function truncatedPhoto(): Promise<Buffer> {
  const whole = await sharp(faceSvg(1400, 1000, '#c99a7c'))
    .jpeg({ quality: 92 })
    .toBuffer();
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** A tiny, valid PNG whose header claims 50,000 × 50,000 pixels: a decompression bomb. */
export async function bombPng(): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer(),
  );
  // IHDR data starts after the 8-byte signature, 4-byte length and 4-byte type.
  png.writeUInt32BE(50_000, 16);
  png.writeUInt32BE(50_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}
