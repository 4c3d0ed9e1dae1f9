import { existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { keySlotFileName } from '../crypto/key-slot-file';
import { dataFolder, inspectDataFolder } from '../store/data-folder';
import { replaceFileDurably, syncFolder, syncFolderOf } from '../files/durable-file';

/**
 * The folder moves at the end of a restore, written down before the first of them: the proven
 * `<data>.restoring` folder goes to `<data>`, and for a replace the old `<data>` goes aside
 * first. A process that dies between the moves leaves this file beside the data folder, and the
 * next start (app or CLI) finishes the moves, or puts the old store back when the restored one
 * is gone, before it looks at the folder; so a crash never leaves the app on the set-up screen.
 */
export interface RestoreJournal {
  restoring: string;
  /** Where the replaced store goes; null when restoring into an empty folder. */
  aside: string | null;
}

/** In the .restoring folder while it is being written and proven: until the journal is written, a kill leaves a folder safe to clear. */
export const restoringMarker = '.skinledger-restoring';

export type InterruptedRestore = 'none' | 'finished' | 'undone';

export function restoreJournalPath(dataDir: string): string {
  return `${resolve(dataDir)}.restore-journal`;
}

/** Written durably (flushed, renamed, folder flushed) before the first folder moves. */
export function writeRestoreJournal(dataDir: string, journal: RestoreJournal): void {
  const path = restoreJournalPath(dataDir);
  replaceFileDurably(path, JSON.stringify({ restoring: basename(journal.restoring), aside: journal.aside ? basename(journal.aside) : null }), { sibling: `${path}.partial` });
}

/** Once the moves are done (or undone): the data folder is what it says it is again. */
export function clearRestoreJournal(dataDir: string): void {
  const path = restoreJournalPath(dataDir);
  rmSync(path, { force: true });
  rmSync(`${path}.partial`, { force: true });
  syncFolderOf(path);
}

/**
 * Finishes a restore whose folder moves were cut off. The restored folder was proven before the
 * journal was written, so while it is there the restore goes forward (the old store is moved
 * aside if it still holds the name); when it is gone and so is the store, the moves had reached
 * only the first step of an undo, and the old store comes back. Names are read from the journal
 * as bare names beside the data folder, never as paths.
 */
export function finishInterruptedRestore(dataDir: string): InterruptedRestore {
  const target = resolve(dataDir);
  const journal = readJournal(target);
  if (!journal) return 'none';
  const parent = dirname(target);
  const restoring = join(parent, journal.restoring);
  const aside = journal.aside ? join(parent, journal.aside) : null;
  let outcome: InterruptedRestore = 'finished';
  if (existsSync(restoring)) {
    // Killed after the journal and before the marker went: the folder was proven all the same.
    rmSync(join(restoring, restoringMarker), { force: true });
    if (aside && !existsSync(aside) && holdsStore(target)) renameSync(target, aside);
    placeRestoredFolder(restoring, target);
  } else if (!holdsStore(target) && aside && existsSync(aside)) {
    if (existsSync(target)) rmdirIfEmpty(target);
    renameSync(aside, target);
    syncFolderOf(target);
    outcome = 'undone';
  }
  clearRestoreJournal(target);
  return outcome;
}

/**
 * Moves the proven folder to its name. An absent or empty target is replaced by a rename; one
 * holding only hidden files (which count as empty), or the files a cut-off move already put
 * there, keeps them, and the restored files move in with the key file last, the file that makes
 * the folder a store.
 */
export function placeRestoredFolder(restoring: string, target: string): void {
  if (existsSync(target) && readdirSync(target).length === 0) rmdirSync(target);
  if (!existsSync(target)) {
    renameSync(restoring, target);
    syncFolderOf(target);
    return;
  }
  const entries = readdirSync(restoring).sort((a, b) => Number(a === keySlotFileName) - Number(b === keySlotFileName));
  for (const name of entries) {
    const from = join(restoring, name);
    const to = join(target, name);
    // A folder a cut-off move already began (photos/) would refuse the rename: the rest moves in.
    if (existsSync(to) && statSync(from).isDirectory()) placeRestoredFolder(from, to);
    else renameSync(from, to);
  }
  rmdirSync(restoring);
  syncFolder(target);
}

function holdsStore(folder: string): boolean {
  return inspectDataFolder(dataFolder(folder)) !== 'empty';
}

function rmdirIfEmpty(folder: string): void {
  if (readdirSync(folder).length === 0) rmdirSync(folder);
}

function readJournal(target: string): RestoreJournal | null {
  const path = restoreJournalPath(target);
  if (!existsSync(path)) {
    rmSync(`${path}.partial`, { force: true });
    return null;
  }
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { restoring?: unknown; aside?: unknown };
    const prefix = `${basename(target)}.`;
    const bare = (name: unknown): name is string => typeof name === 'string' && name.startsWith(prefix) && !/[\\/]/.test(name) && !name.includes('..');
    if (!bare(parsed.restoring) || (parsed.aside !== null && !bare(parsed.aside))) throw new Error('not a restore journal');
    return { restoring: parsed.restoring, aside: parsed.aside };
  } catch {
    // Not ours, or not readable: nothing can be done safely with it; the folder is looked at as it is.
    return null;
  }
}
