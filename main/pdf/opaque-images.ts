import sharp from 'sharp';
import type { CanonicalForm } from '../../shared/consents/form-hash';

/**
 * pdfkit embeds a PNG with an alpha channel by inflating it on libuv's thread pool and numbering
 * its soft mask when that finishes, so two transparent images can land in either order and the
 * same signed form gives different PDF bytes from run to run. Flattened onto the white page
 * first, every image embeds synchronously and the PDF is the same for the same form.
 */
export async function opaqueOnWhite(image: Uint8Array): Promise<Buffer> {
  return sharp(image).flatten({ background: '#ffffff' }).png({ compressionLevel: 9, palette: false }).toBuffer();
}

/** The form with every drawn mark made opaque, for drawing only: the stored form keeps its own PNGs. */
export async function formWithOpaqueInk(form: CanonicalForm): Promise<CanonicalForm> {
  const initials = Object.fromEntries(
    await Promise.all(Object.entries(form.initials).map(async ([id, ink]) => [id, { ...ink, png: new Uint8Array(await opaqueOnWhite(ink.png)) }] as const)),
  );
  const signatures = await Promise.all(form.signatures.map(async (signature) => ({ ...signature, ink: { ...signature.ink, png: new Uint8Array(await opaqueOnWhite(signature.ink.png)) } })));
  return { ...form, initials, signatures };
}
