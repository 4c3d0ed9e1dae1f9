import sharp, { type Metadata } from 'sharp';
import { logoLongEdge, maxLogoPixels } from '../../shared/settings';
import { StoreError } from '../store/store-error';

/**
 * The logo as the letterhead needs it: refused when it claims more pixels than a logo has
 * (before decoding, so a small file cannot make the app decode a huge picture), scaled down when
 * larger than `logoLongEdge` so every consent PDF does not carry a poster-sized image. PNG stays
 * PNG (transparency), JPEG stays JPEG. A logo already small enough is kept byte for byte.
 */
export async function letterheadLogo(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (cause) {
    throw new StoreError('INVALID_INPUT', 'The logo could not be read as a PNG or JPEG picture. Save it again from the program that made it and choose it again.', { cause });
  }
  const { width = 0, height = 0, format } = metadata;
  if (format !== 'png' && format !== 'jpeg') throw new StoreError('INVALID_INPUT', 'The logo must be a PNG or JPEG picture.');
  if (width * height > maxLogoPixels) {
    throw new StoreError(
      'INVALID_INPUT',
      `The logo is ${width.toLocaleString('en-GB')} × ${height.toLocaleString('en-GB')} pixels, far more than a letterhead needs. Save it at most ${logoLongEdge * 4} pixels wide and choose it again.`,
    );
  }
  if (Math.max(width, height) <= logoLongEdge) return bytes;
  try {
    const resized = sharp(bytes, { limitInputPixels: maxLogoPixels, failOn: 'error' }).rotate().resize({ width: logoLongEdge, height: logoLongEdge, fit: 'inside' });
    const out = format === 'png' ? await resized.png({ compressionLevel: 9 }).toBuffer() : await resized.jpeg({ quality: 90, mozjpeg: true }).toBuffer();
    return new Uint8Array(out);
  } catch (cause) {
    throw new StoreError('INVALID_INPUT', 'The logo could not be read as a PNG or JPEG picture. Save it again from the program that made it and choose it again.', { cause });
  }
}
