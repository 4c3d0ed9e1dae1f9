import { describe, expect, it } from 'vitest';
import { channelTolerance, diffPixels, type RgbaImage } from '../../e2e/support/pixel-diff';

function image(width: number, height: number, pixel: readonly [number, number, number, number]): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let at = 0; at < data.length; at += 4) data.set(pixel, at);
  return { width, height, data };
}

describe('comparing a screen with its baseline, pixel by pixel', () => {
  it('counts no pixel when channels differ by at most the tolerance, as antialiasing does', () => {
    const diff = diffPixels(image(4, 2, [100, 100, 100, 255]), image(4, 2, [100 + channelTolerance, 100 - channelTolerance, 100, 255]));
    expect(diff.differing).toBe(0);
    expect(diff.ratio).toBe(0);
  });

  it('counts each pixel that moved by more, and paints it red in the diff picture', () => {
    const expected = image(4, 2, [255, 255, 255, 255]);
    const actual = image(4, 2, [255, 255, 255, 255]);
    actual.data.set([0, 0, 0, 255], 4 * 5);
    const diff = diffPixels(expected, actual);
    expect(diff.differing).toBe(1);
    expect(diff.ratio).toBe(1 / 8);
    expect([...diff.picture.data.subarray(20, 24)]).toEqual([255, 0, 0, 255]);
    expect(diff.picture.data[0]).toBe(diff.picture.data[1]);
  });

  it('refuses pictures of different sizes rather than comparing part of them', () => {
    expect(() => diffPixels(image(4, 2, [0, 0, 0, 255]), image(2, 4, [0, 0, 0, 255]))).toThrow(/differ in size/);
  });
});
