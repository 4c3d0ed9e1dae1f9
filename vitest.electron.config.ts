import { defineConfig } from 'vitest/config';

/** The packaged-app smoke test: only where Electron's binary exists (the desktop workflow). */
export default defineConfig({
  test: {
    include: ['tests/electron/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
