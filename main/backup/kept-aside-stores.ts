import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StoreError } from '../store/store-error';

/** A store a restore moved aside (`<data>.replaced-<time>`): a whole copy of the records it held. */
export interface KeptAsideStore {
  name: string;
  /** When the restore moved it aside (from its name); null if the name was changed by hand. */
  movedAsideAt: string | null;
  sizeBytes: number;
}

const stampPattern = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z(?:-\d+)?$/;

/** The kept-aside stores beside the data folder, newest first. */
export function listKeptAsideStores(dataDir: string): KeptAsideStore[] {
  const target = resolve(dataDir);
  const prefix = `${basename(target)}.replaced-`;
  let names: string[];
  try {
    names = readdirSync(dirname(target), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.startsWith(prefix))
      .map((entry) => entry.name);
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const stamp = stampPattern.exec(name.slice(prefix.length));
      return {
        name,
        movedAsideAt: stamp ? `${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}Z` : null,
        sizeBytes: sizeOf(join(dirname(target), name)),
      };
    })
    .sort((a, b) => (b.movedAsideAt ?? '').localeCompare(a.movedAsideAt ?? '') || b.name.localeCompare(a.name));
}

/**
 * Deletes one kept-aside store for good. Only a name from the list is accepted (a bare folder
 * name beside the data folder, never a path from the window); the caller audits it.
 */
export function deleteKeptAsideStore(dataDir: string, name: string): KeptAsideStore {
  const kept = listKeptAsideStores(dataDir).find((store) => store.name === name);
  if (!kept) throw new StoreError('NOT_FOUND', 'That kept-aside store is no longer there. The list has been refreshed.');
  const path = join(dirname(resolve(dataDir)), kept.name);
  try {
    rmSync(path, { recursive: true, force: true });
  } catch (error) {
    throw new StoreError('SAVE_FAILED', 'That kept-aside store could not be deleted completely (a file in it may be open in another program). Close it and try again.', { cause: error });
  }
  if (existsSync(path)) throw new StoreError('SAVE_FAILED', 'That kept-aside store could not be deleted completely. Try again.');
  return kept;
}

/** Bytes in a folder's files, links not followed. */
function sizeOf(path: string): number {
  let total = 0;
  const stack = [path];
  while (stack.length > 0) {
    const folder = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.isFile()) total += lstatSync(full).size;
    }
  }
  return total;
}
