import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { bundledInMain } from './main-bundle.config';

/**
 * Three builds from the project's own folders (not src/):
 * - main: the Electron shell and every service, Node; npm "dependencies" stay external and ship
 *   in the asar (the SQLite add-on and pdfkit's font metrics must be real files), but for
 *   `bundledInMain`;
 * - preload: one self-contained CommonJS file, as a sandboxed preload must be;
 * - renderer: the React app, everything bundled, first screen small, the rest lazy-loaded.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: bundledInMain },
      // The admin CLI is a second entry: the same services, bundled for plain Node 24. The photo
      // process's program is a third, beside them (photo-worker.js; see main/photos/photo-processor.ts).
      lib: {
        entry: {
          index: resolve(__dirname, 'main/index.ts'),
          cli: resolve(__dirname, 'main/cli/index.ts'),
          'photo-worker': resolve(__dirname, 'main/photos/photo-worker-main.ts'),
        },
      },
      sourcemap: false,
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      // The first screen's budget is 400 KB gzipped: minified it is about 200.
      minify: true,
      sourcemap: false,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
