import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignmentTransform, applyTransform, invertTransform, similarityFromLandmarks, type Pixel } from '../../../shared/photos/alignment';

const coordinate = fc.double({ min: -2000, max: 2000, noNaN: true });
const pixel = fc.record({ x: coordinate, y: coordinate });

function close(a: Pixel, b: Pixel, tolerance = 1e-6) {
  expect(a.x).toBeCloseTo(b.x, 5);
  expect(a.y).toBeCloseTo(b.y, 5);
  expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeLessThan(tolerance * Math.max(1, Math.hypot(b.x, b.y)) + 1e-6);
}

describe('similarity transform from two landmark pairs', () => {
  it('carries the second photo\u2019s landmarks exactly onto the first\u2019s', () => {
    fc.assert(
      fc.property(pixel, pixel, pixel, pixel, (p1, p2, q1, q2) => {
        fc.pre(Math.hypot(p2.x - p1.x, p2.y - p1.y) > 1 && Math.hypot(q2.x - q1.x, q2.y - q1.y) > 1);
        const transform = similarityFromLandmarks([p1, p2], [q1, q2])!;
        close(applyTransform(transform, q1), p1);
        close(applyTransform(transform, q2), p2);
      }),
    );
  });

  it('recovers a known scale, rotation and shift', () => {
    const known = { scale: 1.25, rotation: Math.PI / 12, tx: 40, ty: -15 };
    const q: [Pixel, Pixel] = [
      { x: 300, y: 400 },
      { x: 520, y: 410 },
    ];
    const found = similarityFromLandmarks([applyTransform(known, q[0]), applyTransform(known, q[1])], q)!;
    expect(found.scale).toBeCloseTo(1.25, 10);
    expect(found.rotation).toBeCloseTo(Math.PI / 12, 10);
    expect(found.tx).toBeCloseTo(40, 8);
    expect(found.ty).toBeCloseTo(-15, 8);
  });

  it('keeps distances in proportion and angles unchanged (no shear, no stretch)', () => {
    fc.assert(
      fc.property(pixel, pixel, pixel, pixel, pixel, pixel, (p1, p2, q1, q2, a, b) => {
        fc.pre(Math.hypot(p2.x - p1.x, p2.y - p1.y) > 1 && Math.hypot(q2.x - q1.x, q2.y - q1.y) > 1);
        const transform = similarityFromLandmarks([p1, p2], [q1, q2])!;
        const [ta, tb] = [applyTransform(transform, a), applyTransform(transform, b)];
        expect(Math.hypot(tb.x - ta.x, tb.y - ta.y)).toBeCloseTo(transform.scale * Math.hypot(b.x - a.x, b.y - a.y), 4);
      }),
    );
  });

  it('is undone by its inverse', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), coordinate, coordinate, pixel, (scale, rotation, tx, ty, point) => {
        const transform = { scale, rotation, tx, ty };
        close(applyTransform(invertTransform(transform), applyTransform(transform, point)), point, 1e-9);
      }),
    );
  });

  it('has no answer when a pair is one point clicked twice', () => {
    const p: [Pixel, Pixel] = [
      { x: 1, y: 1 },
      { x: 5, y: 5 },
    ];
    expect(similarityFromLandmarks(p, [p[0], p[0]])).toBeNull();
    expect(similarityFromLandmarks([p[1], p[1]], p)).toBeNull();
  });

  it('works in each photo\u2019s own pixels when the landmarks are fractions of photos of different sizes', () => {
    const transform = alignmentTransform(
      {
        first: [
          { x: 0.4, y: 0.5 },
          { x: 0.6, y: 0.5 },
        ],
        second: [
          { x: 0.4, y: 0.5 },
          { x: 0.6, y: 0.5 },
        ],
      },
      { width: 1000, height: 800 },
      { width: 2000, height: 1600 },
    )!;
    // The same face at twice the resolution: halved, not turned.
    expect(transform.scale).toBeCloseTo(0.5, 10);
    expect(transform.rotation).toBeCloseTo(0, 10);
    close(applyTransform(transform, { x: 1200, y: 1000 }), { x: 600, y: 500 });
  });
});
