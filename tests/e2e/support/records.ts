import type { Page } from 'playwright-core';

/**
 * Client-record steps the flows share, done the way the front desk and the practitioner do
 * them: by label, role and what the next screen shows.
 */
export interface NewClient {
  firstName: string;
  lastName: string;
  dateOfBirth?: string;
  phone?: string;
  email?: string;
  fitzpatrick?: 'I' | 'II' | 'III' | 'IV' | 'V' | 'VI';
  concerns?: readonly string[];
}

export async function fillClientForm(page: Page, client: NewClient): Promise<void> {
  const form = page.getByRole('form', { name: 'New client' });
  await form.getByRole('textbox', { name: 'First name' }).fill(client.firstName);
  await form.getByRole('textbox', { name: 'Last name' }).fill(client.lastName);
  if (client.dateOfBirth) await form.getByLabel('Date of birth').fill(client.dateOfBirth);
  if (client.phone) await form.getByRole('textbox', { name: 'Phone' }).fill(client.phone);
  if (client.email) await form.getByRole('textbox', { name: 'Email' }).fill(client.email);
  if (client.fitzpatrick) await form.getByRole('radio', { name: new RegExp(`^Type ${client.fitzpatrick}\\b`) }).click();
  for (const concern of client.concerns ?? []) await form.getByRole('checkbox', { name: concern }).check();
}

/** The client's profile heading: their name as the page's h1. */
export function profileHeading(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name });
}

/** The client list has answered the latest search (no request in flight). */
export async function listSettled(page: Page): Promise<void> {
  await page.locator('[role="listbox"][aria-busy="false"]').waitFor();
}

/** Types into the client search and waits until the list shows the answer to exactly that text. */
export async function searchClients(page: Page, calls: readonly { channel: string; input: unknown }[], text: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Search clients' }).fill(text);
  const asked = () => calls.some((call) => call.channel === 'clients.find' && (call.input as { text: string }).text === text.trim());
  // As long as any other wait (Playwright's 30 s): the search waits out its debounce first.
  for (let waited = 0; !asked(); waited += 20) {
    if (waited > 30_000) throw new Error(`the client list never searched for "${text}"`);
    await page.waitForTimeout(20);
  }
  await listSettled(page);
}

export function faceRegion(page: Page, name: string) {
  return page.getByRole('group', { name: 'Face map' }).getByRole('button', { name, exact: true });
}
