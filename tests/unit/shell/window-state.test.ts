import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWindowState, windowStateFile, writeWindowState } from '../../../main/shell/window-state-file';
import { defaultWindowSize, minimumWindowSize, parseWindowState, restoreWindowState, type Rect } from '../../../main/shell/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1366, height: 728 };
const rightMonitor: Rect = { x: 1366, y: 0, width: 1920, height: 1040 };

function inside(window: Rect, area: Rect): boolean {
  return window.x >= area.x && window.y >= area.y && window.x + window.width <= area.x + area.width && window.y + window.height <= area.y + area.height;
}

describe('restoreWindowState', () => {
  it('opens at the default size, centred on the primary screen, the first time', () => {
    const { bounds, maximized } = restoreWindowState(null, [rightMonitor, laptop]);
    expect(maximized).toBe(false);
    expect(bounds.width).toBe(defaultWindowSize.width);
    expect(bounds.height).toBe(defaultWindowSize.height);
    expect(inside(bounds, rightMonitor)).toBe(true);
    expect(bounds.x - rightMonitor.x).toBe(rightMonitor.x + rightMonitor.width - (bounds.x + bounds.width));
  });

  it('shrinks the default to a small front-desk screen', () => {
    const { bounds } = restoreWindowState(null, [laptop]);
    expect(bounds.height).toBeLessThanOrEqual(laptop.height);
    expect(inside(bounds, laptop)).toBe(true);
  });

  it('puts the window back where it was when that screen is still there', () => {
    const saved = { bounds: { x: 1500, y: 100, width: 1200, height: 800 }, maximized: true };
    expect(restoreWindowState(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('brings a window back from a monitor that has been unplugged', () => {
    const saved = { bounds: { x: 1500, y: 100, width: 1200, height: 800 }, maximized: false };
    const { bounds } = restoreWindowState(saved, [laptop]);
    expect(inside(bounds, laptop)).toBe(true);
  });

  it('pulls a window hanging off an edge fully onto the screen', () => {
    const { bounds } = restoreWindowState({ bounds: { x: 1100, y: 500, width: 1000, height: 700 }, maximized: false }, [laptop]);
    expect(inside(bounds, laptop)).toBe(true);
    expect(bounds.width).toBe(1000);
  });

  it('never opens smaller than usable or larger than the screen', () => {
    const tiny = restoreWindowState({ bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false }, [laptop]).bounds;
    expect(tiny.width).toBe(minimumWindowSize.width);
    expect(tiny.height).toBe(minimumWindowSize.height);
    const huge = restoreWindowState({ bounds: { x: 0, y: 0, width: 5000, height: 4000 }, maximized: false }, [laptop]).bounds;
    expect(inside(huge, laptop)).toBe(true);
  });

  it('copes with a screen with negative coordinates (a monitor left of the primary)', () => {
    const left: Rect = { x: -1920, y: 0, width: 1920, height: 1040 };
    const saved = { bounds: { x: -1800, y: 50, width: 1280, height: 800 }, maximized: false };
    expect(restoreWindowState(saved, [laptop, left]).bounds).toEqual(saved.bounds);
  });
});

describe('parseWindowState', () => {
  it.each([
    null,
    'x',
    42,
    {},
    { bounds: null },
    { bounds: { x: 0, y: 0, width: 0, height: 10 } },
    { bounds: { x: 'a', y: 0, width: 10, height: 10 } },
    { bounds: { x: NaN, y: 0, width: 10, height: 10 } },
    { bounds: { x: 1e9, y: 0, width: 10, height: 10 } },
  ])('rejects %j', (raw) => expect(parseWindowState(raw)).toBeNull());

  it('reads a good state and rounds it', () => {
    expect(parseWindowState({ bounds: { x: 1.4, y: 2, width: 1000.6, height: 700 }, maximized: 'yes' })).toEqual({ bounds: { x: 1, y: 2, width: 1001, height: 700 }, maximized: false });
  });
});

describe('the window-state file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'skinledger-userdata-'));
  const file = windowStateFile(folder);

  it('lives in the per-user settings folder, not the data folder', () => {
    expect(file).toBe(join(folder, 'window-state.json'));
  });

  it('round-trips and treats a damaged file as no file', () => {
    expect(readWindowState(file)).toBeNull();
    const state = { bounds: { x: 5, y: 6, width: 1100, height: 700 }, maximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    writeFileSync(file, '{"bounds": {"x": 1,');
    expect(readWindowState(file)).toBeNull();
  });
});
