import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp-folder';

const script = resolve(import.meta.dirname, '../../scripts/check-electron.ts');

describe('npm start without Electron’s program', () => {
  it('says in one line that Electron is missing and what to do, and exits 1', () => {
    const empty = tempFolder('skinledger-no-electron-');
    try {
      // An empty dist folder: what an install with ELECTRON_SKIP_BINARY_DOWNLOAD=1 leaves, wherever it ran.
      const result = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty.path } });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/needs Electron's program.*npx --no install-electron/);
      expect(result.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    } finally {
      empty.remove();
    }
  });
});
