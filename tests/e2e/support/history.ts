import type { Page } from 'playwright-core';

/**
 * On the medical history form: answers every question still without an answer the way a client
 * with nothing to report would (No, Never, None; no radiotherapy or chemotherapy). Questions the
 * test already answered are left as they are.
 */
export async function answerTheRest(page: Page): Promise<void> {
  const groups = page.getByRole('radiogroup');
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    const group = groups.nth(i);
    if ((await group.getByRole('radio', { checked: true }).count()) === 0) await group.getByRole('radio').first().check();
  }
  const cancer = page.getByRole('combobox', { name: 'Radiotherapy or chemotherapy?' });
  if ((await cancer.inputValue()) === '') {
    await cancer.click();
    await page.getByRole('option', { name: 'No radiotherapy or chemotherapy' }).click();
  }
}

/** From a client's profile: records a complete medical history with nothing to report, and comes back. */
export async function recordHistoryWithNothingToReport(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Record medical history' }).first().click();
  await page.getByRole('heading', { level: 1, name: `Medical history: ${name}` }).waitFor();
  await answerTheRest(page);
  await page.getByRole('button', { name: 'Save medical history' }).click();
  await page.getByRole('heading', { level: 1, name: /Medical history saved/ }).waitFor();
  await page.getByRole('button', { name: `Back to ${name}` }).click();
}
