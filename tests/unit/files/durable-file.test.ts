import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileDurably, replaceFileDurably, syncFolder } from '../../../main/files/durable-file';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder('skinledger-durable-');
});
afterEach(() => folder.remove());

describe('durable files', () => {
  it('replace a file whole, owner-only, leaving no sibling behind', () => {
    const path = join(folder.path, 'state.json');
    writeFileSync(path, 'old');
    replaceFileDurably(path, [Buffer.from('new '), Buffer.from('bytes')]);
    expect(readFileSync(path, 'utf8')).toBe('new bytes');
    replaceFileDurably(path, 'text', { sibling: `${path}.tmp` });
    expect(readFileSync(path, 'utf8')).toBe('text');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder.path)).toEqual(['state.json']);
  });

  it('throw when the rename fails, removing the half-written sibling and keeping what was there', () => {
    const path = join(folder.path, 'taken');
    mkdirSync(join(path, 'inside'), { recursive: true });
    expect(() => replaceFileDurably(path, 'bytes')).toThrow();
    expect(readdirSync(folder.path)).toEqual(['taken']);
    expect(existsSync(join(path, 'inside'))).toBe(true);
  });

  it('create a new file, and refuse one that is already there', () => {
    const path = join(folder.path, 'keyslots.json');
    createFileDurably(path, 'first');
    expect(() => createFileDurably(path, 'second')).toThrow(/EEXIST/);
    expect(readFileSync(path, 'utf8')).toBe('first');
  });

  it('flush a folder without failing where a folder cannot be flushed', () => {
    expect(() => syncFolder(folder.path)).not.toThrow();
    expect(() => syncFolder(join(folder.path, 'missing'))).not.toThrow();
  });
});
