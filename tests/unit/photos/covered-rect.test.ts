import { describe, expect, it } from 'vitest';
import { coveredRect, warpInto, type RawImage } from '../../../main/photos/warp';
import { comparisonPageLayout } from '../../../main/photos/comparison-render';

function flat(width: number, height: number): RawImage {
  return { data: Buffer.alloc(width * height * 3, 200), width, height, channels: 3 };
}

describe('the lined-up photo cut to where it covers the frame', () => {
  it('keeps the whole frame when nothing is uncovered', () => {
    const covered = new Uint8Array(40 * 30).fill(1);
    expect(coveredRect(covered, 40, 30)).toEqual({ left: 0, top: 0, width: 40, height: 30 });
  });

  it('drops a strip left uncovered by a shift, and nothing more', () => {
    const moved = warpInto(flat(100, 80), { scale: 1, rotation: 0, tx: 6, ty: 0 }, 100, 80);
    const rect = coveredRect(moved.covered, 100, 80);
    expect(rect.left).toBeGreaterThanOrEqual(6);
    expect(rect.left).toBeLessThanOrEqual(7);
    expect(rect.width).toBeGreaterThanOrEqual(93);
    expect(rect.height).toBe(80);
  });

  it('leaves no uncovered pixel inside after a turn and a zoom out', () => {
    const turn = { scale: 0.9, rotation: 0.08, tx: 10, ty: 4 };
    const moved = warpInto(flat(120, 90), turn, 120, 90);
    const rect = coveredRect(moved.covered, 120, 90);
    for (let y = rect.top; y < rect.top + rect.height; y++) {
      for (let x = rect.left; x < rect.left + rect.width; x++) expect(moved.covered[y * 120 + x]).toBe(1);
    }
    expect(rect.width * rect.height).toBeGreaterThan(120 * 90 * 0.6);
  });
});

describe('the comparison page', () => {
  it('puts upright photos side by side on a page turned sideways', () => {
    expect(comparisonPageLayout('A4', { width: 750, height: 1000 }, { width: 750, height: 1000 })).toMatchObject({ orientation: 'landscape', arrangement: 'side-by-side' });
  });

  it('stacks wide photos on an upright page', () => {
    expect(comparisonPageLayout('LETTER', { width: 1600, height: 900 }, { width: 1600, height: 900 })).toMatchObject({ orientation: 'portrait', arrangement: 'stacked' });
  });

  it('fills most of the page with the photos', () => {
    const plan = comparisonPageLayout('A4', { width: 750, height: 1000 }, { width: 750, height: 1000 });
    const photoArea = 2 * 750 * 1000 * plan.scale ** 2;
    expect(photoArea / (841.89 * 595.28)).toBeGreaterThan(0.45);
  });
});
