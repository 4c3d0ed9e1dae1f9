import { z } from 'zod';

/**
 * A point on a photo as a fraction of its width (x) and height (y), 0 at the top left: the same
 * point whether the window shows the thumbnail, the preview or the original.
 */
export const PhotoPoint = z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).strict();
export type PhotoPoint = z.infer<typeof PhotoPoint>;

/** Two matching landmarks clicked on a photo (e.g. the pupils), in the same order on both photos. */
export const LandmarkPair = z.tuple([PhotoPoint, PhotoPoint]).refine(([a, b]) => a.x !== b.x || a.y !== b.y, 'Click two different points.');
export type LandmarkPair = z.infer<typeof LandmarkPair>;

/**
 * How the second photo of a comparison is lined up on the first: saved per ordered pair (first,
 * second), so "before vs after" and "after vs before" are aligned separately.
 */
export const PhotoAlignment = z.object({
  firstId: z.string(),
  secondId: z.string(),
  first: LandmarkPair,
  second: LandmarkPair,
  savedAt: z.string(),
  savedBy: z.string(),
});
export type PhotoAlignment = z.infer<typeof PhotoAlignment>;

/** A point in pixels. */
export interface Pixel {
  x: number;
  y: number;
}

/**
 * Scale, rotation about the origin, then shift: x' = scale * (cos r * x - sin r * y) + tx, and
 * y' = scale * (sin r * x + cos r * y) + ty. In pixels, y pointing down (so a positive rotation
 * turns clockwise on screen).
 */
export interface SimilarityTransform {
  scale: number;
  rotation: number;
  tx: number;
  ty: number;
}

/**
 * The one similarity transform that carries the second photo's two landmarks onto the first's:
 * z' = a * z + b in complex numbers, with a = (p2 - p1) / (q2 - q1) and b = p1 - a * q1. Null
 * when either pair is one point twice (no direction to match).
 */
export function similarityFromLandmarks(target: readonly [Pixel, Pixel], source: readonly [Pixel, Pixel]): SimilarityTransform | null {
  const [p1, p2] = target;
  const [q1, q2] = source;
  const dq = { x: q2.x - q1.x, y: q2.y - q1.y };
  const dp = { x: p2.x - p1.x, y: p2.y - p1.y };
  const dqLengthSquared = dq.x * dq.x + dq.y * dq.y;
  if (dqLengthSquared === 0 || (dp.x === 0 && dp.y === 0)) return null;
  // a = dp / dq (complex division)
  const re = (dp.x * dq.x + dp.y * dq.y) / dqLengthSquared;
  const im = (dp.y * dq.x - dp.x * dq.y) / dqLengthSquared;
  const tx = p1.x - (re * q1.x - im * q1.y);
  const ty = p1.y - (im * q1.x + re * q1.y);
  return { scale: Math.hypot(re, im), rotation: Math.atan2(im, re), tx, ty };
}

export function applyTransform(transform: SimilarityTransform, point: Pixel): Pixel {
  const cos = Math.cos(transform.rotation) * transform.scale;
  const sin = Math.sin(transform.rotation) * transform.scale;
  return { x: cos * point.x - sin * point.y + transform.tx, y: sin * point.x + cos * point.y + transform.ty };
}

/** The transform that undoes another: used to look up, for each output pixel, where it came from. */
export function invertTransform(transform: SimilarityTransform): SimilarityTransform {
  const scale = 1 / transform.scale;
  const rotation = -transform.rotation;
  const cos = Math.cos(rotation) * scale;
  const sin = Math.sin(rotation) * scale;
  return { scale, rotation, tx: -(cos * transform.tx - sin * transform.ty), ty: -(sin * transform.tx + cos * transform.ty) };
}

/** A landmark as a fraction of the photo, in that photo's pixels. */
export function toPixels(point: PhotoPoint, size: { width: number; height: number }): Pixel {
  return { x: point.x * size.width, y: point.y * size.height };
}

/**
 * The alignment between two photos of different sizes in the pixels of each: what moves the
 * second photo's pixels onto the first photo's pixels.
 */
export function alignmentTransform(
  alignment: Pick<PhotoAlignment, 'first' | 'second'>,
  firstSize: { width: number; height: number },
  secondSize: { width: number; height: number },
): SimilarityTransform | null {
  return similarityFromLandmarks(
    [toPixels(alignment.first[0], firstSize), toPixels(alignment.first[1], firstSize)],
    [toPixels(alignment.second[0], secondSize), toPixels(alignment.second[1], secondSize)],
  );
}
