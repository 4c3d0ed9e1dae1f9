import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/packaging/**/*.test.ts', 'tests/trust/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // The CLI keeps the audit head it last saw in the app's settings folder: in a temp
          // folder under test, never the real one (files are named by store id, so runs share it).
          env: { SKINLEDGER_SETTINGS: join(tmpdir(), 'skinledger-test-settings') },
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
          // One browser at a time: CI has two cores, and screenshots must not fight for them.
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
