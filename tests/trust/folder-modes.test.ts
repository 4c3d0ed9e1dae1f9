import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreIntoEmptyFolder } from '../../main/backup/restore-backup';
import { syntheticFaceJpeg } from '../support/photo-fixtures';
import { createTestStore, TestClock } from '../support/store';
import { tempFolder } from '../support/temp-folder';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.reverse()) step();
  cleanup = [];
});

/** Each folder at and under `root` with its permission bits, as "path mode" lines (octal). */
function folderModes(root: string): string[] {
  const out = [`. ${(statSync(root).mode & 0o777).toString(8)}`];
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(folder, entry.name);
      out.push(`${prefix}${entry.name} ${(statSync(path).mode & 0o777).toString(8)}`);
      walk(path, `${prefix}${entry.name}/`);
    }
  };
  walk(root, '');
  return out;
}

describe.runIf(process.platform !== 'win32')('every folder SkinLedger creates is for its own user only (0700)', () => {
  it('the data folder and its photo folders, as set-up and an import make them, and a folder a restore makes', async () => {
    const root = tempFolder('skinledger-modes-');
    cleanup.push(() => root.remove());
    // Folders that do not exist yet, several levels deep, as a clinic's chosen path may be.
    const dataDir = join(root.path, 'clinic', 'records');
    const store = await createTestStore(dataDir);
    const client = store.services.clients.create(store.admin.id, { firstName: 'Mode', lastName: 'Check' });
    const [imported] = await store.services.photos.import(store.admin.id, {
      clientId: client.id,
      labels: { view: 'front', stage: 'before' },
      files: [{ fileName: 'front.jpg', bytes: await syntheticFaceJpeg({ width: 160, height: 120, hue: 10, seed: 1 }) }],
      override: { reason: 'folder modes test, no consent form' },
    });
    expect(imported?.outcome).toBe('imported');
    const backups = join(root.path, 'usb');
    mkdirSync(backups);
    const backup = await store.services.backup.backupToFile(store.admin.id, backups);
    await store.services.photos.close();
    store.services.close();

    const modes = folderModes(dataDir);
    expect(modes.some((line) => line.startsWith('photos/'))).toBe(true);
    for (const line of modes) expect(line, `data folder: ${line}`).toMatch(/ 700$/);

    const restored = join(root.path, 'new-pc', 'records');
    await restoreIntoEmptyFolder(restored, { archivePath: backup.path, unlock: { kind: 'recovery', recoveryKey: store.recoveryKey }, clock: new TestClock(), via: 'app' });
    const restoredModes = folderModes(restored);
    expect(restoredModes.some((line) => line.startsWith('photos/'))).toBe(true);
    for (const line of restoredModes) expect(line, `restored folder: ${line}`).toMatch(/ 700$/);
  });
});
