/* The worker's code. It runs in a worker thread from its source text (see photo-processor.ts),
 * so it may use nothing from outside except what it is handed: no imports, no closures. */
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

  let decoded: { data: Buffer; info: { width: number; height: number; channels: number } };
  try {
    // failOn 'warning' also refuses a JPEG that ends early (libjpeg only warns "premature end").
    decoded = await sharp(input, { limitInputPixels: request.maxPixels, failOn: 'warning' })
      .rotate()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/pixel limit/i.test(message)) return refuse('too-many-pixels', format);
    if (format === 'heif' && /(compression|codec|decod|plugin|unsupported|hevc)/i.test(message)) return refuse('unsupported-format', claimsHeic ? 'heic' : format);
    return refuse('corrupt', format);
  }

  const { data, info } = decoded;
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels as 1 | 2 | 3 | 4 } };
  // PNG stays lossless; JPEG and HEIC become a high-quality JPEG.
  const storedFormat: 'jpeg' | 'png' = format === 'png' ? 'png' : 'jpeg';
  const original =
    storedFormat === 'png'
      ? await sharp(data, raw).png({ compressionLevel: 6 }).toBuffer()
      : await sharp(data, raw).flatten({ background: '#ffffff' }).jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toBuffer();
  const resized = (edge: number) =>
    sharp(data, raw)
      .flatten({ background: '#ffffff' })
      .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 85 })
      .toBuffer();
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
