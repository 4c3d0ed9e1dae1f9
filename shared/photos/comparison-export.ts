import { z } from 'zod';
import { PhotoUse } from '../consents/photography';

/**
 * A rectangle to blur on one photo of the comparison, as fractions of that photo's width and
 * height (0,0 at the top left), like the alignment landmarks. Needed for "marketing, face hidden".
 */
export const BlurBox = z
  .object({
    photo: z.enum(['first', 'second']),
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    width: z.number().gt(0).max(1),
    height: z.number().gt(0).max(1),
  })
  .strict()
  .refine((box) => box.x + box.width <= 1.000001 && box.y + box.height <= 1.000001, 'The box must lie inside the photo.');
export type BlurBox = z.infer<typeof BlurBox>;

export const comparisonLayouts = ['side-by-side'] as const;
export const exportFormats = ['jpeg', 'pdf'] as const;

export const ComparisonExportRequest = z
  .object({
    /** Shown on the left (usually the "before"). */
    firstId: z.string().min(1).max(64),
    /** Shown on the right, lined up on the first with the saved alignment when there is one. */
    secondId: z.string().min(1).max(64),
    layout: z.enum(comparisonLayouts).default('side-by-side'),
    /** What the export is for: checked against the client's photography consent in force. */
    use: PhotoUse,
    watermark: z.string().trim().max(80).nullable().default(null),
    blurBoxes: z.array(BlurBox).max(20).default([]),
    /** Apply the saved alignment of this pair (ignored when none is saved). */
    applyAlignment: z.boolean().default(true),
    /** Bring the second photo's overall brightness to the first's. */
    matchBrightness: z.boolean().default(false),
    format: z.enum(exportFormats),
  })
  .strict()
  .refine((request) => request.firstId !== request.secondId, { message: 'Choose two different photos.', path: ['secondId'] });
export type ComparisonExportRequestInput = z.input<typeof ComparisonExportRequest>;
export type ComparisonExportRequest = z.output<typeof ComparisonExportRequest>;

/** Why an export was not made: typed, so the dialog can point at the choice to change. */
export const exportRefusals = [
  /** The client has no photography consent in force at all. */
  'no-photography-consent',
  /** The client's photography consent in force does not allow this use. */
  'consent-does-not-permit',
  /** Teaching or marketing with the face hidden was chosen: draw at least one blur box on each photo. */
  'face-must-be-hidden',
  /** Both photos must belong to the same client. */
  'different-clients',
] as const;

export const ComparisonExportResult = z.discriminatedUnion('outcome', [
  /** Saved where the user chose; the file name only, never the folder. */
  z.object({ outcome: z.literal('saved'), fileName: z.string() }),
  z.object({ outcome: z.literal('cancelled') }),
  z.object({ outcome: z.literal('refused'), reason: z.enum(exportRefusals), message: z.string() }),
]);
export type ComparisonExportResult = z.infer<typeof ComparisonExportResult>;
