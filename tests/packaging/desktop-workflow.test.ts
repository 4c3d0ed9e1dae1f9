import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp-folder';

const projectDir = resolve(import.meta.dirname, '../..');
const workflowPath = join(projectDir, '.github/workflows/desktop.yml');
const validator = join(projectDir, 'node_modules/@action-validator/cli/cli.mjs');

/** action-validator checks a workflow against GitHub's published schema, offline (it ships the schema). */
function validate(path: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(process.execPath, [validator, path], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

describe('the desktop workflow (installers and the packaged-app smoke test)', () => {
  it("passes GitHub's workflow schema, offline", () => {
    const result = validate(workflowPath);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('is really checked: a misspelt key is refused', () => {
    const folder = tempFolder('skinledger-workflow-');
    try {
      const misspelt = join(folder.path, 'desktop.yml');
      writeFileSync(misspelt, readFileSync(workflowPath, 'utf8').replace('runs-on:', 'run-on:'));
      const result = validate(misspelt);
      expect(result.ok).toBe(false);
      expect(result.output).toMatch(/run-on/);
    } finally {
      folder.remove();
    }
  });

  it('builds on Windows, macOS and Linux and runs the smoke test against the packaged app', () => {
    const text = readFileSync(workflowPath, 'utf8');
    expect(text).toMatch(/os: \[ubuntu-latest, windows-latest, macos-latest\]/);
    expect(text).toMatch(/npx electron-builder --publish never/);
    expect(text).toMatch(/vitest run --config vitest\.electron\.config\.ts/);
    // Electron is downloaded there, as on a clinic's machine: never skipped in this workflow.
    expect(text).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
  });
});
