import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchApp, rendererFolder } from '../e2e/harness';
import { createClinic } from '../e2e/support/clinic';
import { summarise, type Timing } from './measure';

export interface RendererFigures {
  firstScreenKb: number;
  allKb: number;
  interactive: Timing;
  /** A new Chromium with a fresh profile each run: no HTTP or code cache, nothing warm. */
  cold: Timing;
}

function gzippedKb(paths: string[]): number {
  return Math.round(paths.reduce((sum, path) => sum + gzipSync(readFileSync(path)).length, 0) / 102.4) / 10;
}

function assetsUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? assetsUnder(path) : /\.(js|css)$/.test(name) ? [path] : [];
  });
}

/** Notes when the unlock screen's password field first exists, enabled, and a frame has been painted with it. */
const markInteractiveScript = `(() => {
  const ready = () => {
    const field = document.querySelector('input[type="password"]');
    return field !== null && !field.disabled;
  };
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__unlockInteractiveAt = performance.now(); }, 0));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/**
 * The built renderer in Debian Chromium, as the front desk meets it every morning: how much
 * JS+CSS the sign-in screen loads (gzipped), how much there is in all, and how long from
 * navigation start until the sign-in form can be typed into, in a warm browser (reloads) and
 * cold (a new browser with a fresh profile each time).
 */
export async function measureRenderer(runs: number): Promise<RendererFigures | null> {
  if (!existsSync(join(rendererFolder, 'index.html')) || !existsSync('/usr/bin/chromium')) return null;
  const dataDir = mkdtempSync(join(tmpdir(), 'skinledger-bench-ui-'));
  try {
    await createClinic(dataDir);
    const app = await launchApp({ dataDir });
    try {
      // Timed inside the page, from navigation start (performance.timeOrigin) to the first frame
      // painted with the password field in place and enabled: no Playwright round trips counted.
      await app.page.addInitScript({ content: markInteractiveScript });
      const requested = new Set<string>();
      app.page.on('request', (request) => requested.add(new URL(request.url()).pathname));
      const samples: number[] = [];
      for (let i = 0; i < runs + 1; i++) {
        requested.clear();
        await app.page.reload();
        const password = app.page.getByRole('textbox', { name: 'Password' });
        await password.waitFor({ state: 'visible' });
        await password.focus();
        const interactiveAt = await app.page.waitForFunction(() => (globalThis as { __unlockInteractiveAt?: number }).__unlockInteractiveAt ?? null);
        if (i > 0) samples.push(Number(await interactiveAt.jsonValue())); // the first load warms Chromium's caches
      }
      const firstScreen = [...requested].filter((path) => /\.(js|css)$/.test(path)).map((path) => join(rendererFolder, path));
      await app.close();
      const cold: number[] = [];
      for (let i = 0; i < runs; i++) cold.push(await coldStart(dataDir));
      return { firstScreenKb: gzippedKb(firstScreen), allKb: gzippedKb(assetsUnder(rendererFolder)), interactive: summarise(samples), cold: summarise(cold) };
    } finally {
      await app.close().catch(() => undefined);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A Chromium of its own with a fresh profile, its first navigation timed inside the page. */
async function coldStart(dataDir: string): Promise<number> {
  const app = await launchApp({ dataDir, initScript: markInteractiveScript });
  try {
    await app.page.getByRole('textbox', { name: 'Password' }).waitFor({ state: 'visible' });
    const interactiveAt = await app.page.waitForFunction(() => (globalThis as { __unlockInteractiveAt?: number }).__unlockInteractiveAt ?? null);
    return Number(await interactiveAt.jsonValue());
  } finally {
    await app.close();
  }
}
