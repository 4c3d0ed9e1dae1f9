import type { Page } from 'playwright-core';

/**
 * Steps the flows share, written the way a person uses the app: by role and label.
 * Waits are on what the next screen shows, never on timers.
 */
export async function signIn(page: Page, name: string, password: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The header's Lock button: only there while someone is signed in and the screen is unlocked. */
export function lockButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: /^Lock/ });
}

export async function expectSignedIn(page: Page): Promise<void> {
  await lockButton(page).waitFor();
}

export async function lockWithButton(page: Page): Promise<void> {
  await lockButton(page).click();
  await page.getByRole('heading', { name: 'Screen locked' }).waitFor();
}

export async function unlock(page: Page, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

export async function openNav(page: Page, name: 'Home' | 'Clients' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

export async function signOut(page: Page, staffName: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^Account menu: ${staffName}`) }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
}

/** window.skinledger.invoke straight from the page, as any script in the window could call it. */
export async function invokeFromPage(page: Page, channel: string, input: unknown = {}): Promise<{ ok: boolean; error?: { code: string; message: string }; value?: unknown }> {
  return page.evaluate(([c, i]) => (globalThis as unknown as { skinledger: { invoke(channel: unknown, input: unknown): Promise<{ ok: boolean }> } }).skinledger.invoke(c, i), [
    channel,
    input,
  ] as const);
}

/** What the retry countdown said, and whether its button was held, the moment it appeared. */
export interface CountdownSeen {
  text: string;
  disabled: boolean | null;
}

/**
 * Starts noting, in the page, what the retry countdown says and whether the button labelled
 * `buttonName` beside it is disabled, the moment the countdown first appears. A one-second
 * countdown can be over before a busy test looks; the page sees every change as a person would.
 * Call before the wrong password is sent; returns the reader (null until the countdown showed).
 */
export async function noteRetryCountdown(page: Page, buttonName: string): Promise<() => Promise<CountdownSeen | null>> {
  await page.evaluate(`(() => {
    const seen = (window.__retryCountdownSeen = []);
    const observer = new MutationObserver(() => {
      const countdown = document.querySelector('[data-testid="retry-countdown"]');
      if (!countdown || !countdown.textContent.trim() || seen.length > 0) return;
      const scope = countdown.closest('[role="dialog"], form') ?? document;
      const button = [...scope.querySelectorAll('button')].find((each) => each.textContent.includes(${JSON.stringify(buttonName)}));
      seen.push({ text: countdown.textContent, disabled: button ? button.disabled : null });
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  return async () => (await page.evaluate('window.__retryCountdownSeen[0] ?? null')) as CountdownSeen | null;
}
