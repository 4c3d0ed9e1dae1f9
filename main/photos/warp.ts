import { applyTransform, invertTransform, type SimilarityTransform } from '../../shared/photos/alignment';

export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  /** 3: RGB, as every photo is decoded for an export. */
  channels: 3;
}

/** Where the moved photo leaves the frame uncovered: a neutral grey, clearly not skin. */
const uncovered = [128, 128, 128] as const;

/**
 * Draws `source` moved by `transform` into a frame of the given size: each output pixel looks
 * up where it came from (the inverse transform) and blends the four pixels around it.
 */
export function warpInto(source: RawImage, transform: SimilarityTransform, width: number, height: number): RawImage & { covered: Uint8Array } {
  const inverse = invertTransform(transform);
  const out = Buffer.alloc(width * height * 3);
  const covered = new Uint8Array(width * height);
  const { data, width: sw, height: sh } = source;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = applyTransform(inverse, { x: x + 0.5, y: y + 0.5 });
      const fx = from.x - 0.5;
      const fy = from.y - 0.5;
      const target = (y * width + x) * 3;
      if (fx < 0 || fy < 0 || fx > sw - 1 || fy > sh - 1) {
        out[target] = uncovered[0];
        out[target + 1] = uncovered[1];
        out[target + 2] = uncovered[2];
        continue;
      }
      covered[y * width + x] = 1;
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      const x1 = Math.min(x0 + 1, sw - 1);
      const y1 = Math.min(y0 + 1, sh - 1);
      const ax = fx - x0;
      const ay = fy - y0;
      for (let c = 0; c < 3; c++) {
        const top = data[(y0 * sw + x0) * 3 + c]! * (1 - ax) + data[(y0 * sw + x1) * 3 + c]! * ax;
        const bottom = data[(y1 * sw + x0) * 3 + c]! * (1 - ax) + data[(y1 * sw + x1) * 3 + c]! * ax;
        out[target + c] = Math.round(top * (1 - ay) + bottom * ay);
      }
    }
  }
  return { data: out, width, height, channels: 3, covered };
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The frame cut down to where the moved photo covers it, so no uncovered (grey) edge is shown:
 * the side with the most uncovered pixels on it moves in by one, until no edge has any. The
 * covered area of a moved photo is convex (a turned rectangle), so this settles on a large
 * rectangle inside it.
 */
export function coveredRect(covered: Uint8Array, width: number, height: number): Rect {
  let left = 0;
  let top = 0;
  let right = width - 1;
  let bottom = height - 1;
  const gapsInRow = (y: number) => {
    let gaps = 0;
    for (let x = left; x <= right; x++) if (!covered[y * width + x]) gaps++;
    return gaps;
  };
  const gapsInColumn = (x: number) => {
    let gaps = 0;
    for (let y = top; y <= bottom; y++) if (!covered[y * width + x]) gaps++;
    return gaps;
  };
  while (left < right && top < bottom) {
    const sides = [gapsInColumn(left), gapsInRow(top), gapsInColumn(right), gapsInRow(bottom)] as const;
    const worst = Math.max(...sides);
    if (worst === 0) break;
    const side = sides.indexOf(worst);
    if (side === 0) left++;
    else if (side === 1) top++;
    else if (side === 2) right--;
    else bottom--;
  }
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}
