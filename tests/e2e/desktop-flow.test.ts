import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp-folder';
import { createClinicOnSetUp, lockThenUnlock, saveRecoveryKitAndContinue, signInAfterRestart } from '../desktop-flow/first-day';
import { launchApp, type LaunchedApp } from './harness';

let app: LaunchedApp | null = null;
let folder: ReturnType<typeof tempFolder> | null = null;
afterEach(async () => {
  await app?.close();
  folder?.remove();
  app = null;
  folder = null;
});

describe('the desktop smoke flow, in the browser', () => {
  it('creates a clinic, saves the Recovery Kit, locks and unlocks, then signs in again after a restart', async () => {
    folder = tempFolder('skinledger-flow-');
    const dataDir = join(folder.path, 'data');
    const kitPath = join(folder.path, 'Recovery Kit.pdf');
    app = await launchApp({ dataDir, savePath: kitPath });
    await createClinicOnSetUp(app.page);
    await saveRecoveryKitAndContinue(app.page);
    expect(readFileSync(kitPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await lockThenUnlock(app.page);
    await app.close();

    app = await launchApp({ dataDir });
    await signInAfterRestart(app.page);
    expect(app.faults).toEqual([]);
  });
});
