import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { backupFileExtension } from '../../shared/contract/backup-channels';
import { backupFileName, backupNamePattern } from './archive-format';
import { describeBackupFile } from './read-archive';

/** A file in the backup folder, described from its unencrypted header alone (no key needed). */
export interface FolderBackup {
  file: string;
  path: string;
  sizeBytes: number;
  createdAt: Date | null;
  appVersion: string | null;
  storeId: string | null;
  readable: boolean;
  /** Named by SkinLedger's scheduled backups: the only files rotation may ever remove. */
  scheduledName: boolean;
}

export async function listFolderBackups(folder: string): Promise<FolderBackup[]> {
  const found: FolderBackup[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(backupFileExtension)) continue;
    const path = join(folder, entry.name);
    const base = { file: entry.name, path, sizeBytes: statSync(path).size, scheduledName: backupNamePattern.test(entry.name) };
    try {
      const header = await describeBackupFile(path);
      found.push({ ...base, createdAt: new Date(header.createdAt), appVersion: header.appVersion, storeId: header.storeId, readable: true });
    } catch {
      found.push({ ...base, createdAt: null, appVersion: null, storeId: null, readable: false });
    }
  }
  return found.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
}

/** A name for a backup made now that no file in the folder has yet. */
export function freeBackupPath(folder: string, createdAt: Date): string {
  const taken = new Set(readdirSync(folder));
  for (let attempt = 1; ; attempt++) {
    const name = backupFileName(createdAt, attempt);
    if (!taken.has(name) && !taken.has(`${name}.partial`)) return join(folder, name);
  }
}

/**
 * At start, when no backup of this app is running: every `.partial` this store left in the folder
 * (a backup killed by Ctrl+C, a crash or a power cut). The names are taken now, so a backup that
 * starts meanwhile (a new name, never one of these) is never touched.
 */
export function removeInterruptedPartials(folder: string, storeId: string): Promise<void> {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith(`${backupFileExtension}.partial`) && backupNamePattern.test(name.slice(0, -'.partial'.length)));
  } catch {
    return Promise.resolve();
  }
  return (async () => {
    for (const name of names) {
      const path = join(folder, name);
      try {
        // An empty one holds nothing to lose, whoever's it was.
        if (statSync(path).size === 0 || (await describeBackupFile(path)).storeId === storeId) unlinkSync(path);
      } catch {
        // Unreadable or vanished: not provably ours, so not ours to delete.
      }
    }
  })();
}

/**
 * `.partial` files this store left more than a day ago (a backup killed mid-write). Another PC's,
 * or anything not named by SkinLedger, is left alone.
 */
export async function removeStalePartials(folder: string, storeId: string, now: Date): Promise<void> {
  const dayAgo = now.getTime() - 24 * 60 * 60 * 1000;
  for (const name of readdirSync(folder)) {
    if (!name.endsWith(`${backupFileExtension}.partial`) || !backupNamePattern.test(name.slice(0, -'.partial'.length))) continue;
    const path = join(folder, name);
    try {
      if (statSync(path).mtimeMs > dayAgo) continue;
      if ((await describeBackupFile(path)).storeId === storeId) unlinkSync(path);
    } catch {
      // Unreadable or vanished: not provably ours, so not ours to delete.
    }
  }
}
