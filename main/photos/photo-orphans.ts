import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SqliteDatabase } from '../store/open-database';
import { photoFileKinds, photosFolderName } from './photo-file-names';

export interface OrphanPhotoFiles {
  /** Files looked at under photos/. */
  files: number;
  /** Paths relative to the data folder ("photos/ab/<id>.thumb") of files no photo row accounts for. */
  orphans: string[];
  /** How many of the orphans are still queued for removal (a removal that could not finish). */
  queued: number;
}

const fileName = new RegExp(`^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.(${photoFileKinds.join('|')})$`);

/**
 * Photo files on disk that no photo row points at: left by an import cut off before its row
 * was written, by a removal that could not finish, or put there by hand. They hold an encrypted
 * image of someone (perhaps a purged client), so `verify` names them. A `.partial` file, or a
 * file in the wrong sub-folder, is counted as one too. Names only: nothing is decrypted.
 */
export function findOrphanPhotoFiles(db: SqliteDatabase, dataDir: string): OrphanPhotoFiles {
  const known = new Set(db.prepare('SELECT id FROM photo').pluck().all() as string[]);
  const queuedIds = new Set(db.prepare('SELECT photo_id FROM photo_file_removal').pluck().all() as string[]);
  const root = join(dataDir, photosFolderName);
  let files = 0;
  let queued = 0;
  const orphans: string[] = [];
  for (const folder of entriesOf(root)) {
    const folderPath = join(root, folder.name);
    if (!folder.isDirectory()) {
      files++;
      orphans.push(`${photosFolderName}/${folder.name}`);
      continue;
    }
    for (const entry of entriesOf(folderPath)) {
      files++;
      const match = entry.isFile() ? fileName.exec(entry.name) : null;
      const id = match?.[1];
      if (id && known.has(id) && id.startsWith(folder.name)) continue;
      if (id && queuedIds.has(id)) queued++;
      orphans.push(`${photosFolderName}/${folder.name}/${entry.name}`);
    }
  }
  orphans.sort();
  return { files, orphans, queued };
}

function entriesOf(folder: string) {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}
