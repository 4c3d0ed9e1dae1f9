import { bytesPerMb, maxBytesPerImport, maxFileSizeMbCeiling, maxFilesPerImport } from '../../../shared/photos/limits';

/** The most the bridge accepts for one file; anything larger is refused here, before it is read. */
export const largestFileBytes = maxFileSizeMbCeiling * bytesPerMb;

/**
 * Splits the picked files (by size, in order) into calls the bridge accepts: at most so many
 * files and so many bytes each. Returns indexes into the list, so results map back to rows.
 */
export function importBatches(sizes: readonly number[], maxFiles = maxFilesPerImport, maxBytes = maxBytesPerImport): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  sizes.forEach((size, index) => {
    if (current.length > 0 && (current.length >= maxFiles || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(index);
    bytes += size;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}
