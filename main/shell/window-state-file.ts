import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseWindowState, type WindowState } from './window-state';
import { replaceFileDurably } from '../files/durable-file';

/**
 * Window size and place live in a small JSON file in the app's own settings folder, never in the
 * data folder: they are not clinic records, and a restored backup must not move the window.
 */
export function windowStateFile(userDataDir: string): string {
  return join(userDataDir, 'window-state.json');
}

export function readWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    // Missing or damaged: open at the default place; the file is rewritten on close.
    return null;
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // A crash half-way through leaves the old file, not a torn one.
  replaceFileDurably(file, `${JSON.stringify(state)}\n`, { sibling: `${file}.tmp` });
}
