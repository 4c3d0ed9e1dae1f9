import { describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { recordHistoryWithNothingToReport } from './support/history';
import { faceRegion, fillClientForm, profileHeading } from './support/records';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, openNav, signIn } from './support/screens';

const harness = useAppPerTest();

describe("the clinic's own note shortcuts, and session times typed the clinic's way", () => {
  it('replaces the standard shortcuts with the clinic list and records the date and time as typed', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);

    // Settings → Note shortcuts starts from the standard set; the clinic adds its own and drops one.
    await openNav(page, 'Settings');
    await page.getByRole('tab', { name: 'Note shortcuts' }).click();
    await page.getByText('The clinic uses the standard shortcuts below.').waitFor();
    await page.getByRole('button', { name: 'Remove shortcut .ee' }).click();
    await page.getByRole('button', { name: 'Add a shortcut' }).click();
    const rows = await page.getByRole('textbox', { name: /^Code for shortcut/ }).count();
    const code = page.getByRole('textbox', { name: `Code for shortcut ${rows}` });
    await code.fill('pb');
    await page.getByText('This code is used twice.').first().waitFor();
    expect(await page.getByRole('button', { name: 'Save shortcuts' }).isDisabled()).toBe(true);
    await code.fill('.bb');
    await page.getByRole('textbox', { name: `Text for shortcut ${rows}` }).fill('BB Glow serum applied after needling; client informed of the 48-hour tint.');
    await checkAccessibility(page, 'note shortcuts');
    await saveScreenshot(page, '28-note-shortcuts');
    await page.getByRole('button', { name: 'Save shortcuts' }).click();
    await page.getByText(/The clinic has \d+ note shortcuts\./).waitFor();
    const saved = app.runtime.current().services.noteSnippets.list();
    expect(saved.map((snippet) => snippet.code)).toContain('bb');
    expect(saved.map((snippet) => snippet.code)).not.toContain('ee');

    // A client and a session recorded for an afternoon in early February, typed as a UK desk would.
    await openNav(page, 'Clients');
    await page.getByRole('button', { name: 'Add the first client' }).click();
    await fillClientForm(page, { firstName: 'Ngozi', lastName: 'Adébáyọ̀', dateOfBirth: '14/07/1988' });
    await page.getByRole('button', { name: 'Add client' }).click();
    await profileHeading(page, 'Ngozi Adébáyọ̀').waitFor();
    await recordHistoryWithNothingToReport(page, 'Ngozi Adébáyọ̀');
    await page.getByRole('button', { name: 'Start session' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'New session: Ngozi Adébáyọ̀' }).waitFor();
    // No consent signed for her yet: the session goes ahead only under an override with a reason.
    await page.getByRole('button', { name: 'Treat without consent…' }).click();
    await page.getByRole('dialog', { name: 'Treat without a valid consent' }).getByRole('textbox', { name: 'Reason' }).fill('Paper consent on file from the previous clinic system.');
    await page.getByRole('dialog', { name: 'Treat without a valid consent' }).getByRole('button', { name: 'Record override' }).click();
    await page.getByRole('region', { name: 'Override: treating without a valid consent' }).waitFor();
    await page.getByRole('textbox', { name: 'Date' }).fill('03/02/2026');
    const time = page.getByRole('textbox', { name: 'Time' });
    await time.fill('25:10');
    await time.blur();
    await page.getByText('Enter a time like 09:30 or 2:30 pm.').waitFor();
    await time.fill('2:30 pm');
    await time.blur();
    expect(await time.inputValue()).toBe('14:30');
    await page.getByRole('textbox', { name: 'Applied at' }).fill('1350');
    await faceRegion(page, 'Forehead').click();

    const notes = page.getByRole('textbox', { name: 'Notes' });
    await notes.pressSequentially('.bb ');
    expect(await notes.inputValue()).toBe('BB Glow serum applied after needling; client informed of the 48-hour tint. ');
    // The removed standard code is now ordinary text.
    await notes.pressSequentially('.ee ');
    expect(await notes.inputValue()).toMatch(/tint\. \.ee $/);
    await page.getByText('.bb', { exact: true }).waitFor();
    await checkAccessibility(page, 'session form with clinic shortcuts');
    await page.getByRole('region', { name: 'When and who' }).evaluate((element: { scrollIntoView(options: object): void }) => element.scrollIntoView({ block: 'start' }));
    await saveScreenshot(page, '29-session-time-typed');

    // A 20,000-character paste is told so at the field, above the text, not below a page of it.
    const typed = await notes.inputValue();
    await notes.fill('x'.repeat(20_000));
    const over = page.getByRole('alert').filter({ hasText: '20,000 characters: 12,000 over the limit of 8,000. Shorten it to save.' });
    await over.waitFor();
    const [message, field] = await Promise.all([over.boundingBox(), notes.boundingBox()]);
    expect(message!.y + message!.height).toBeLessThanOrEqual(field!.y);
    await notes.evaluate((element: { scrollIntoView(options: object): void }) => element.scrollIntoView({ block: 'center' }));
    await saveScreenshot(page, '29a-session-notes-too-long');
    await notes.fill(typed);
    await over.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('tab', { name: 'Treatments', selected: true }).waitFor();
    const recorded = app.calls.find((call) => call.channel === 'sessions.record')?.input as { record: { performedAt: string; anaesthetic: { appliedAt: string | null } } };
    // 3 February (day first), 14:30 on this computer's clock: never 2 March, never 02:30.
    expect(recorded.record.performedAt).toBe(new Date(2026, 1, 3, 14, 30).toISOString());
    expect(recorded.record.anaesthetic.appliedAt).toBe('13:50');
    expect(app.faults).toEqual([]);
  });
});
