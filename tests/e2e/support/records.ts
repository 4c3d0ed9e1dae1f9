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
  concerns?: string[];
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

export function faceRegion(page: Page, name: string) {
  return page.getByRole('group', { name: 'Face map' }).getByRole('button', { name, exact: true });
}
