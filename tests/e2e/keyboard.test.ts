import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { expectSignedIn } from './support/screens';

const harness = useAppPerTest();

/** The accessible name of whatever has keyboard focus, as a screen reader would announce it. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el) return '';
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) return labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    const label = el.labels && el.labels[0];
    return (el.getAttribute('aria-label') || (label && label.textContent) || el.textContent || '').replace(/\\s*\\*$/, '').trim();
  })()`) as Promise<string>;
}

describe('keyboard first', () => {
  it('signs in, jumps with Ctrl+K and lands focus at the top of each page, without a mouse', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir);
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();

    // Focus starts in the name field and moves in reading order; the eye button is skipped.
    expect(await focused(page)).toBe('Your name');
    await page.keyboard.type(clinic.admin.name);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Password');
    await page.keyboard.type(clinic.admin.password);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Sign in');
    await page.keyboard.press('Enter');
    await expectSignedIn(page);
    expect(await focused(page)).toMatch(/^Good (morning|afternoon|evening), Maria$/);

    await page.keyboard.press('Control+K');
    await page.getByRole('dialog').getByLabel('Search SkinLedger').waitFor();
    expect(await focused(page)).toBe('Search SkinLedger');
    await page.keyboard.type('clients');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    expect(await focused(page)).toBe('Clients');

    // The dialog traps focus and Esc gives it back.
    await page.keyboard.press('Control+K');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(app.faults).toEqual([]);
  });
});
