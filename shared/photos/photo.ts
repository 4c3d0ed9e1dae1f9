import { z } from 'zod';
import { treatmentAreas } from '../clinical/areas';
import { PhotographyChoices } from '../consents/photography';

/** The standard views, so a series lines up: the same pose every session. */
export const photoViews = ['front', 'left-45', 'right-45', 'left-profile', 'right-profile', 'close-up'] as const;
export const PhotoView = z.enum(photoViews);
export type PhotoView = z.infer<typeof PhotoView>;

export const photoStages = ['before', 'after', 'progress'] as const;
export const PhotoStage = z.enum(photoStages);
export type PhotoStage = z.infer<typeof PhotoStage>;

export const PhotoArea = z.enum(treatmentAreas);

const Id = z.string().min(1).max(64);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** Where the taken-at time came from: the camera's EXIF clock, the app's camera, what staff typed, or the import time. */
export const takenAtSources = ['exif', 'camera', 'entered', 'imported'] as const;

/**
 * What a photo is about. A close-up names the treated area it shows; the other views show the
 * whole face or profile, so they carry no area.
 */
export const PhotoLabels = z
  .object({
    view: PhotoView,
    area: PhotoArea.nullable().default(null),
    stage: PhotoStage,
    /** The treatment session it belongs to, if any (a consultation photo has none). */
    sessionId: Id.nullable().default(null),
    note: z.string().trim().max(1000).default(''),
  })
  .strict()
  .refine((labels) => labels.view === 'close-up' || labels.area === null, {
    message: 'Only a close-up names an area.',
    path: ['area'],
  })
  .refine((labels) => labels.view !== 'close-up' || labels.area !== null, {
    message: 'Choose the area the close-up shows.',
    path: ['area'],
  });
export type PhotoLabelsInput = z.input<typeof PhotoLabels>;
export type PhotoLabels = z.output<typeof PhotoLabels>;

/** One photo as the main process describes it. The pixels travel separately (thumbnail, preview, original). */
export const Photo = z.object({
  id: z.string(),
  clientId: z.string(),
  sessionId: z.string().nullable(),
  /** The session's place in the client's sessions, oldest first (1 = first session); null without a session. */
  sessionNumber: z.number().int().nullable(),
  /** When that session was performed (ISO date-time); null without a session. */
  sessionPerformedAt: z.string().nullable(),
  view: PhotoView,
  area: PhotoArea.nullable(),
  stage: PhotoStage,
  /** ISO date-time with offset. */
  takenAt: z.string(),
  takenAtSource: z.enum(takenAtSources),
  note: z.string(),
  /** Pixel size of the stored original, after EXIF orientation was applied. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** SHA-256 (hex) of the stored original: the re-encoded, oriented image without metadata. `verify` re-checks it. */
  sha256: Sha256,
  /** SHA-256 (hex) of the bytes as imported: how a second import of the same file is recognised. */
  sourceSha256: Sha256,
  /** How the original is stored: JPEG for photos, PNG for lossless sources. */
  format: z.enum(['jpeg', 'png']),
  /** The client's photography choices in force when it was taken; null when no photography consent was on file. */
  choicesWhenTaken: PhotographyChoices.nullable(),
  /**
   * Set when an admin added the photo without a photography consent covering the clinical record
   * (for example a clinic's older photos): who, and why. Shown wherever the photo is shown.
   */
  consentOverride: z.object({ reason: z.string(), by: z.string(), byName: z.string() }).nullable(),
  importedAt: z.string(),
  importedBy: z.string(),
  importedByName: z.string(),
  updatedAt: z.string(),
});
export type Photo = z.infer<typeof Photo>;
