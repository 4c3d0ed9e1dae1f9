import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotFolder } from '../support/temp-folder';
import { checkAccessibility } from './support/axe';
import { useAppPerTest } from './support/app-test';
import { createClinic } from './support/clinic';
import { saveScreenshot } from './support/screenshots';

const harness = useAppPerTest();

describe('a data folder that cannot be opened', () => {
  it('names the damaged key file, offers nothing destructive and leaves every byte as it was', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir);
    writeFileSync(join(dataDir, 'keyslots.json'), '{"version": 1, "slots": [ this is not json');
    const before = snapshotFolder(dataDir);

    const app = await harness.launch({ dataDir });
    const { page } = app;
    await page.getByRole('heading', { name: 'The clinic’s records cannot be opened' }).waitFor();
    await expect(page.getByTestId('store-error-message').textContent()).resolves.toMatch(/key file \(keyslots\.json\) is damaged/);
    await page.getByText('KEY_FILE_DAMAGED').waitFor();
    await checkAccessibility(page, 'store error');
    await saveScreenshot(page, '13-store-error');

    // Nothing on this screen may set up, reset, delete or sign in: only a restore (which keeps
    // the damaged folder aside) and a re-check.
    const buttons = await page.getByRole('button').allTextContents();
    expect(buttons).toEqual(['Restore from a backup…', 'Check again']);
    await page.getByRole('button', { name: 'Check again' }).click();
    await page.getByRole('heading', { name: 'The clinic’s records cannot be opened' }).waitFor();
    expect(app.calls.map((call) => call.channel)).toEqual(['app.status', 'app.status']);

    await app.close();
    expect(snapshotFolder(dataDir)).toEqual(before);
  });
});
