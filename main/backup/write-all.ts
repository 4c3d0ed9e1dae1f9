import type { FileHandle } from 'node:fs/promises';

/** Writes the pieces in order at the file's position with as few system calls as the system allows. */
export async function writeAll(handle: FileHandle, pieces: Buffer[]): Promise<number> {
  const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
  let written = 0;
  let rest = pieces;
  while (written < length) {
    const { bytesWritten } = await handle.writev(rest);
    written += bytesWritten;
    if (written < length) rest = remainderAfter(rest, bytesWritten);
  }
  return length;
}

/** The pieces still to write after a short write of `done` bytes. */
function remainderAfter(pieces: Buffer[], done: number): Buffer[] {
  let skip = done;
  let index = 0;
  while (index < pieces.length && skip >= pieces[index]!.length) skip -= pieces[index++]!.length;
  const rest = pieces.slice(index);
  if (rest.length > 0 && skip > 0) rest[0] = rest[0]!.subarray(skip);
  return rest;
}
