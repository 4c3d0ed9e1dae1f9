import type { PhotoRefusal } from '../../shared/photos/import-result';

/** What a refused file's line says, on screen and in the CLI: what is wrong and what to do. */
export function refusalMessage(reason: PhotoRefusal, details: { maxFileSizeMb: number; format: string | null }): string {
  switch (reason) {
    case 'empty':
      return 'The file is empty (0 bytes). Copy the photo again from the camera or phone.';
    case 'too-large':
      return `The file is larger than the ${details.maxFileSizeMb} MB limit (Photos settings). Export a smaller JPEG or ask an admin to raise the limit.`;
    case 'not-an-image':
      return 'This file is not an image. Choose a JPEG, PNG or HEIC photo.';
    case 'unsupported-format':
      return details.format === 'heic' || details.format === 'heif'
        ? 'HEIC photos cannot be read on this computer. Export the photo as JPEG (on an iPhone: Settings > Camera > Formats > Most Compatible) and import that.'
        : `${(details.format ?? 'This').toUpperCase()} images are not accepted. Choose a JPEG, PNG or HEIC photo.`;
    case 'corrupt':
      return 'The image is damaged or cut short and cannot be read to the end. Copy it again from the camera or phone.';
    case 'too-many-pixels':
      return 'The image has more than 50 megapixels, more than a clinic photo needs, so it was not opened. Export it from the camera or editor at a smaller size.';
    case 'duplicate':
      return 'This photo is already in this client\u2019s photos.';
    case 'could-not-process':
      return 'This photo could not be processed: reading it stopped part way or took over a minute. Nothing of it was kept. Export it again as a JPEG and import that.';
  }
}
