import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findResourcesFolder, fontPaths, resourcesFolderCandidates } from '../../../main/pdf/fonts';

const repoResources = resolve(import.meta.dirname, '..', '..', '..', 'resources');

describe('PDF fonts', () => {
  it('finds the project’s resources folder from the sources, and every font file in it', () => {
    expect(findResourcesFolder()).toBe(repoResources);
    for (const path of Object.values(fontPaths())) expect(existsSync(path)).toBe(true);
  });

  it('looks first where it is told, then in the packaged app’s unpacked resources', () => {
    const processWithResources = process as NodeJS.Process & { resourcesPath?: string };
    processWithResources.resourcesPath = '/opt/SkinLedger/resources';
    try {
      const candidates = resourcesFolderCandidates('/custom/resources');
      expect(candidates[0]).toBe('/custom/resources');
      expect(candidates).toContain('/opt/SkinLedger/resources/app.asar.unpacked/resources');
    } finally {
      Reflect.deleteProperty(processWithResources, 'resourcesPath');
    }
  });

  it('passes over a folder that holds no fonts to the next place', () => {
    const empty = mkdtempSync(join(tmpdir(), 'skinledger-fonts-'));
    try {
      expect(findResourcesFolder(empty)).toBe(repoResources);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
