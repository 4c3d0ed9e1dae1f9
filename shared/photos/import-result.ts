import { z } from 'zod';
import { Photo } from './photo';

/**
 * Why a file was not stored. Each has its own message on screen and in the CLI; nothing of a
 * refused file is kept.
 */
export const photoRefusals = [
  /** Zero bytes. */
  'empty',
  /** Over the clinic's size limit (Photos settings). */
  'too-large',
  /** Not an image at all (a text file, a PDF...). */
  'not-an-image',
  /** An image format this computer cannot read (e.g. HEIC without the decoder, GIF, TIFF). */
  'unsupported-format',
  /** Truncated or damaged: the image cannot be read to the end. */
  'corrupt',
  /** Claims more pixels than any camera makes: a decompression bomb, refused before decoding. */
  'too-many-pixels',
  /** The same file (same SHA-256) is already in this client's photos. */
  'duplicate',
  /** The photo process stopped on this file, or ran for over a minute: nothing of it was kept. */
  'could-not-process',
] as const;
export const PhotoRefusal = z.enum(photoRefusals);
export type PhotoRefusal = z.infer<typeof PhotoRefusal>;

export const PhotoImportFileResult = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('imported'),
    /** Position of the file in the request, so the window matches results to its list. */
    index: z.number().int().min(0),
    fileName: z.string(),
    photo: Photo,
  }),
  z.object({
    outcome: z.literal('refused'),
    index: z.number().int().min(0),
    fileName: z.string(),
    reason: PhotoRefusal,
    /** A sentence fit for the screen and the CLI, e.g. "Not an image: choose a JPEG, PNG or HEIC photo." */
    message: z.string(),
    /** For 'duplicate': the photo already stored. */
    duplicateOf: z.string().nullable(),
  }),
]);
export type PhotoImportFileResult = z.infer<typeof PhotoImportFileResult>;

export const PhotoImportProgress = z.object({
  /** Files finished (imported or refused) of the files sent. */
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  finished: z.boolean(),
});
export type PhotoImportProgress = z.infer<typeof PhotoImportProgress>;
