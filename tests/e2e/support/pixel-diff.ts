/**
 * Two pictures of the same size, pixel by pixel: which pixels differ by more than a small
 * amount in any colour channel. Antialiasing and a slightly different font rasteriser move a
 * channel by a few steps along letter edges; a moved or resized element changes whole runs of
 * pixels by much more. Pure, so the rule is unit-tested without a browser.
 */
export interface RgbaImage {
  width: number;
  height: number;
  /** 4 bytes a pixel, row by row. */
  data: Uint8Array;
}

export interface PixelDiff {
  /** Pixels where some channel differs by more than the channel tolerance. */
  differing: number;
  /** differing / all pixels. */
  ratio: number;
  /** The expected picture faded to grey, with every differing pixel in red: what to look at. */
  picture: RgbaImage;
}

/** A channel may differ by this much (of 255) before its pixel counts as different. */
export const channelTolerance = 40;

export function diffPixels(expected: RgbaImage, actual: RgbaImage): PixelDiff {
  if (expected.width !== actual.width || expected.height !== actual.height) {
    throw new Error(`The pictures differ in size: expected ${expected.width}x${expected.height}, got ${actual.width}x${actual.height}.`);
  }
  const pixels = expected.width * expected.height;
  const out = new Uint8Array(pixels * 4);
  let differing = 0;
  for (let pixel = 0; pixel < pixels; pixel++) {
    const at = pixel * 4;
    let largest = 0;
    for (let channel = 0; channel < 4; channel++) {
      largest = Math.max(largest, Math.abs(expected.data[at + channel]! - actual.data[at + channel]!));
    }
    if (largest > channelTolerance) {
      differing++;
      out.set([255, 0, 0, 255], at);
    } else {
      const grey = (expected.data[at]! + expected.data[at + 1]! + expected.data[at + 2]!) / 3;
      const faded = Math.round(200 + grey * (55 / 255));
      out.set([faded, faded, faded, 255], at);
    }
  }
  return { differing, ratio: differing / pixels, picture: { width: expected.width, height: expected.height, data: out } };
}
