import { writeFileSync } from 'node:fs';
import { StoreError } from '../store/store-error';

/**
 * Writes a file to the path a person chose in a save dialog, readable by them alone. A write
 * that fails (a full, read-only or removed drive) is told with a sentence for the screen; `what`
 * names the file: "The consent".
 */
export function writeChosenFile(path: string, bytes: Uint8Array | string, what: string): void {
  try {
    writeFileSync(path, bytes, { mode: 0o600 });
  } catch (error) {
    throw new StoreError('SAVE_FAILED', `${what} could not be saved there (the drive may be full, read-only or removed). Choose another place.`, { cause: error });
  }
}
