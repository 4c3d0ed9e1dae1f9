/**
 * Makes the screen baselines again (tests/e2e/baselines/, tracked) from the built renderer:
 * run it on purpose after an intended layout change, look at every changed PNG, then commit
 * them. Tests themselves only compare, and never write a tracked file.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', '--project', 'e2e', 'tests/e2e/screen-baselines.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SKINLEDGER_REFRESH_BASELINES: '1' },
});
if (run.status === 0) console.log('Baselines written to tests/e2e/baselines/: look at them (git diff --stat), then commit.');
process.exitCode = run.status ?? 1;
