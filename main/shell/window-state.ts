/**
 * Where the window opens: last time's size and place, if that still fits on a screen attached
 * now (a laptop undocked from its second monitor must not open the app off-screen).
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const defaultWindowSize = { width: 1280, height: 800 };
export const minimumWindowSize = { width: 960, height: 600 };

/** How much of the window (px each way) must overlap a screen for last time's place to count. */
const minimumVisible = 120;

/** Reads a saved state written by any version, or by hand: anything odd gives null. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, maximized } = raw as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  const numbers = [x, y, width, height];
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < 100_000)) return null;
  const rect = { x: Math.round(x as number), y: Math.round(y as number), width: Math.round(width as number), height: Math.round(height as number) };
  if (rect.width <= 0 || rect.height <= 0) return null;
  return { bounds: rect, maximized: maximized === true };
}

/**
 * The bounds to open with, given what was saved and the work areas of the screens attached now
 * (primary first). The result always lies fully inside one work area.
 */
export function restoreWindowState(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: defaultWindowSize.width, height: defaultWindowSize.height };
  if (saved) {
    const screen = bestOverlap(saved.bounds, workAreas);
    if (screen) return { bounds: fitInside(saved.bounds, screen), maximized: saved.maximized };
  }
  const width = Math.min(defaultWindowSize.width, primary.width);
  const height = Math.min(defaultWindowSize.height, primary.height);
  const centred = {
    x: primary.x + Math.floor((primary.width - width) / 2),
    y: primary.y + Math.floor((primary.height - height) / 2),
    width,
    height,
  };
  return { bounds: centred, maximized: saved?.maximized ?? false };
}

function bestOverlap(window: Rect, workAreas: readonly Rect[]): Rect | null {
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const w = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
    const h = Math.min(window.y + window.height, area.y + area.height) - Math.max(window.y, area.y);
    if (w < Math.min(minimumVisible, window.width) || h < Math.min(minimumVisible, window.height)) continue;
    if (w * h > bestArea) {
      best = area;
      bestArea = w * h;
    }
  }
  return best;
}

function fitInside(window: Rect, area: Rect): Rect {
  const width = clamp(window.width, Math.min(minimumWindowSize.width, area.width), area.width);
  const height = clamp(window.height, Math.min(minimumWindowSize.height, area.height), area.height);
  const x = clamp(window.x, area.x, area.x + area.width - width);
  const y = clamp(window.y, area.y, area.y + area.height - height);
  return { x, y, width, height };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
