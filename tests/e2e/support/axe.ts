import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const blocking = new Set(['serious', 'critical']);

/**
 * Runs axe on what is on screen now and fails on any serious or critical violation, printing
 * each one readably (rule, why it matters, where). Moderate/minor ones are printed, not failed.
 */
export async function checkAccessibility(page: Page, screen: string): Promise<void> {
  // Something fading in or out is measured at a blend of its colours (a false contrast finding):
  // let finite transitions finish first, for at most two seconds.
  await page.evaluate(
    `Promise.race([Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null))), new Promise((resolve) => setTimeout(resolve, 2000))])`,
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const describe = (violation: (typeof results.violations)[number]) =>
    [
      `  [${violation.impact}] ${violation.id}: ${violation.help}`,
      `    ${violation.helpUrl}`,
      ...violation.nodes.slice(0, 5).map((node) => `    at ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`),
    ].join('\n');
  const serious = results.violations.filter((violation) => blocking.has(violation.impact ?? ''));
  const other = results.violations.filter((violation) => !blocking.has(violation.impact ?? ''));
  if (other.length > 0) console.warn(`axe (${screen}): ${other.length} minor/moderate finding(s)\n${other.map(describe).join('\n')}`);
  if (serious.length > 0) {
    throw new Error(`axe found ${serious.length} serious/critical violation(s) on "${screen}":\n${serious.map(describe).join('\n')}`);
  }
}
