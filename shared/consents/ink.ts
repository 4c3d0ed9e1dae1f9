import { z } from 'zod';

/**
 * Drawn initials and signatures: the PNG the pad rendered (what the PDF shows) plus the stroke
 * points (kept for later verification of how it was drawn). Coordinates are CSS pixels of the
 * pad, time in milliseconds since the first point, pressure 0-1 where the pen reports it.
 */
export const InkPoint = z
  .object({
    x: z.number().finite().min(0).max(5000),
    y: z.number().finite().min(0).max(5000),
    t: z.number().int().min(0).max(3_600_000),
    p: z.number().finite().min(0).max(1).optional(),
  })
  .strict();
export type InkPoint = z.infer<typeof InkPoint>;

export const InkStroke = z.array(InkPoint).min(1).max(5000);
export type InkStroke = z.infer<typeof InkStroke>;

export const maxInkPngBytes = 512 * 1024;
export const maxInkPoints = 20_000;

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > pngSignature.length && pngSignature.every((byte, index) => bytes[index] === byte);
}

export const Ink = z
  .object({
    png: z
      .instanceof(Uint8Array)
      .refine((bytes) => bytes.length <= maxInkPngBytes, 'The drawing is too large.')
      .refine(isPng, 'The drawing must be a PNG image.'),
    /** The pad's size in CSS pixels when it was drawn. */
    width: z.number().int().min(20).max(5000),
    height: z.number().int().min(10).max(5000),
    strokes: z.array(InkStroke).min(1, 'Draw here.').max(500),
  })
  .strict()
  .refine((ink) => ink.strokes.reduce((sum, stroke) => sum + stroke.length, 0) <= maxInkPoints, 'The drawing has too many points.');
export type Ink = z.infer<typeof Ink>;

/** How much drawing an initial or a signature needs before it counts (pad CSS pixels). */
export const inkMinimums = {
  initials: { points: 6, longSide: 20 },
  signature: { points: 15, longSide: 60, shortSide: 12 },
} as const;

export type InkProblem = 'empty' | 'too-few-points' | 'too-small';

/**
 * Why a drawing does not count as initials or a signature, or null when it does. A dot, a tick
 * or a short dash is refused: the same rule on the pad and, again, in main before signing.
 */
export function inkProblem(strokes: readonly (readonly InkPoint[])[], kind: keyof typeof inkMinimums): InkProblem | null {
  const points = strokes.flat();
  if (points.length === 0) return 'empty';
  const minimum = inkMinimums[kind];
  if (points.length < minimum.points) return 'too-few-points';
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const width = Math.max(...xs) - Math.min(...xs);
  const height = Math.max(...ys) - Math.min(...ys);
  if (Math.max(width, height) < minimum.longSide) return 'too-small';
  if ('shortSide' in minimum && Math.min(width, height) < minimum.shortSide) return 'too-small';
  return null;
}
