import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { syntheticFaceJpeg, syntheticFacePng, syntheticFaceSvg } from '../../main/demo/demo-photos';

export { syntheticFaceJpeg, syntheticFacePng };

/** A camera JPEG turned on its side: EXIF orientation 6, a capture time, a camera make and a GPS position. */
export async function rotatedCameraJpeg(options: { width: number; height: number; hue?: number; seed?: number }): Promise<Buffer> {
  return sharp(Buffer.from(syntheticFaceSvg({ width: options.width, height: options.height, hue: options.hue ?? 200, seed: options.seed ?? 3 })))
    .withExif({
      IFD0: { Make: 'LeakyCam', Model: 'GPS-9000' },
      IFD2: { DateTimeOriginal: '2025:03:04 10:11:12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 26/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 39/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/**
 * A tiny, valid PNG whose header claims 50,000 x 50,000 pixels (2.5 gigapixels): opened
 * naively it would need 10 GB of memory. Its IHDR carries a correct CRC, so only the pixel
 * limit stops it.
 */
export function pngBomb(width = 50_000, height = 50_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    // A few rows of zeros compress to almost nothing; the header's claim is what matters.
    pngChunk('IDAT', deflateSync(Buffer.alloc(1 + width * 3))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A JPEG cut off half-way, as a copy interrupted by pulling out a card. */
export function truncated(bytes: Buffer): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}
