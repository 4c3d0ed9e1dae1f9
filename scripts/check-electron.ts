/**
 * Runs before `npm start` and `npm run dev`: where Electron's program was never downloaded
 * (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or offline), say so in one line with what to
 * do, instead of a download attempt and a stack trace from deep inside electron-vite.
 * Plain Node (types stripped), so it costs no start-up time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const pathFile = join(packageDir, 'path.txt');
const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
const installed = executable !== null && existsSync(override ? join(override, executable) : join(packageDir, 'dist', executable));

if (!installed) {
  console.error(
    'SkinLedger needs Electron\'s program, which is not installed here: with internet, run "npx --no install-electron" (or "npm ci" without ELECTRON_SKIP_BINARY_DOWNLOAD), then "npm start" again.',
  );
  process.exit(1);
}
