import { z } from 'zod';
import { PhotographyChoices } from '../consents/photography';
import { PhotoAlignment, LandmarkPair } from '../photos/alignment';
import { ComparisonExportRequest, ComparisonExportResult } from '../photos/comparison-export';
import { PhotoImportFileResult, PhotoImportProgress } from '../photos/import-result';
import { bytesPerMb, maxBytesPerImport, maxFileSizeMbCeiling, maxFilesPerImport } from '../photos/limits';
import { Photo, PhotoLabels, PhotoStage, PhotoView } from '../photos/photo';
import { PhotoConsentOverride } from '../photos/photo-consent';
import { PhotoSettings } from '../photos/photo-settings';
import { adminsOnly, clinicians, type Access } from './access';

const Id = z.string().min(1).max(64);

interface Spec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}
const channel = <I extends z.ZodType, O extends z.ZodType>(spec: Spec<I, O>) => spec;

const Done = z.object({ done: z.literal(true) });

/** Bytes from the window (a Uint8Array) or from Node (a Buffer is one too), whatever backs them. */
const anyBytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Expected the file\u2019s bytes.');

/**
 * One file to import. The bridge refuses anything over the ceiling outright; the clinic's own
 * (lower) limit gives a per-file 'too-large' result, so the rest of the batch still goes in.
 */
export const PhotoImportFile = z
  .object({
    /** The name as the user's computer showed it: echoed in the result, never stored or audited. */
    fileName: z.string().max(255),
    bytes: anyBytes.refine((bytes) => bytes.length <= maxFileSizeMbCeiling * bytesPerMb, `A photo can be at most ${maxFileSizeMbCeiling} MB.`),
    /** Labels for this file when they differ from the batch's. */
    labels: PhotoLabels.optional(),
    /** Set by the app's camera (the moment of capture); otherwise EXIF DateTimeOriginal, else the import time. */
    takenAt: z.string().datetime({ offset: true }).optional(),
    source: z.enum(['file', 'camera']).default('file'),
  })
  .strict();

export const PhotoImportRequest = z
  .object({
    clientId: Id,
    /**
     * Chosen by the window (a UUID) so it can poll photos.importProgress while this call is
     * pending; optional for a single file.
     */
    jobId: z.string().uuid().optional(),
    /** Labels for every file without its own. */
    labels: PhotoLabels,
    /**
     * Admins only: add the photos although no photography consent in force covers the clinical
     * record (a clinic's older photos, say). Stored on each photo and audited.
     */
    override: PhotoConsentOverride.optional(),
    files: z
      .array(PhotoImportFile)
      .min(1, 'Choose at least one photo.')
      .max(maxFilesPerImport, `At most ${maxFilesPerImport} photos at a time.`)
      .refine((files) => files.reduce((sum, file) => sum + file.bytes.length, 0) <= maxBytesPerImport, `Send at most ${maxBytesPerImport / bytesPerMb} MB at a time.`),
  })
  .strict();
export type PhotoImportRequestInput = z.input<typeof PhotoImportRequest>;

export const PhotoListFilter = z
  .object({
    clientId: Id,
    /** Empty or absent: every view. */
    views: z.array(PhotoView).max(6).optional(),
    stages: z.array(PhotoStage).max(3).optional(),
    sessionId: Id.optional(),
  })
  .strict();

export const PhotoList = z.object({
  /** Oldest first (taken-at, then import order). */
  photos: z.array(Photo),
  /** The client's photography choices in force now (null: no photography consent on file): what an export may be used for. */
  choicesInForce: PhotographyChoices.nullable(),
});
export type PhotoList = z.infer<typeof PhotoList>;

const ImageBytes = z.object({
  id: z.string(),
  bytes: z.instanceof(Uint8Array),
  mimeType: z.enum(['image/jpeg', 'image/png']),
  width: z.number().int(),
  height: z.number().int(),
});
export type PhotoImageBytes = z.infer<typeof ImageBytes>;

const PairInput = z
  .object({ firstId: Id, secondId: Id })
  .strict()
  .refine((pair) => pair.firstId !== pair.secondId, { message: 'Choose two different photos.', path: ['secondId'] });

/**
 * Before/after photos. Reception never sees a photo: every channel is for clinicians,
 * deleting and the settings' change for admins. Pixels cross the bridge only as bytes decrypted
 * in memory; nothing is written outside the encrypted store except an export the user saved.
 */
export const photoChannels = {
  /** Stores each good file (original, preview and thumbnail, encrypted); refuses the rest one by one. */
  'photos.import': channel({ input: PhotoImportRequest, output: z.array(PhotoImportFileResult), access: clinicians }),
  /** While photos.import with this jobId is pending (and shortly after): how far it is. Null for an unknown job. */
  'photos.importProgress': channel({
    input: z.object({ jobId: z.string().uuid() }).strict(),
    output: PhotoImportProgress.nullable(),
    access: clinicians,
  }),
  'photos.list': channel({ input: PhotoListFilter, output: PhotoList, access: clinicians }),
  /** Gallery thumbnails (~320 px JPEG), many at once for a virtual grid. Unknown ids are left out. */
  'photos.thumbnails': channel({
    input: z.object({ ids: z.array(Id).min(1).max(60) }).strict(),
    output: z.array(ImageBytes),
    access: clinicians,
  }),
  /** The ~1600 px JPEG used to view and compare. Audited as a photo viewed. */
  'photos.preview': channel({ input: z.object({ id: Id }).strict(), output: ImageBytes, access: clinicians }),
  /** The full-size stored original (metadata stripped). Audited as a photo viewed. */
  'photos.original': channel({ input: z.object({ id: Id }).strict(), output: ImageBytes, access: clinicians }),
  'photos.update': channel({ input: z.object({ id: Id, labels: PhotoLabels }).strict(), output: Photo, access: clinicians }),
  'photos.delete': channel({
    input: z.object({ id: Id, reason: z.string().trim().min(5, 'Give the reason for deleting this photo.').max(1000) }).strict(),
    output: Done,
    access: adminsOnly,
  }),
  /** The saved alignment of an ordered pair (the second is moved onto the first); null when none. */
  'photos.alignment.get': channel({ input: PairInput, output: PhotoAlignment.nullable(), access: clinicians }),
  'photos.alignment.save': channel({
    input: z
      .object({ firstId: Id, secondId: Id, first: LandmarkPair, second: LandmarkPair })
      .strict()
      .refine((pair) => pair.firstId !== pair.secondId, { message: 'Choose two different photos.', path: ['secondId'] }),
    output: PhotoAlignment,
    access: clinicians,
  }),
  'photos.alignment.clear': channel({ input: PairInput, output: Done, access: clinicians }),
  /**
   * Renders the pair (JPEG or a PDF page) with clinic name, dates, session numbers and the
   * watermark, then asks where to save it. Refused (not an error: a typed outcome) when the
   * client's consent in force does not permit the use. Audited.
   */
  'photos.exportComparison': channel({ input: ComparisonExportRequest, output: ComparisonExportResult, access: clinicians }),
  'photos.settings.get': channel({ input: z.object({}).strict(), output: PhotoSettings, access: clinicians }),
  'photos.settings.update': channel({ input: PhotoSettings, output: PhotoSettings, access: adminsOnly }),
} as const;
