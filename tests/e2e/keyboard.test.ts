import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { expectSignedIn, invokeFromPage, signIn } from './support/screens';
import { saveScreenshot } from './support/screenshots';

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
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();

    // Focus starts in the name field and moves in reading order; the eye button is skipped.
    await expect.poll(() => focused(page)).toBe('Your name');
    await page.keyboard.type(clinic.admin.name);
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe('Password');
    await page.keyboard.type(clinic.admin.password);
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe('Sign in');
    await page.keyboard.press('Enter');
    await expectSignedIn(page);
    await expect.poll(() => focused(page)).toMatch(/^Good (morning|afternoon|evening), Maria$/);

    await page.keyboard.press('Control+K');
    await page.getByRole('dialog').getByLabel('Search SkinLedger').waitFor();
    await expect.poll(() => focused(page)).toBe('Search SkinLedger');
    await page.keyboard.type('clients');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await expect.poll(() => focused(page)).toBe('Clients');

    // The dialog traps focus and Esc gives it back.
    await page.keyboard.press('Control+K');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(app.faults).toEqual([]);
  });

  it('keeps every letter typed straight after Ctrl+K and opens only what matches', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    for (const [firstName, lastName] of [
      ['Lorna', 'Whitcombe'],
      ['Hattie', 'Brennan'],
    ]) {
      const created = await invokeFromPage(page, 'clients.create', { fields: { firstName, lastName }, allowDuplicate: false });
      expect(created.ok).toBe(true);
    }

    // Four times over, as a front desk does it: the shortcut, then the name at once.
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await page.keyboard.press('Control+K');
      await page.keyboard.type('whitcombe', { delay: 60 });
      const search = page.getByRole('dialog').getByLabel('Search SkinLedger');
      expect(await search.inputValue()).toBe('whitcombe');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /Lorna Whitcombe/ })
        .waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }

    // A client match shows no unrelated places.
    await page.keyboard.press('Control+K');
    await page.keyboard.type('hattie', { delay: 60 });
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /Hattie Brennan/ }).waitFor();
    expect(await dialog.getByText('Go to').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: /Settings/ }).count()).toBe(0);
    await saveScreenshot(page, 'spotlight-client-match');
    // Enter straight after typing opens the client, not the first place.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Hattie Brennan' }).waitFor();

    // Enter with no match does nothing: the search stays open, on the same page.
    await page.keyboard.press('Control+K');
    await page.keyboard.type('zzqx', { delay: 60 });
    await page.keyboard.press('Enter');
    await dialog.getByText(/Nothing matches/).waitFor();
    expect(await dialog.getByLabel('Search SkinLedger').inputValue()).toBe('zzqx');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: 'Hattie Brennan' }).waitFor();
    expect(app.faults).toEqual([]);
  });
});
