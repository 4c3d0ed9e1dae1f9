import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where electron-builder's unpacked app lands on this operating system: under dist/, or the folder
 * SKINLEDGER_DIST names (the workflow's smoke copy); SKINLEDGER_APP names the executable outright.
 */
export function packagedAppPath(): string {
  if (process.env.SKINLEDGER_APP) return process.env.SKINLEDGER_APP;
  const dist = resolve(import.meta.dirname, '../..', process.env.SKINLEDGER_DIST ?? 'dist');
  const arm = process.arch === 'arm64' ? '-arm64' : '';
  const candidates =
    process.platform === 'win32'
      ? [join(dist, 'win-unpacked', 'SkinLedger.exe')]
      : process.platform === 'darwin'
        ? [join(dist, `mac${arm}`, 'SkinLedger.app', 'Contents', 'MacOS', 'SkinLedger'), join(dist, 'mac', 'SkinLedger.app', 'Contents', 'MacOS', 'SkinLedger')]
        : [join(dist, `linux${arm}-unpacked`, 'skinledger'), join(dist, 'linux-unpacked', 'skinledger')];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`No packaged app in ${dist}: run npm run package first (looked for ${candidates.join(', ')}).`);
  return found;
}
