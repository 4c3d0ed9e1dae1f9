import { loadSharp } from '../images/load-sharp';
import type { Ink } from '../../shared/consents/ink';
import { StoreError } from '../store/store-error';

/** A signature pad draws a few hundred pixels each way; anything near this is not a pad's picture. */
const maxInkPixels = 4_000_000;

/**
 * Decodes the pad's PNG under a tight pixel cap and stores a fresh encoding: what lands in the
 * record (and the PDF) is an image we wrote, never bytes straight from the window.
 */
export async function reencodeInk(ink: Ink): Promise<Ink> {
  const sharp = await loadSharp();
  try {
    const png = await sharp(ink.png, { limitInputPixels: maxInkPixels, failOn: 'error' }).png({ compressionLevel: 9, palette: false }).toBuffer();
    return { ...ink, png: new Uint8Array(png) };
  } catch (error) {
    throw new StoreError('INVALID_INPUT', 'A drawn signature or initials could not be read. Clear it and draw it again.', { cause: error });
  }
}
