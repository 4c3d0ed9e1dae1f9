import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createClinicOnSetUp, lockThenUnlock, saveRecoveryKitAndContinue, signInAfterRestart } from '../desktop-flow/first-day';
import { packagedAppPath } from './packaged-app';

/**
 * The packaged app, started for real: the same first-day steps the browser harness runs, through
 * Electron's own window, preload, protocol and IPC. Runs in .github/workflows/desktop.yml after
 * electron-builder; never in .ci/run (Electron's binary cannot be downloaded there).
 */
const folder = mkdtempSync(join(tmpdir(), 'skinledger-smoke-'));
const dataDir = join(folder, 'data');
const kitPath = join(folder, 'Recovery Kit.pdf');
let app: ElectronApplication | null = null;

afterAll(async () => {
  await app?.close().catch(() => undefined);
  rmSync(folder, { recursive: true, force: true });
});

async function start(): Promise<ElectronApplication> {
  const launched = await electron.launch({
    executablePath: packagedAppPath(),
    args: [`--user-data-dir=${join(folder, 'user-data')}`],
    env: { ...process.env, SKINLEDGER_DATA: dataDir },
  });
  // A native save dialog cannot be clicked by a test: it answers with the kit's path instead.
  await launched.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
  }, kitPath);
  return launched;
}

describe('the packaged desktop app', () => {
  it('sets up a clinic, saves the Recovery Kit, locks and unlocks, quits, and signs in again', async () => {
    app = await start();
    const window = await app.firstWindow();
    await createClinicOnSetUp(window);
    await saveRecoveryKitAndContinue(window);
    expect(existsSync(kitPath)).toBe(true);
    expect(readFileSync(kitPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await lockThenUnlock(window);
    await app.close();

    app = await start();
    await signInAfterRestart(await app.firstWindow());
  });
});
