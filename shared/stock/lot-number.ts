/**
 * Lot numbers match without case, spaces or punctuation: "CT-2026-0412" on a box is
 * "ct2026 0412" in a maker's recall notice. The lot is stored as typed and matched folded.
 */
export function foldLot(lot: string): string {
  return lot.toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when two lot numbers are the same lot as a recall would read them. */
export function sameLot(a: string, b: string): boolean {
  const folded = foldLot(a);
  return folded.length > 0 && folded === foldLot(b);
}
