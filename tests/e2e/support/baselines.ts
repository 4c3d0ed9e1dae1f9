import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { frontDeskViewport } from '../harness';
import { diffPixels, type RgbaImage } from './pixel-diff';

const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** The pictures a layout is held to (tracked; refreshed on purpose by npm run baselines:refresh). */
export const baselineFolder = join(repoRoot, 'tests/e2e/baselines');
/** Where a failed comparison leaves the picture taken and the diff (ignored). */
export const baselineDiffFolder = join(repoRoot, 'tests/e2e/baseline-diffs');
/** Set by scripts/refresh-baselines.ts: write the pictures as the new baselines instead of comparing. */
export const refreshingBaselines = process.env.SKINLEDGER_REFRESH_BASELINES === '1';

/**
 * At most this share of the pixels may differ (0.3% of 1366x768 is about 3,100 pixels): room for
 * text rasterised a little differently by another Chromium, far less than a moved panel, a
 * wrapped heading or a missing button.
 */
export const maxDifferingRatio = 0.003;

const fontRoute = '/__baseline-fonts/';

/**
 * The app names system fonts first, so the same screen looks different on every machine. For
 * pictures compared across machines the page is given one font from the repository
 * (resources/fonts: DejaVu, Debian's default), served by the test, never the machine's.
 */
export async function pinBaselineFonts(page: Page, origin: string): Promise<void> {
  await page.route(`${origin}${fontRoute}*`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(fontRoute.length);
    if (!/^DejaVuSans(Mono)?(-Bold)?\.ttf$/.test(name)) return route.fulfill({ status: 404 });
    await route.fulfill({ status: 200, contentType: 'font/ttf', body: readFileSync(join(repoRoot, 'resources/fonts', name)) });
  });
  const face = (family: string, file: string, weight: number) => `@font-face { font-family: '${family}'; src: url('${fontRoute}${file}') format('truetype'); font-weight: ${weight}; }`;
  await page.addStyleTag({
    content: [
      face('Baseline Sans', 'DejaVuSans.ttf', 400),
      face('Baseline Sans', 'DejaVuSans-Bold.ttf', 700),
      face('Baseline Mono', 'DejaVuSansMono.ttf', 400),
      face('Baseline Mono', 'DejaVuSansMono-Bold.ttf', 700),
      `:root { --mantine-font-family: 'Baseline Sans' !important; --mantine-font-family-headings: 'Baseline Sans' !important; --mantine-font-family-monospace: 'Baseline Mono' !important; }`,
    ].join('\n'),
  });
  // Loaded for certain (the route answered, the page's CSP let it in), not silently replaced.
  const loaded = await page.evaluate<number>(`Promise.all([document.fonts.load("16px 'Baseline Sans'"), document.fonts.load("bold 16px 'Baseline Sans'")]).then((faces) => faces.flat().length)`);
  if (loaded !== 2) throw new Error('The baseline font did not load: the pictures would depend on this machine\u2019s fonts.');
}

/**
 * What the clinic sees at 1366x768, held against tests/e2e/baselines/<name>.png: fails, leaving
 * <name>.actual.png and <name>.diff.png in tests/e2e/baseline-diffs/, when more than
 * maxDifferingRatio of the pixels differ. A missing baseline fails too (tests never write
 * tracked files): make it with npm run baselines:refresh and look at it before committing.
 */
export async function expectBaseline(page: Page, name: string): Promise<void> {
  const picture = await steadyScreenshot(page);
  const baselinePath = join(baselineFolder, `${name}.png`);
  const actualPath = join(baselineDiffFolder, `${name}.actual.png`);
  const diffPath = join(baselineDiffFolder, `${name}.diff.png`);
  rmSync(actualPath, { force: true });
  rmSync(diffPath, { force: true });
  if (refreshingBaselines) {
    mkdirSync(baselineFolder, { recursive: true });
    writeFileSync(baselinePath, picture);
    return;
  }
  if (!existsSync(baselinePath)) {
    keep(actualPath, picture);
    throw new Error(`No baseline ${name}.png: run "npm run baselines:refresh", look at tests/e2e/baselines/${name}.png, and commit it.`);
  }
  const expected = await decode(readFileSync(baselinePath));
  const actual = await decode(picture);
  const diff = diffPixels(expected, actual);
  if (diff.ratio > maxDifferingRatio) {
    keep(actualPath, picture);
    keep(diffPath, await encode(diff.picture));
    const percent = (diff.ratio * 100).toFixed(2);
    throw new Error(
      `Screen "${name}" differs from its baseline in ${diff.differing} pixels (${percent}%, at most ${maxDifferingRatio * 100}% allowed): ` +
        `see tests/e2e/baseline-diffs/${name}.diff.png (red = changed) and ${name}.actual.png. ` +
        'If the change is intended, run "npm run baselines:refresh" and commit the new baseline.',
    );
  }
}

/**
 * A screenshot once the screen has stopped changing: two pictures in a row alike (transitions
 * ended, images decoded, fonts loaded), as a person would wait for the screen to settle.
 */
async function steadyScreenshot(page: Page): Promise<Buffer> {
  const size = page.viewportSize();
  if (!size || size.width !== frontDeskViewport.width || size.height !== frontDeskViewport.height) {
    await page.setViewportSize(frontDeskViewport);
  }
  // The pointer rests on an empty corner, so no hover state colours the picture.
  await page.mouse.move(frontDeskViewport.width - 2, frontDeskViewport.height - 2);
  await page.evaluate('document.fonts.ready.then(() => true)');
  const take = () => page.screenshot({ type: 'png', animations: 'disabled', caret: 'hide' });
  let last = await take();
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
    const next = await take();
    if (next.equals(last)) return next;
    last = next;
  }
  throw new Error('The screen did not settle: twenty screenshots in a row all differed.');
}

async function decode(png: Buffer): Promise<RgbaImage> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

function encode(image: RgbaImage): Promise<Buffer> {
  return sharp(Buffer.from(image.data), { raw: { width: image.width, height: image.height, channels: 4 } })
    .png()
    .toBuffer();
}

function keep(path: string, bytes: Buffer): void {
  mkdirSync(baselineDiffFolder, { recursive: true });
  writeFileSync(path, bytes);
}
