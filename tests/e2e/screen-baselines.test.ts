import { describe, it } from 'vitest';
import { microneedlingTemplate } from '../../shared/consents/built-in-templates';
import { answeredHistory } from '../support/medical-history';
import { useAppPerTest } from './support/app-test';
import { expectBaseline, pinBaselineFonts } from './support/baselines';
import { clinic, createClinic } from './support/clinic';
import { profileHeading } from './support/records';
import { expectSignedIn, openNav, signIn } from './support/screens';
import { frontPhoto, rotatedPhoto } from './support/synthetic-photos';

const harness = useAppPerTest();

/** One fixed moment, for the page and the main side alike, so no date on screen moves between runs. */
const now = new Date('2026-03-12T10:30:00.000Z');

/**
 * The key screens held to tracked pictures (tests/e2e/baselines/), so a layout change nobody
 * meant fails here with a diff to look at. Fixed clock, time zone, data and font: only the code
 * changes the pictures. An intended change is refreshed with npm run baselines:refresh.
 */
describe('the key screens look as they did', () => {
  it('shows sign-in, Home, Settings, a client record, photo compare and consent signing as their baselines', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir);
    const app = await harness.launch({ dataDir, fixedTime: now, timezoneId: 'Europe/London', clock: { now: () => new Date(now) } });
    const { page } = app;
    await pinBaselineFonts(page, app.origin);

    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await expectBaseline(page, 'sign-in');

    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectBaseline(page, 'home');

    await openNav(page, 'Settings');
    await expectBaseline(page, 'settings');

    // A client with a history, one session and two photos, made through the real services.
    const runtime = app.runtime.current();
    const client = runtime.services.clients.create(runtime.staff.id, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      dateOfBirth: '1985-12-10',
      phone: '07700 900123',
      email: 'ada@example.org',
      fitzpatrick: 2,
      concerns: ['acne-scarring', 'texture-pores'],
    });
    runtime.services.medicalHistory.record(runtime.staff.id, client.id, answeredHistory());
    const session = runtime.services.sessions.record(
      runtime.staff.id,
      client.id,
      null,
      {
        performedAt: '2026-02-10T10:00:00.000Z',
        device: { kind: 'pen', make: 'Dr. Pen', model: 'A10', settings: '' },
        anaesthetic: { product: '' },
        areas: [{ area: 'forehead', depthMm: 0.5, passes: 2 }],
        endpoint: 'even-erythema',
        aftercareGiven: true,
      },
      { noConsentReason: 'Test clinic: no consent form signed.' },
    );
    await runtime.services.photos.import(runtime.staff.id, {
      clientId: client.id,
      labels: { view: 'front', stage: 'before' },
      override: { reason: 'Older photos from the clinic\u2019s previous system' },
      files: [
        { fileName: 'before.jpg', bytes: await frontPhoto(), takenAt: '2026-02-10T09:45:00.000Z', source: 'file', labels: { view: 'front', stage: 'before', sessionId: session.id } },
        { fileName: 'after.jpg', bytes: await rotatedPhoto(), takenAt: '2026-03-10T09:45:00.000Z', source: 'file', labels: { view: 'front', stage: 'after', sessionId: session.id } },
      ],
    });

    await page.keyboard.press('Control+K');
    await page.getByRole('dialog').getByLabel('Search SkinLedger').fill('ada love');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Ada Lovelace/ })
      .waitFor();
    await page.keyboard.press('Enter');
    await profileHeading(page, 'Ada Lovelace').waitFor();
    await expectBaseline(page, 'client-record');

    await page.getByRole('tab', { name: 'Photos' }).click();
    await page
      .getByRole('grid', { name: 'Photos, grouped by session' })
      .getByRole('img', { name: /^Photo: After/ })
      .waitFor();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const sideBySide = page.getByRole('group', { name: 'The two photos, Side by side' });
    await sideBySide.getByRole('img', { name: /^Photo: Before/ }).waitFor();
    await sideBySide.getByRole('img', { name: /^Photo: After/ }).waitFor();
    await expectBaseline(page, 'photo-compare');

    // Consent signing in client mode, at its first questions.
    await page.getByRole('button', { name: 'Back to Ada Lovelace' }).click();
    await profileHeading(page, 'Ada Lovelace').waitFor();
    await page.getByRole('tab', { name: 'Consents' }).click();
    await page.getByRole('button', { name: 'New consent' }).click();
    await page.getByRole('menuitem', { name: microneedlingTemplate.title }).click();
    await page.getByRole('button', { name: 'Start client mode' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome, Ada Lovelace' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { level: 1, name: microneedlingTemplate.sections[0]!.title }).waitFor();
    await expectBaseline(page, 'consent-signing');
  });
});
