import { similarityFromLandmarks, type LandmarkPair, type PhotoPoint, type SimilarityTransform } from '../../../shared/photos/alignment';

/**
 * Where a photo sits in the box it is shown in (whole, centred: object-fit contain), and the
 * saved two-point alignment turned into a CSS transform for that box. The landmarks are
 * fractions of each photo, so the same alignment holds at any window size and for photos of
 * different sizes or shapes.
 */
export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Size {
  x: number;
  y: number;
}

export interface BoxPoint {
  x: number;
  y: number;
}

export function containRect(natural: Size, box: Size): Rect {
  if (natural.width <= 0 || natural.height <= 0 || box.width <= 0 || box.height <= 0) return { x: 0, y: 0, width: 0, height: 0 };
  const scale = Math.min(box.width / natural.width, box.height / natural.height);
  const width = natural.width * scale;
  const height = natural.height * scale;
  return { x: (box.width - width) / 2, y: (box.height - height) / 2, width, height };
}

/** A landmark (fractions of the photo) in the pixels of the box. */
export function toBox(point: PhotoPoint, rect: Rect): BoxPoint {
  return { x: rect.x + point.x * rect.width, y: rect.y + point.y * rect.height };
}

/** A click in the box as a landmark (fractions of the photo), or null when it missed the photo. */
export function toPhoto(point: BoxPoint, rect: Rect): PhotoPoint | null {
  if (rect.width <= 0 || rect.height <= 0) return null;
  const x = (point.x - rect.x) / rect.width;
  const y = (point.y - rect.y) / rect.height;
  if (x < 0 || x > 1 || y < 0 || y > 1) return null;
  return { x, y };
}

/**
 * How to move the second photo (an element filling the same box, transform-origin at its top
 * left) so its landmarks land on the first photo's. Null when a pair is one point twice.
 */
export function alignmentInBox(points: { first: LandmarkPair; second: LandmarkPair }, firstNatural: Size, secondNatural: Size, box: Size): SimilarityTransform | null {
  const firstRect = containRect(firstNatural, box);
  const secondRect = containRect(secondNatural, box);
  return similarityFromLandmarks([toBox(points.first[0], firstRect), toBox(points.first[1], firstRect)], [toBox(points.second[0], secondRect), toBox(points.second[1], secondRect)]);
}

/** The transform as CSS matrix(a, b, c, d, e, f): x' = a·x + c·y + e, y' = b·x + d·y + f. */
export function cssMatrix(transform: SimilarityTransform): string {
  const cos = Math.cos(transform.rotation) * transform.scale;
  const sin = Math.sin(transform.rotation) * transform.scale;
  return `matrix(${cos}, ${sin}, ${-sin}, ${cos}, ${transform.tx}, ${transform.ty})`;
}
