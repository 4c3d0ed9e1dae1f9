import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rendererFolder } from './harness';
import { useAppPerTest } from './support/app-test';
import { createClinic } from './support/clinic';

const harness = useAppPerTest();

/** The screen seen every morning must open fast on an old front-desk PC: JS+CSS under 400 KB gzipped. */
const budgetBytes = 400 * 1024;

describe('the first screen stays small', () => {
  it('loads the sign-in screen with at most 400 KB of gzipped JS and CSS', async () => {
    const { dataDir } = harness.folders();
    await createClinic(dataDir, { keySlots: 'test' });
    const requested: string[] = [];
    const app = await harness.launch({ dataDir });
    app.page.on('request', (request) => requested.push(request.url()));
    await app.page.reload();
    await app.page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();

    const assets = [...new Set(requested)].map((url) => new URL(url).pathname).filter((path) => /\.(js|css)$/.test(path));
    const sizes = assets.map((path) => ({ path, gzipped: gzipSync(readFileSync(join(rendererFolder, path))).length }));
    const total = sizes.reduce((sum, file) => sum + file.gzipped, 0);
    console.info(`first screen: ${(total / 1024).toFixed(1)} KB gzipped in ${sizes.length} files\n${sizes.map((f) => `  ${f.path} ${(f.gzipped / 1024).toFixed(1)} KB`).join('\n')}`);
    expect(assets.some((path) => path.endsWith('.js'))).toBe(true);
    // The signed-in app and settings are lazy: not part of the first screen.
    expect(assets.some((path) => /SignedInApp|SettingsPage/.test(path))).toBe(false);
    expect(total).toBeLessThanOrEqual(budgetBytes);
  });
});
