import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { answeredHistory } from '../support/medical-history';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../support/temp-folder';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { profileHeading } from './support/records';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, invokeFromPage, signIn } from './support/screens';
import { bombPng, frontPhoto, rotatedPhoto, truncatedPhoto } from './support/synthetic-photos';

const harness = useAppPerTest();

/** The synthetic face's pupils, as fractions of the photo (see synthetic-photos.ts). */
const pupils = [
  { x: 0.412, y: 0.436 },
  { x: 0.588, y: 0.436 },
] as const;

/** Clicks a point of a photo shown whole (object-fit: contain) in a pane, given the photo's size. */
async function clickOnPhoto(pane: Locator, natural: { width: number; height: number }, point: { x: number; y: number }): Promise<void> {
  const box = await pane.boundingBox();
  if (!box) throw new Error('not on screen');
  const scale = Math.min(box.width / natural.width, box.height / natural.height);
  const left = box.x + (box.width - natural.width * scale) / 2;
  const top = box.y + (box.height - natural.height * scale) / 2;
  await pane.page().mouse.click(left + point.x * natural.width * scale, top + point.y * natural.height * scale);
}

/** Picks a compare mode on the segmented control, by its visible label. */
async function compareMode(page: Page, mode: 'Side by side' | 'Slider' | 'Overlay'): Promise<void> {
  await page.getByRole('radiogroup', { name: 'Compare as' }).getByText(mode, { exact: true }).click();
}

/** One CSS property from an element's style attribute ('' when not set). */
async function styleOf(target: Locator, property: string): Promise<string> {
  const style = (await target.getAttribute('style')) ?? '';
  return new RegExp(`(?:^|;)\\s*${property}:\\s*([^;]+)`).exec(style)?.[1]?.trim() ?? '';
}

/** The CSS transform react-zoom-pan-pinch put on each side-by-side pane's content. */
async function paneTransforms(page: Page): Promise<string[]> {
  return Promise.all([1, 2].map((n) => styleOf(page.locator(`[data-testid="compare-pane-${n}"] .react-transform-component`), 'transform')));
}

