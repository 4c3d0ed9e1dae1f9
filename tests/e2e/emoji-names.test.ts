import { describe, expect, it } from 'vitest';
import { useAppPerTest } from './support/app-test';
import { clinic, createClinic } from './support/clinic';
import { profileHeading, searchClients } from './support/records';
import { saveScreenshot } from './support/screenshots';
import { expectSignedIn, openNav, signIn } from './support/screens';

const harness = useAppPerTest();

describe('emoji in names', () => {
  it('shows a client named with an emoji in the bundled emoji font, never an empty box', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const app = await harness.launch({ dataDir });
    const { page } = app;
    await signIn(page, clinic.admin.name, clinic.admin.password);
    await expectSignedIn(page);
    const { services, staff } = app.runtime.current();
    services.clients.create(staff.id, { firstName: 'Zoë 🌸', lastName: 'Nguyễn', notes: 'Prefers mornings ☀️; brought flowers 🌷.' });

    await openNav(page, 'Clients');
    await searchClients(page, app.calls, 'zoe');
    await page.getByRole('option', { name: /Zoë 🌸 Nguyễn/ }).click();
    await profileHeading(page, 'Zoë 🌸 Nguyễn').waitFor();
    // This Chromium has no emoji font of its own: the flower is drawn with the bundled one.
    await expect.poll(() => page.evaluate("[...document.fonts].some((face) => face.family.includes('SkinLedger Emoji') && face.status === 'loaded')")).toBe(true);
    await saveScreenshot(page, '21-profile-emoji-name');
  });
});
