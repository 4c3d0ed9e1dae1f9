import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { tempFolder } from '../../support/temp-folder';
import { launchApp, shareBrowserAcrossLaunches, type LaunchOptions, type LaunchedApp } from '../harness';

/**
 * One fresh temp data folder per test and a launcher that is always closed afterwards, even
 * when the test fails half-way. Call once at the top of a test file. The file's launches share
 * one Chromium, each app in a fresh browser context.
 */
export function useAppPerTest() {
  let folder: ReturnType<typeof tempFolder> | null = null;
  let app: LaunchedApp | null = null;
  let closeBrowsers: (() => Promise<void>) | null = null;

  beforeAll(() => {
    closeBrowsers = shareBrowserAcrossLaunches();
  });
  afterAll(async () => {
    await closeBrowsers?.();
  });

  afterEach(async () => {
    await app?.close();
    folder?.remove();
    app = null;
    folder = null;
  });

  return {
    /** A new, empty data folder (and a scratch folder beside it) for this test. */
    folders() {
      folder ??= tempFolder('skinledger-e2e-');
      return { dataDir: join(folder.path, 'data'), scratch: folder.path };
    },
    async launch(options: Omit<LaunchOptions, 'dataDir'> & { dataDir?: string } = {}) {
      app = await launchApp({ dataDir: options.dataDir ?? this.folders().dataDir, logDir: join(this.folders().scratch, 'logs'), ...options });
      return app;
    },
  };
}
