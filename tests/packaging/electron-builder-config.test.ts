import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { builderConfig, quietDebugLogger } from './electron-builder-lib';

const projectDir = resolve(import.meta.dirname, '../..');

describe('electron-builder.yml', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await builderConfig.getConfig(projectDir, null, null);
  });

  it("passes electron-builder's own schema validation, offline", async () => {
    await expect(builderConfig.validateConfiguration(config, quietDebugLogger())).resolves.toBeUndefined();
  });

  it('is really checked: a misspelt option is refused', async () => {
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } } as Configuration;
    await expect(builderConfig.validateConfiguration(misspelt, quietDebugLogger())).rejects.toThrow(/electronFuses/);
  });

  it('names the app', () => {
    expect(config.appId).toBe('app.skinledger.desktop');
    expect(config.productName).toBe('SkinLedger');
    expect(config.directories?.output).toBe('dist');
  });

  it('packs into an asar with the SQLite add-on and resources unpacked, and never rebuilds', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3-multiple-ciphers/**', 'node_modules/sharp/**', 'node_modules/@img/**', 'resources/**']));
    expect(config.npmRebuild).toBe(false);
    expect(config.publish).toBeNull();
  });

  it('keeps sources, maps and .env files out, with no per-platform files list to replace that', () => {
    const filters = (config.files as { filter?: string[] }[]).flatMap((set) => set.filter ?? []);
    expect(filters).toEqual(expect.arrayContaining(['out/**', 'package.json', 'resources/**', '!**/*.map', '!**/.env', '!**/.env.*']));
    expect(filters).toContain('!**/*.{ts,tsx,mts,cts}');
    // A `files` under win/linux/mac is not added to the list above: electron-builder uses it
    // instead, which let the whole project into the package when we tried it.
    for (const platform of [config.win, config.linux, config.mac]) expect(platform?.files).toBeUndefined();
  });

  it('switches off RunAsNode and friends with fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds NSIS for Windows, AppImage and deb for Linux, dmg for macOS', () => {
    const targetNames = (targets: unknown) => (Array.isArray(targets) ? targets : [targets]).map((target: string | { target: string }) => (typeof target === 'string' ? target : target.target));
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
    // deb refuses to build without a maintainer.
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
  });

  it('has an app icon big enough for every installer (macOS wants 512 px or more)', () => {
    const png = readFileSync(join(projectDir, config.directories?.buildResources ?? 'build', 'icon.png'));
    // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit numbers.
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16));
  });
});
