import { describe, expect, it } from 'vitest';
import { useAppPerTest } from './support/app-test';
import { expectSignedIn } from './support/screens';

const harness = useAppPerTest();

const policy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

describe('the page is sandboxed and treats typed text as text', () => {
  it('has no Node in the page, a strict CSP, a read-only bridge, and shows markup typed into a name as text', async () => {
    const app = await harness.launch();
    const { page } = app;
    await page.getByRole('heading', { name: 'Set up your clinic' }).waitFor();

    expect(await page.evaluate('[typeof require, typeof process, typeof module, typeof Buffer]')).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(policy);

    // The bridge cannot be swapped out by page script.
    expect(await page.evaluate('(() => { try { window.skinledger = { invoke: () => "fake" }; } catch {} return typeof window.skinledger.invoke("app.status", {}).then; })()')).toBe('function');
    expect(await page.evaluate('Object.isFrozen(window.skinledger)')).toBe(true);

    // Inline script is refused by the CSP.
    const injected = await page.evaluate(
      '(() => { const s = document.createElement("script"); s.textContent = "window.__inlineRan = true"; document.head.append(s); return window.__inlineRan === true; })()',
    );
    expect(injected).toBe(false);
    expect(app.pageErrors.some((line) => /Content Security Policy/i.test(line))).toBe(true);

    // Markup typed into names is stored and shown as text, never run.
    const payload = '<img src=x onerror="window.__xss=1">';
    await page.getByLabel('Clinic name').fill(`Glow ${payload}`);
    await page.getByLabel('Your name').fill(`Ada ${payload}`);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a long enough password');
    await page.getByLabel('Type the password again').fill('a long enough password');
    await page.getByRole('button', { name: 'Create the clinic' }).click();
    await page.getByRole('heading', { name: 'Your recovery key' }).waitFor();
    await page.getByText(`Glow ${payload}`).first().waitFor();
    await page.getByLabel('I have printed or written down the recovery key and stored it safely').check();
    await page.getByRole('button', { name: 'Continue to SkinLedger' }).click();
    await expectSignedIn(page);
    await page.getByRole('banner').getByText(`Glow ${payload}`).waitFor();
    await page.getByRole('banner').getByText(`Ada ${payload}`).waitFor();
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(app.faults).toEqual([]);
  });
});
