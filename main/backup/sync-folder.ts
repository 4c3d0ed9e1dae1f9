import { closeSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Makes a rename in the folder of `path` durable. Windows cannot open a folder for fsync; NTFS journals renames. */
export function syncFolder(path: string, isFolder = false): void {
  if (process.platform === 'win32') return;
  const fd = openSync(isFolder ? path : dirname(path), 'r');
  try {
    fsyncSync(fd);
  } catch {
    // Some network shares and FUSE drives refuse fsync on folders; the file itself was synced.
  } finally {
    closeSync(fd);
  }
}
