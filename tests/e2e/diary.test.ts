import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { diaryDefaults } from '../../shared/diary/diary-settings';
import { answeredHistory } from '../support/medical-history';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, openNav, signIn } from './support/screens';

const harness = useAppPerTest();

/** A Mantine Select, found by its label whichever role this Mantine gives it. */
const select = (scope: Locator | Page, name: string) => scope.getByRole('textbox', { name, exact: true }).or(scope.getByRole('combobox', { name, exact: true }));

function isoDaysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

describe('the appointment diary', () => {
  it("books a course's next session from Home's overdue list, moves it in the week view, marks the client arrived and finishes the day", async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir);
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    // A client whose course is overdue, and a clinic open every day, so the test reads the same on any weekday.
    const { services, staff } = app.runtime.current();
    const client = services.clients.create(staff.id, { firstName: 'Imogen', lastName: 'Achterberg' });
    services.medicalHistory.record(staff.id, client.id, answeredHistory());
    services.courses.create(staff.id, client.id, { indication: 'acne-scarring', plannedSessions: 6, intervalWeeks: 4, startedOn: isoDaysAgo(20), notes: '' });
    const open = { opens: '08:00', closes: '20:00' };
    services.diarySettings.update(staff.id, { ...diaryDefaults, openingHours: [open, open, open, open, open, open, open] });
    await openNav(page, 'Clients');
    await openNav(page, 'Home');

    // Home: "Book" beside the overdue client opens the booking dialog on the course's next session.
    const overdue = page.getByRole('region', { name: 'Overdue for their next session' });
    await overdue.getByRole('button', { name: 'Book Imogen Achterberg' }).click();
    const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
    await dialog.getByText('Imogen Achterberg').waitFor();
    await expect.poll(() => select(dialog, 'Course').inputValue()).toBe('Acne scarring: session 1 of 6');
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Start time' }).inputValue()).toBe('08:00');
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Length (minutes)' }).inputValue()).toBe('60');
    await checkAccessibility(page, 'booking dialog');
    await saveScreenshot(page, '90-diary-booking-dialog');
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // Today's list on Home: time, client, what is due, and the forms to prepare.
    const today = page.getByRole('region', { name: "Today's appointments" });
    await openNav(page, 'Clients');
    await openNav(page, 'Home');
    await today.getByText('08:00 Imogen Achterberg').waitFor();
    await today.getByText('Due: Acne scarring, 1 of 6').waitFor();
    await today.getByText('Consent needed', { exact: true }).waitFor();
    await today.getByText('Photo consent needed').waitFor();
    expect(await today.getByText('History review due').count()).toBe(0);
    await today.scrollIntoViewIfNeeded();
    await saveScreenshot(page, '91-home-today-list');

    // The week view: drag the appointment two hours later, confirm the move.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Diary' }).click();
    await page.getByRole('heading', { level: 1, name: 'Diary' }).waitFor();
    const event = page.getByRole('button', { name: /08:00 Imogen Achterberg, Booked/ });
    await event.waitFor();
    await checkAccessibility(page, 'diary week view');
    await saveScreenshot(page, '92-diary-week');
    const box = (await event.boundingBox())!;
    const hour = (await page.locator('.rbc-day-slot .rbc-timeslot-group').first().boundingBox())!.height;
    await page.mouse.move(box.x + box.width / 2, box.y + 6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 6 + hour, { steps: 5 });
    await page.mouse.move(box.x + box.width / 2, box.y + 6 + 2 * hour, { steps: 5 });
    await page.mouse.up();
    const move = page.getByRole('dialog', { name: 'Move this appointment?' });
    await move.getByText(/^To: .* 10:00–11:00$/).waitFor();
    await move.getByRole('button', { name: 'Move', exact: true }).click();
    await move.waitFor({ state: 'detached' });
    const moved = page.getByRole('button', { name: /10:00 Imogen Achterberg, Booked/ });
    await moved.waitFor();

    // The day view, by keyboard.
    await page.keyboard.press('d');
    await page.getByRole('radio', { name: 'Day', checked: true }).waitFor({ state: 'attached' });
    await moved.waitFor();
    await saveScreenshot(page, '93-diary-day');

    // Arrived (Enter on the appointment opens it): the session form opens with the course.
    await moved.focus();
    await page.keyboard.press('Enter');
    const details = page.getByRole('dialog', { name: 'Imogen Achterberg' });
    await details.getByRole('button', { name: 'Arrived' }).click();
    await page.getByRole('heading', { level: 1, name: 'New session: Imogen Achterberg' }).waitFor();
    // No consent on file in this clinic: the practitioner records an override, then the form shows.
    await page.getByRole('button', { name: 'Treat without consent…' }).click();
    const overrideDialog = page.getByRole('dialog', { name: 'Treat without a valid consent' });
    await overrideDialog.getByRole('textbox', { name: 'Reason' }).fill('Paper consent signed this morning, scanned tomorrow.');
    await overrideDialog.getByRole('button', { name: 'Record override' }).click();
    await overrideDialog.waitFor({ state: 'detached' });
    await expect.poll(() => select(page, 'Course').inputValue()).toMatch(/^Acne scarring/);

    // Back in the diary the appointment is marked done.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Diary' }).click();
    await page.getByRole('button', { name: /10:00 Imogen Achterberg, Arrived/ }).click();
    await details.getByRole('button', { name: 'Done' }).click();
    await details.getByText('This appointment is finished and stays as it was.').waitFor();
    expect(services.diary.forClient(client.id)).toMatchObject([{ status: 'done', start: expect.stringMatching(/T10:00$/), courseSession: 1 }]);
    expect(app.faults).toEqual([]);
  }, 120_000);
});
