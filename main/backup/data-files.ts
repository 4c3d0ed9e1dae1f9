import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { keySlotFileName } from '../crypto/key-slot-file';
import { databaseFileName } from '../store/data-folder';

export interface DataFile {
  /** Relative to the data folder, with forward slashes (the name inside the backup). */
  path: string;
  absolute: string;
  size: number;
}

/** The live database and its companions are copied by the snapshot; the key file is read on its own. */
const notCopied = new Set([databaseFileName, `${databaseFileName}-wal`, `${databaseFileName}-shm`, `${databaseFileName}-journal`, keySlotFileName, `${keySlotFileName}.next`]);

function isTemporary(name: string): boolean {
  return name.startsWith('.') || name.endsWith('.tmp') || name.endsWith('.partial');
}

/**
 * Every other file under the data folder (photos, PDFs and whatever later features keep there),
 * as it is: each is already encrypted by the feature that wrote it. Hidden and temporary files
 * (snapshots, half-written files) are left out; links are never followed.
 */
export function dataFilesToBackUp(dataDir: string): DataFile[] {
  const files: DataFile[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (isTemporary(entry.name)) continue;
      if (prefix === '' && notCopied.has(entry.name)) continue;
      const absolute = join(folder, entry.name);
      const path = prefix + entry.name;
      if (entry.isDirectory()) walk(absolute, `${path}/`);
      else if (entry.isFile()) files.push({ path, absolute, size: lstatSync(absolute).size });
    }
  };
  walk(dataDir, '');
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
