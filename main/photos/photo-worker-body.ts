/* The photo process's work on one file (see photo-worker-main.ts for the process around it).
 * Its libraries are handed in, so tests can run it in their own thread. */
import type sharpModule from 'sharp';
import type { PhotoProcessingRequest, PhotoProcessingResult } from './photo-processing-types';

type Sharp = typeof sharpModule;
type ExifReader = (buffer: Buffer) => { Photo?: { DateTimeOriginal?: unknown } };

export interface PhotoWorkerDeps {
  sharp: Sharp;
  exifReader: ExifReader;
  sha256: (bytes: Uint8Array) => string;
}

/**
 * One file in, the stored forms out: the EXIF orientation applied, every bit of metadata left
 * behind (sharp writes none unless asked, and it is never asked), the capture time read from
 * EXIF and nothing else of it kept. A file that is not a readable JPEG, PNG or HEIC/AVIF is
 * refused with the reason, and nothing of it is returned.
 */
export async function processPhotoInWorker(deps: PhotoWorkerDeps, request: PhotoProcessingRequest): Promise<PhotoProcessingResult> {
  const { sharp, exifReader, sha256 } = deps;
  const input = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  if (input.length === 0) return { ok: false, reason: 'empty', format: null, sourceSha256: null };
  const sourceSha256 = sha256(input);
  const refuse = (reason: 'not-an-image' | 'unsupported-format' | 'corrupt' | 'too-many-pixels', format: string | null): PhotoProcessingResult => ({
    ok: false,
    reason,
    format,
    sourceSha256,
  });
  // HEIC's container names its brand at bytes 4-12; sharp's own build may not decode HEVC.
  const brand = input.length >= 12 ? input.subarray(4, 12).toString('latin1') : '';
  const claimsHeic = /^ftyp(heic|heix|hevc|hevx|mif1|msf1|heim|heis)$/.test(brand);

  let metadata: Awaited<ReturnType<ReturnType<Sharp>['metadata']>>;
  try {
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    return refuse(claimsHeic ? 'unsupported-format' : 'not-an-image', claimsHeic ? 'heic' : null);
  }
  const format = metadata.format;
  if (format !== 'jpeg' && format !== 'png' && format !== 'heif') return refuse('unsupported-format', format ?? null);
  const width = metadata.width ?? 0;
  const height = metadata.height ?? 0;
  if (width * height > request.maxPixels) return refuse('too-many-pixels', format);

  // One pipeline per stored form, each from the file itself, instead of one decode to raw
  // pixels that all three are cut from: the preview and thumbnail then decode the JPEG at an
  // eighth or a quarter of its size (shrink-on-load), and no 72 MB pixel buffer of a 24 MP
  // photo sits in this thread while three encoders run. The original's decode is the full check:
  // failOn 'warning' also refuses a JPEG that ends early (libjpeg only warns "premature end").
  const decode = () => sharp(input, { limitInputPixels: request.maxPixels, failOn: 'warning' }).rotate().toColourspace('srgb');
  // PNG stays lossless; JPEG and HEIC become a high-quality JPEG. Its Huffman tables are the
  // standard ones: optimised tables make the file about a fifth smaller, but libjpeg then holds
  // every coefficient of the picture at once (about 270 MB more for 24 MP, at 4:4:4) and takes
  // six times as long, in the process that holds the clinic's records.
  const storedFormat: 'jpeg' | 'png' = format === 'png' ? 'png' : 'jpeg';
  let stored: { data: Buffer; info: { width: number; height: number } };
  try {
    stored =
      storedFormat === 'png'
        ? await decode().png({ compressionLevel: 6 }).toBuffer({ resolveWithObject: true })
        : await decode().flatten({ background: '#ffffff' }).jpeg({ quality: 95, chromaSubsampling: '4:4:4', optimiseCoding: false }).toBuffer({ resolveWithObject: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/pixel limit/i.test(message)) return refuse('too-many-pixels', format);
    if (format === 'heif' && /(compression|codec|decod|plugin|unsupported|hevc)/i.test(message)) return refuse('unsupported-format', claimsHeic ? 'heic' : format);
    return refuse('corrupt', format);
  }
  const original = stored.data;
  const info = stored.info;
  const resized = (edge: number) => decode().flatten({ background: '#ffffff' }).resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 85 }).toBuffer();
  const preview = await resized(request.previewLongEdge);
  const thumbnail = await resized(request.thumbnailLongEdge);

  let exifTakenAt: string | null = null;
  if (metadata.exif) {
    try {
      const taken = exifReader(metadata.exif).Photo?.DateTimeOriginal;
      // exif-reader reads the camera's wall clock as if it were UTC: keep it as wall-clock text.
      if (taken instanceof Date && !Number.isNaN(taken.getTime())) exifTakenAt = taken.toISOString().slice(0, 19);
    } catch {
      exifTakenAt = null;
    }
  }

  return {
    ok: true,
    format: storedFormat,
    width: info.width,
    height: info.height,
    original,
    preview,
    thumbnail,
    sha256: sha256(original),
    previewSha256: sha256(preview),
    thumbnailSha256: sha256(thumbnail),
    sourceSha256,
    exifTakenAt,
  };
}