describe('before/after photos: import, gallery, compare, align, export, camera', () => {
  it('stores two good photos and names each bad one, compares them three ways with one zoom, lines them up, refuses an import and greys out every export without consent, captures from the camera, and leaves nothing readable on disk', async () => {
    const { dataDir, scratch } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir, savePath: join(scratch, 'comparison.jpg'), fakeCamera: true });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);

    // A client with one recorded session, made through the real services.
    const runtime = app.runtime.current();
    const client = runtime.services.clients.create(runtime.staff.id, { firstName: 'Ada', lastName: 'Lovelace' });
    runtime.services.medicalHistory.record(runtime.staff.id, client.id, answeredHistory());
    runtime.services.sessions.record(
      runtime.staff.id,
      client.id,
      null,
      {
        performedAt: '2026-01-10T10:00:00.000Z',
        device: { kind: 'pen', make: 'Dr. Pen', model: 'A10', settings: '' },
        anaesthetic: { product: '' },
        areas: [{ area: 'forehead', depthMm: 0.5, passes: 2 }],
        endpoint: 'even-erythema',
        aftercareGiven: true,
      },
      { noConsentReason: 'Test clinic: no consent form signed.' },
    );
    await page.keyboard.press('Control+K');
    await page.getByRole('dialog').getByLabel('Search SkinLedger').fill('ada love');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Ada Lovelace/ })
      .waitFor();
    await page.keyboard.press('Enter');
    await profileHeading(page, 'Ada Lovelace').waitFor();
    await page.getByRole('tab', { name: 'Photos' }).click();
    await page.getByText('No photos yet').waitFor();

    // Import four files through the drop area's file input: two good, one cut short, one bomb.
    const files = {
      front: await frontPhoto(),
      rotated: await rotatedPhoto(),
      truncated: await truncatedPhoto(),
      bomb: await bombPng(),
    };
    // No photography consent is in force: the import is refused, with the way to sign one offered.
    await page.getByRole('button', { name: 'Import photos' }).click();
    const importDialog = page.getByRole('dialog', { name: 'Import photos' });
    const gate = importDialog.getByRole('region', { name: 'Photos cannot be added yet' });
    await gate.getByText('This client has no photography consent in force.', { exact: false }).waitFor();
    await gate.getByRole('button', { name: 'Sign photography consent now' }).waitFor();
    expect(await importDialog.getByText('Drop photos here').count()).toBe(0);
    await checkAccessibility(page, 'photo import needs consent');
    await saveScreenshot(page, '40a-photo-import-needs-consent');
    // The main side refuses it too, whatever a window sends.
    const refusedImport = await page.evaluate(
      (clientId) =>
        (globalThis as unknown as { skinledger: { invoke(channel: string, input: unknown): Promise<{ ok: boolean; error?: { code: string } }> } }).skinledger.invoke('photos.import', {
          clientId,
          labels: { view: 'front', stage: 'before' },
          files: [{ fileName: 'x.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff]) }],
        }),
      client.id,
    );
    expect(refusedImport).toMatchObject({ ok: false, error: { code: 'NEEDS_OVERRIDE' } });
    // The admin brings in the clinic's older photos with a reason, kept on each photo.
    await gate.getByLabel('Add without consent (admins): reason').fill('Older photos from the clinic\u2019s previous system');
    await importDialog.getByText('Drop photos here').waitFor();
    await importDialog.getByLabel('Photos to import').setInputFiles([
      { name: 'front.jpg', mimeType: 'image/jpeg', buffer: files.front },
      { name: 'portrait-phone.jpg', mimeType: 'image/jpeg', buffer: files.rotated },
      { name: 'card-copy-failed.jpg', mimeType: 'image/jpeg', buffer: files.truncated },
      { name: 'tiny-bomb.png', mimeType: 'image/png', buffer: files.bomb },
    ]);
    await importDialog.getByText('2 stored, 2 not stored').waitFor({ timeout: 60_000 });
    const results = importDialog.getByRole('region', { name: 'Import results' });
    const line = (name: string) => results.getByRole('listitem').filter({ hasText: name });
    await line('front.jpg')
      .getByText(/^Stored: Before · Front/)
      .waitFor();
    await line('portrait-phone.jpg')
      .getByText(/^Stored: Before · Front/)
      .waitFor();
    await line('card-copy-failed.jpg').getByText('The image is damaged or cut short and cannot be read to the end.', { exact: false }).waitFor();
    await line('tiny-bomb.png').getByText('more than 50 megapixels', { exact: false }).waitFor();
    await checkAccessibility(page, 'import results');
    await line('tiny-bomb.png').scrollIntoViewIfNeeded();
    await saveScreenshot(page, '41-photo-import-results');
    await importDialog.getByRole('button', { name: 'Done' }).click();
    await importDialog.waitFor({ state: 'detached' });

    // The phone photo was turned upright by its EXIF orientation.
    const listed = await invokeFromPage(page, 'photos.list', { clientId: client.id });
    const photos = (listed.value as { photos: { width: number; height: number }[] }).photos;
    expect(photos.map((photo) => [photo.width, photo.height])).toEqual([
      [1600, 1200],
      [900, 1200],
    ]);

    // The gallery: two thumbnails under the day's heading; arrows move, Enter opens.
    const grid = page.getByRole('grid', { name: 'Photos, grouped by session' });
    await grid
      .getByRole('gridcell')
      .nth(1)
      .getByRole('img', { name: /^Photo: Before · Front/ })
      .waitFor();
    expect(await grid.getByRole('gridcell').count()).toBe(2);
    await checkAccessibility(page, 'photo gallery');
    await saveScreenshot(page, '40-photo-gallery');
    await grid.getByRole('gridcell').first().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    // The second photo becomes the "after", in session 1.
    const detail = page.getByRole('dialog', { name: /Before · Front/ });
    await detail.getByRole('img', { name: /^Photo:/ }).waitFor();
    await detail.getByText('Added without photography consent').waitFor();
    await detail.getByText(`By ${clinic.admin.name}: “Older photos from the clinic’s previous system”`).waitFor();
    await detail.getByRole('combobox', { name: 'Stage' }).click();
    await page.getByRole('option', { name: 'After' }).click();
    await detail.getByRole('combobox', { name: 'Session' }).click();
    await page.getByRole('option', { name: /^Session 1 · / }).click();
    await detail.getByRole('button', { name: 'Save labels' }).click();
    await detail.waitFor({ state: 'detached' });
    await grid
      .getByText(/Session 1 ·/)
      .first()
      .waitFor();

    // Compare: opens with the first "before" against the latest of the same view.
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare photos: Ada Lovelace' }).waitFor();
    const sideBySide = page.getByRole('group', { name: 'The two photos, Side by side' });
    await sideBySide.getByText(/^Before · Front · .* · No session$/).waitFor();
    await sideBySide.getByText(/^After · Front · .* · Session 1$/).waitFor();
    await sideBySide.getByRole('img', { name: /^Photo: After/ }).waitFor();

    await checkAccessibility(page, 'compare side by side');
    await saveScreenshot(page, '42-photo-compare-side-by-side');

    // One zoom and pan for both panes.
    const before = await paneTransforms(page);
    await page.getByRole('button', { name: 'Zoom in (both)' }).click();
    await expect.poll(async () => (await paneTransforms(page))[0]).not.toBe(before[0]);
    await expect.poll(async () => new Set(await paneTransforms(page)).size).toBe(1);
    const zoomed = await paneTransforms(page);
    expect(zoomed[0]).toMatch(/scale\(1\.5\)/);
    await page.getByRole('button', { name: 'Reset zoom' }).click();

    await compareMode(page, 'Slider');
    const slider = page.getByRole('group', { name: 'The two photos, Slider' });
    await slider.getByRole('slider').waitFor();
    await checkAccessibility(page, 'compare slider');
    await saveScreenshot(page, '43-photo-compare-slider');

    await compareMode(page, 'Overlay');
    await page.getByRole('group', { name: 'The two photos, Overlay' }).waitFor();
    await page.getByText('Second photo on top: 50% opaque').waitFor();
    await checkAccessibility(page, 'compare overlay');
    await saveScreenshot(page, '44-photo-compare-overlay');

    // Line up: the pupils on each photo; a wrong click is undone.
    await page.getByRole('button', { name: 'Line up…' }).click();
    const firstPane = page.getByTestId('align-first');
    const secondPane = page.getByTestId('align-second');
    await firstPane.getByRole('img', { name: /^Photo:/ }).waitFor();
    await secondPane.getByRole('img', { name: /^Photo:/ }).waitFor();
    const front = { width: 1600, height: 1200 };
    const portrait = { width: 900, height: 1200 };
    await clickOnPhoto(firstPane, front, pupils[0]);
    await clickOnPhoto(firstPane, front, { x: 0.5, y: 0.8 });
    await page.getByText('First photo: 2 of 2 points · Second photo: 0 of 2 points').waitFor();
    await page.getByRole('button', { name: 'Undo last point' }).click();
    await page.getByText('First photo: 1 of 2 points').waitFor();
    await clickOnPhoto(firstPane, front, pupils[1]);
    await clickOnPhoto(secondPane, portrait, pupils[0]);
    await clickOnPhoto(secondPane, portrait, pupils[1]);
    await page.getByText('First photo: 2 of 2 points · Second photo: 2 of 2 points').waitFor();
    expect(await page.getByRole('img', { name: /^Point [12]$/ }).count()).toBe(4);
    await checkAccessibility(page, 'alignment');
    await saveScreenshot(page, '45-photo-alignment');
    await page.getByRole('button', { name: 'Line up and save' }).click();
    await page.getByText('Lined up', { exact: true }).waitFor();
    const saved = await invokeFromPage(page, 'photos.alignment.get', {
      firstId: (listed.value as { photos: { id: string }[] }).photos[0]!.id,
      secondId: (listed.value as { photos: { id: string }[] }).photos[1]!.id,
    });
    const landmarks = saved.value as { first: { x: number; y: number }[]; second: { x: number; y: number }[] };
    for (const side of [landmarks.first, landmarks.second]) {
      side.forEach((point, i) => {
        expect(point.x).toBeCloseTo(pupils[i]!.x, 1);
        expect(point.y).toBeCloseTo(pupils[i]!.y, 1);
      });
    }
    // The second photo is drawn moved onto the first (a similarity transform), the first is not.
    await compareMode(page, 'Side by side');
    const transforms = await Promise.all([1, 2].map((n) => styleOf(page.locator(`[data-testid="compare-pane-${n}"] img`), 'transform')));
    expect(transforms[0]).toBe('');
    expect(transforms[1]).toMatch(/^matrix\(/);

    // Brightness matching is a view option: a filter on screen only.
    await page.getByRole('switch', { name: /Match brightness/ }).check({ force: true });
    await expect.poll(() => styleOf(page.locator('[data-testid="compare-pane-2"] img'), 'filter')).toMatch(/^brightness\(/);

    // The lined-up pair as an overlay: the pupils sit on each other.
    await compareMode(page, 'Overlay');
    await page
      .getByRole('group', { name: 'The two photos, Overlay' })
      .getByRole('img', { name: /^Photo: After/ })
      .waitFor();
    await saveScreenshot(page, '48-photo-compare-aligned-overlay');
    await compareMode(page, 'Side by side');

    // Export for the clinical record: no photography consent is on file, so it is refused, said plainly.
    await page.getByRole('button', { name: 'Export…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export the comparison' });
    await exportDialog.getByText('No photography consent in force: the client\u2019s photos cannot be exported for any use.').waitFor();
    // Every use is greyed out before Export is pressed, and Export with them.
    for (const use of ['Clinical record (e.g. a referral)', 'Teaching (anonymised)', 'Marketing, face visible', 'Marketing, face hidden']) {
      expect(await exportDialog.getByRole('radio', { name: use }).isDisabled()).toBe(true);
    }
    expect(await exportDialog.getByRole('button', { name: 'Export…' }).isDisabled()).toBe(true);
    expect(app.saveRequests).toHaveLength(0);
    await checkAccessibility(page, 'export refused');
    await saveScreenshot(page, '46-photo-export-no-consent');
    await exportDialog.getByRole('button', { name: 'Cancel' }).click();

    // The camera (Chromium's fake one), with the earlier front photo as a ghost over it.
    await page.getByRole('button', { name: 'Back to Ada Lovelace' }).click();
    await page.getByRole('tab', { name: 'Photos' }).click();
    await page.getByRole('button', { name: 'Take photo' }).click();
    const capture = page.getByRole('dialog', { name: 'Take a photo' });
    await capture.getByLabel('Add without consent (admins): reason').fill('Camera check for the older photos');
    await capture.getByTestId('camera-ghost').waitFor();
    const take = capture.getByRole('button', { name: 'Take photo' });
    await expect.poll(() => take.isEnabled(), { timeout: 30_000 }).toBe(true);
    await capture.getByText(/^Ghost: After · Front/).waitFor();
    await capture.getByText('Earlier photo as a ghost: 35%').waitFor();
    await checkAccessibility(page, 'camera capture');
    await saveScreenshot(page, '47-photo-capture');
    await take.click();
    await page.getByText('Photo stored').waitFor();
    await capture.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => grid.getByRole('gridcell').count()).toBe(3);

    expect(app.faults).toEqual([]);
    // Thumbnails, previews (blob: URLs) and the live camera all ran inside the unchanged CSP.
    expect(app.pageErrors.filter((line) => /Content Security Policy/i.test(line))).toEqual([]);

    // Nothing readable on disk: no image signature, no stretch of any imported file.
    const signatures = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('JFIF\0', 'latin1'), Buffer.from('Exif\0\0', 'latin1')];
    const pieces = [files.front, files.rotated].flatMap((bytes) => [
      bytes.subarray(0, 24),
      bytes.subarray(Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 32),
      bytes.subarray(bytes.length - 32),
    ]);
    const stored = filesUnder(dataDir);
    expect(stored.length).toBeGreaterThan(0);
    for (const file of stored) {
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])), `${file} starts like a JPEG`).toBe(false);
      for (const needle of [...signatures, ...pieces]) expect(bytes.indexOf(needle), `${file} holds readable image bytes`).toBe(-1);
    }
  }, 600_000); // One long journey with eight accessibility scans on a shared 2-core machine.
});
