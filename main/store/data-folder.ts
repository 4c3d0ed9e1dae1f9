import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { keySlotFileName } from '../crypto/key-slot-file';

export const databaseFileName = 'skinledger.db';

export interface DataFolder {
  root: string;
  database: string;
  keySlots: string;
}

export function dataFolder(root: string): DataFolder {
  return { root, database: join(root, databaseFileName), keySlots: join(root, keySlotFileName) };
}

export type DataFolderState = 'empty' | 'store' | 'key-file-missing' | 'database-missing' | 'not-empty';

/**
 * What is in the folder, before anything is opened or written. Only an empty (or absent)
 * folder may receive a new store: anything else is refused, so a store is never created over
 * one that exists, whatever state it is in.
 */
export function inspectDataFolder(folder: DataFolder): DataFolderState {
  const hasDatabase = existsSync(folder.database);
  const hasKeys = existsSync(folder.keySlots);
  if (hasDatabase && hasKeys) return 'store';
  if (hasDatabase) return 'key-file-missing';
  if (hasKeys) return 'database-missing';
  if (!existsSync(folder.root)) return 'empty';
  const entries = readdirSync(folder.root).filter((name) => !name.startsWith('.'));
  return entries.length === 0 ? 'empty' : 'not-empty';
}
