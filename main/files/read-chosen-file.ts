import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { StoreError } from '../store/store-error';

/**
 * Opening flags for a file a person picked (or a file found in a folder anyone can write to).
 * O_NONBLOCK makes opening a named pipe return at once instead of waiting for a writer that
 * never comes, which would hang the request; it changes nothing for a regular file. Windows has
 * no such flag and no such pipes on disk.
 */
export const chosenFileFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a picked file whole, refusing what is not a regular file (a folder, a pipe, a device
 * like /dev/zero that never ends) and anything over `maxBytes`, each with a sentence for the
 * screen. `what` names it: "That template file".
 */
export function readChosenFile(path: string, maxBytes: number, what: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, chosenFileFlags);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new StoreError('INVALID_INPUT', `${what} is a folder, not a file.`, { cause });
    throw new StoreError('NOT_FOUND', `${what} could not be opened. Check that it is still there and that you may read it.`, { cause });
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new StoreError('INVALID_INPUT', `${what} is a folder, not a file.`);
    if (!stat.isFile()) throw new StoreError('INVALID_INPUT', `${what} is not an ordinary file.`);
    if (stat.size > maxBytes) throw new StoreError('INVALID_INPUT', `${what} is too large.`);
    // Read at most one byte past the limit: a file that grows while read is refused, not followed.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) throw new StoreError('INVALID_INPUT', `${what} is too large.`);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError('NOT_FOUND', `${what} could not be read.`, { cause: error });
  } finally {
    closeSync(fd);
  }
}
