/**
 * Brightness matching as a view option: how much brighter or darker the second photo must be
 * shown to match the first. Only a CSS filter on screen; the stored photos never change.
 */

/** The mean luminance (0–255) of a loaded image, read from a small copy on a canvas. */
export function meanLuminance(image: HTMLImageElement): number | null {
  const side = 48;
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context || image.naturalWidth === 0) return null;
  context.drawImage(image, 0, 0, side, side);
  const { data } = context.getImageData(0, 0, side, side);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
  return sum / (data.length / 4);
}

/** The brightness() factor for the second photo, kept to a range that cannot wash a photo out. */
export function brightnessFactor(first: number | null, second: number | null): number {
  if (first === null || second === null || second < 1) return 1;
  return Math.min(2, Math.max(0.5, first / second));
}
