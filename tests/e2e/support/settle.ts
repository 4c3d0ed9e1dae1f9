import type { Page } from 'playwright-core';

/**
 * Waits until nothing on screen is moving: every finite animation or transition has finished
 * (for at most two seconds; spinners loop forever and are left alone), the fonts are loaded, and
 * the browser has painted a frame since. What a person looking at the screen would wait for,
 * instead of a fixed sleep.
 */
export async function screenSettled(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    const finite = document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity);
    await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => null))), new Promise((resolve) => setTimeout(resolve, 2000))]);
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  })()`);
}
