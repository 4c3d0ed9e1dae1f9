import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asar, builder } from './electron-builder-lib';

/**
 * A real `electron-builder --linux dir --x64 --publish never` run over the built app, against a
 * stub Electron (there is no Electron binary on our build machines and none can be downloaded),
 * then a look inside the app.asar it produced. It runs on a staged copy of the project with
 * decoys planted (sources, tests, .env files, source maps) to prove the files list keeps them out.
 * Needs `npm run build` first; `npm test` does that before vitest.
 */
const projectDir = resolve(import.meta.dirname, '../..');
const builtEntries = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

const decoys = [
  '.env',
  '.env.production',
  'out/.env',
  'out/main/.env.local',
  'out/main/index.js.map',
  'out/renderer/leftover.ts',
  'resources/.env',
  'main/index.ts',
  'shared/contract/channels.ts',
  'renderer/main.tsx',
  'tests/unit/decoy.test.ts',
];

let work = '';
let appOut = '';
let archive = '';
let entries: string[] = [];
let productionPackages: string[] = [];

beforeAll(async () => {
  const missing = builtEntries.filter((file) => !existsSync(join(projectDir, file)));
  if (missing.length > 0) throw new Error(`Build the app first (npm run build; npm test does it): missing ${missing.join(', ')}`);

  work = mkdtempSync(join(tmpdir(), 'skinledger-package-'));
  const stage = join(work, 'project');
  const electronDist = join(work, 'electron');
  const output = join(work, 'dist');

  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) mirror(join(projectDir, file), join(stage, file));
  mirror(join(projectDir, 'out'), join(stage, 'out'));
  if (existsSync(join(projectDir, 'resources'))) mirror(join(projectDir, 'resources'), join(stage, 'resources'));
  // Only the production dependencies, as a clean `npm ci --omit=dev` would leave them: npm (which
  // electron-builder asks) cannot read a node_modules that is a symlink to another project.
  productionPackages = productionPackagePaths();
  for (const path of productionPackages) mirror(join(projectDir, path), join(stage, path));
  for (const decoy of decoys) {
    mkdirSync(dirname(join(stage, decoy)), { recursive: true });
    writeFileSync(join(stage, decoy), 'SECRET=do-not-ship\n');
  }

  // What electron-builder needs of an unpacked Electron for Linux: the `electron` executable
  // (renamed to the app's name) and a resources folder for app.asar to go in.
  mkdirSync(join(electronDist, 'resources'), { recursive: true });
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(electronDist, 'electron'), 0o755);
  writeFileSync(join(electronDist, 'LICENSE'), 'stub\n');

  await builder.build({
    projectDir: stage,
    targets: builder.Platform.LINUX.createTarget(['dir'], builder.Arch.x64),
    publish: 'never',
    config: {
      electronDist,
      electronVersion: readElectronVersion(),
      directories: { output },
      // Fuses are flipped inside the real Electron binary; a stub has none, so they are switched
      // off for this run only. Their settings are checked in electron-builder-config.test.ts.
      electronFuses: null,
    },
  });

  appOut = join(output, 'linux-unpacked');
  archive = join(appOut, 'resources', 'app.asar');
  entries = asar.listPackage(archive, { isPack: false }).map((entry) => entry.replace(/\\/g, '/').replace(/^\//, ''));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('electron-builder --dir, with a stub Electron', () => {
  it('produces the app under its own name', () => {
    expect(existsSync(join(appOut, 'skinledger'))).toBe(true);
    expect(existsSync(archive)).toBe(true);
  });

  it('packs the built main, preload and renderer, and package.json points at main', () => {
    expect(entries).toEqual(expect.arrayContaining([...builtEntries, 'package.json']));
    const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string };
    expect(entries).toContain(manifest.main);
    expect(asar.extractFile(archive, 'out/main/index.js').equals(readFileSync(join(projectDir, 'out/main/index.js')))).toBe(true);
  });

  it('holds nothing at the top but the built app, its manifest, resources and dependencies', () => {
    const top = new Set(entries.map((entry) => entry.split('/')[0]));
    expect([...top].filter((name) => !['out', 'package.json', 'resources', 'node_modules'].includes(name!))).toEqual([]);
  });

  it('leaves out sources, tests, source maps and .env files', () => {
    expect(entries.filter((entry) => /\.(ts|tsx|mts|cts)$/.test(entry) && !entry.endsWith('.d.ts'))).toEqual([]);
    expect(entries.filter((entry) => entry.endsWith('.map'))).toEqual([]);
    expect(entries.filter((entry) => /(^|\/)\.env(\.|$)/.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /^(main|shared|renderer|tests)(\/|$)/.test(entry))).toEqual([]);
    expect(entries).not.toContain('electron-builder.yml');
    expect(entries).not.toContain('package-lock.json');
  });

  it('holds every production dependency and no development one', () => {
    const packed = new Set(entries);
    // electron-builder may hoist a nested package (sharp's own semver) once dev packages are gone.
    const packageName = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const missing = productionPackages.filter((path) => !packed.has(`${path}/package.json`) && !packed.has(`node_modules/${packageName(path)}/package.json`));
    expect(missing).toEqual([]);
    for (const devOnly of ['electron', 'react', 'vite', 'vitest', 'typescript', '@mantine/core', 'electron-builder']) {
      expect(packed.has(`node_modules/${devOnly}/package.json`)).toBe(false);
    }
  });

  it("unpacks the SQLite add-on next to the archive, with only this platform's builds", () => {
    const module = 'node_modules/better-sqlite3-multiple-ciphers';
    const unpacked = join(appOut, 'resources', 'app.asar.unpacked', module);
    expect(asar.statFile(archive, `${module}/lib/index.js`).unpacked).toBe(true);
    expect(readdirSync(join(unpacked, 'prebuilds')).sort()).toEqual(['linux-arm64.node', 'linux-x64.node']);
    expect(existsSync(join(unpacked, 'deps'))).toBe(false);
    expect(existsSync(join(unpacked, 'src'))).toBe(false);
  });

  it('keeps every native binary out of the archive, where dlopen can load it', () => {
    const binaries = entries.filter((entry) => /\.(node|so(\.\d+)*|dll|dylib)$/.test(entry));
    expect(binaries.length).toBeGreaterThan(0);
    for (const binary of binaries) {
      expect(asar.statFile(archive, binary).unpacked, binary).toBe(true);
      expect(existsSync(join(appOut, 'resources', 'app.asar.unpacked', binary)), binary).toBe(true);
    }
  });

  it('unpacks resources (the PDF fonts) so pdfkit reads them from disk', () => {
    const fonts = join(projectDir, 'resources', 'fonts');
    const unpackedResources = join(appOut, 'resources', 'app.asar.unpacked', 'resources');
    if (!existsSync(fonts)) {
      expect(entries.filter((entry) => entry.startsWith('resources/fonts/'))).toEqual([]);
      return;
    }
    const fontFiles = readdirSync(fonts, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => relative(fonts, join(entry.parentPath, entry.name)));
    for (const font of fontFiles) expect(existsSync(join(unpackedResources, 'fonts', font)), font).toBe(true);
  });
});

function readElectronVersion(): string {
  return (JSON.parse(readFileSync(join(projectDir, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
}

/** Packages a production install holds, read from package-lock.json (paths like node_modules/x). */
function productionPackagePaths(): string[] {
  const lock = JSON.parse(readFileSync(join(projectDir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean; link?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional && !entry.link)
    .map(([path]) => path)
    .filter((path) => existsSync(join(projectDir, path)));
}

/** Hard-links a file or folder tree (copies across file systems): fast, and leaves the source alone. */
function mirror(source: string, target: string): void {
  const stat = lstatSync(source);
  if (stat.isDirectory()) {
    mkdirSync(target, { recursive: true });
    for (const name of readdirSync(source)) {
      // Nested packages are mirrored on their own when they are production ones.
      if (name === 'node_modules') continue;
      mirror(join(source, name), join(target, name));
    }
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  if (stat.isSymbolicLink()) {
    symlinkSync(readlinkSync(source), target);
    return;
  }
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}
