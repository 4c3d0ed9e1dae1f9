import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignmentInBox, containRect, cssMatrix, toBox, toPhoto } from '../../../renderer/photos/compare/photo-frame';
import { applyTransform } from '../../../shared/photos/alignment';

describe('where a photo sits in its box, and lining up the second photo there', () => {
  it('fits a photo whole and centred in a box of another shape', () => {
    expect(containRect({ width: 1600, height: 1200 }, { width: 800, height: 800 })).toEqual({ x: 0, y: 100, width: 800, height: 600 });
    expect(containRect({ width: 900, height: 1600 }, { width: 800, height: 400 })).toEqual({ x: 287.5, y: 0, width: 225, height: 400 });
  });

  it('maps a click back to the photo, and refuses a click on the margin beside it', () => {
    const rect = containRect({ width: 1600, height: 1200 }, { width: 800, height: 800 });
    expect(toPhoto({ x: 400, y: 400 }, rect)).toEqual({ x: 0.5, y: 0.5 });
    expect(toPhoto({ x: 400, y: 50 }, rect)).toBeNull();
  });

  it('puts the second photo’s landmarks on the first photo’s, whatever the sizes, shapes and box', () => {
    const fraction = fc.double({ min: 0.05, max: 0.95, noNaN: true });
    const point = fc.record({ x: fraction, y: fraction });
    const size = fc.record({ width: fc.integer({ min: 200, max: 5000 }), height: fc.integer({ min: 200, max: 5000 }) });
    fc.assert(
      fc.property(point, point, point, point, size, size, size, (a1, a2, b1, b2, firstSize, secondSize, box) => {
        fc.pre(Math.hypot(a1.x - a2.x, a1.y - a2.y) > 0.05 && Math.hypot(b1.x - b2.x, b1.y - b2.y) > 0.05);
        const transform = alignmentInBox({ first: [a1, a2], second: [b1, b2] }, firstSize, secondSize, box);
        expect(transform).not.toBeNull();
        const firstRect = containRect(firstSize, box);
        const secondRect = containRect(secondSize, box);
        for (const [from, to] of [
          [b1, a1],
          [b2, a2],
        ] as const) {
          const moved = applyTransform(transform!, toBox(from, secondRect));
          const target = toBox(to, firstRect);
          expect(moved.x).toBeCloseTo(target.x, 6);
          expect(moved.y).toBeCloseTo(target.y, 6);
        }
      }),
    );
  });

  it('writes the transform as the CSS matrix that moves points the same way', () => {
    const transform = { scale: 2, rotation: Math.PI / 2, tx: 10, ty: -5 };
    const [a, b, c, d, e, f] = /matrix\((.+)\)/.exec(cssMatrix(transform))![1]!.split(',').map(Number) as [number, number, number, number, number, number];
    const point = { x: 3, y: 7 };
    const expected = applyTransform(transform, point);
    expect(a * point.x + c * point.y + e).toBeCloseTo(expected.x, 9);
    expect(b * point.x + d * point.y + f).toBeCloseTo(expected.y, 9);
  });
});
