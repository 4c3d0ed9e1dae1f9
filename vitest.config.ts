import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Test files at once: at least two. Vitest's own default is one less than the cores, which on a
 * 2-core CI machine is one file at a time while the other core waits: the tests spend much of
 * their time in child processes (the CLI, killed writers, the photo worker, Chromium) and disk
 * syncs, so two files side by side keep both cores busy. Unit and e2e files share the workers
 * (same number, one queue), so neither project waits for the other's slowest file.
 */
const workers = Math.max(2, availableParallelism() - 1);

/** What the unit and trust projects share: Node files, two or more side by side. */
const nodeFiles = {
  environment: 'node' as const,
  // Photo processes start from a bundle made once for the run, not from TypeScript under tsx.
  globalSetup: ['tests/support/photo-worker-bundle.ts'],
  setupFiles: ['tests/support/use-built-photo-worker.ts'],
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: 'forks' as const,
  maxWorkers: workers,
  // The CLI keeps the audit head it last saw in the app's settings folder: in a temp
  // folder under test, never the real one (files are named by store id, so runs share it).
  env: { SKINLEDGER_SETTINGS: join(tmpdir(), 'skinledger-test-settings') },
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...nodeFiles,
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/packaging/**/*.test.ts'],
          // One module graph per worker, not per file: importing the services again for each of
          // about a hundred small files was 40% of these files' time. They keep no state in
          // modules, stub no globals and mock nothing of their own.
          isolate: false,
        },
      },
      {
        test: {
          ...nodeFiles,
          // The attack, crash and CLI files, each in a fresh module graph: some mock node:fs or
          // change the environment for a while. `npm run test:unit` runs both projects.
          name: 'trust',
          include: ['tests/cli/**/*.test.ts', 'tests/trust/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One clinic made for the run, copied into each test's data folder (see createClinic).
          globalSetup: ['tests/e2e/support/clinic-template.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // expect.poll waits as long as a Playwright wait does (30 s), not vitest's 1 s: what
          // it polls follows a click, which a loaded machine can take more than a second to show.
          expect: { poll: { timeout: 30_000 } },
          // Each file owns its temp folders, servers (port 0) and browser, and screenshots have
          // names of their own, so files run side by side like the unit files.
          pool: 'forks',
          maxWorkers: workers,
        },
      },
    ],
  },
});
