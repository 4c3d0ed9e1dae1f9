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
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
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
