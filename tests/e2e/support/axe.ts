import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { screenSettled } from './settle';

const blocking = new Set(['serious', 'critical']);
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** axe-core as @axe-core/playwright ships it, so the rules are the version that package pins. */
const fromAxePlaywright = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const axeSource = readFileSync(fromAxePlaywright.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe on what is on screen now and fails on any serious or critical violation, printing
 * each one readably (rule, why it matters, where). Moderate/minor ones are printed, not failed.
 *
 * axe.run in the page itself, put there once per page load: the same rules on the same document
 * as AxeBuilder, but AxeBuilder loads a fresh axe for every scan (a cold one costs seconds, a warm
 * one a few hundred ms) and finishes each scan in a new blank page. The app has no frames, so
 * nothing is left out by scanning the top document only. Only violations are collected: passes
 * and inapplicable rules were never read.
 */
export async function checkAccessibility(page: Page, screen: string): Promise<void> {
  // Something fading in or out is measured at a blend of its colours (a false contrast finding).
  await screenSettled(page);
  if (!(await page.evaluate('typeof window.axe?.run === "function"'))) await page.evaluate(axeSource);
  if ((await page.evaluate('window.frames.length')) !== 0) throw new Error(`"${screen}" has frames: scan them too (AxeBuilder does)`);
  const results = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(tags)} }, resultTypes: ['violations'] })`)) as AxeResults;
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
