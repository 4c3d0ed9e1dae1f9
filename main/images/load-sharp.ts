import type sharpModule from 'sharp';

let loading: Promise<typeof sharpModule> | null = null;

/**
 * sharp (libvips, about 30 MB resident) loads the first time an image is worked on, not when the
 * services start: most sessions at the front desk never touch a picture in the main process.
 */
export function loadSharp(): Promise<typeof sharpModule> {
  loading ??= import('sharp').then((module) => module.default);
  return loading;
}
