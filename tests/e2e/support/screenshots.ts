import { mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { frontDeskViewport } from '../harness';
import { screenSettled } from './settle';

export const screenshotFolder = resolve(fileURLToPath(new URL('../screenshots', import.meta.url)));

/**
 * Whether pictures are taken. SKINLEDGER_E2E_SCREENSHOTS=off (a CI run, where no one looks at
 * them) skips only the capture: the flow still sizes the window, moves the pointer away and waits
 * for the screen to settle, so it performs exactly the same steps either way.
 */
export const screenshotsTaken = process.env.SKINLEDGER_E2E_SCREENSHOTS !== 'off';

/**
 * Saves what the clinic sees at 1366×768 as tests/e2e/screenshots/<name>.png, an ignored folder
 * (the README's copies in docs/screenshots are refreshed on purpose by npm run docs:screenshots).
 * Written to a .tmp file first, so an interrupted run never leaves half a PNG behind.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotFolder, { recursive: true });
  const size = page.viewportSize();
  if (!size || size.width !== frontDeskViewport.width || size.height !== frontDeskViewport.height) {
    await page.setViewportSize(frontDeskViewport);
  }
  // The pointer rests on an empty corner, so no hover state colours the picture.
  await page.mouse.move(frontDeskViewport.width - 2, frontDeskViewport.height - 2);
  // Transitions finished and fonts loaded before the picture is taken.
  await screenSettled(page);
  const path = join(screenshotFolder, `${name}.png`);
  if (!screenshotsTaken) return path;
  const temporary = `${path}.tmp`;
  await page.screenshot({ path: temporary, type: 'png', animations: 'disabled', caret: 'hide' });
  renameSync(temporary, path);
  return path;
}
