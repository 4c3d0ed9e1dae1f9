import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Files that must be whole after a power cut: the key file, the restore journal, photo files,
 * the sign-in throttle, the audit head copies, the window's place. Each is written under another
 * name beside it, flushed, renamed over the old one, and then the folder is flushed so that the
 * rename itself is on disk. A crash leaves the old file or the new one, never half of each.
 *
 * One error policy for all of them: a failed write or rename throws, after removing the
 * half-written sibling, and the caller decides whether that file is essential (the key file, the
 * journal, a photo: the action fails) or a best-effort copy it may skip (the throttle, the head
 * copies, the window's place). Flushing a folder is the one step whose failure is ignored: Windows
 * cannot open a folder (NTFS journals renames itself), and some network shares and FUSE drives
 * refuse fsync on one; the file's own bytes were already flushed.
 */

/** Makes the renames and creations in `folder` durable (see the policy above). */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Refused by some shares and FUSE drives: the files themselves were synced.
  } finally {
    closeSync(fd);
  }
}

/** Makes durable the rename or creation of `path` in its folder. */
export function syncFolderOf(path: string): void {
  syncFolder(dirname(path));
}

export interface DurableWrite {
  /** The name written before the rename; `<path>.next` unless the file has another convention. */
  sibling?: string;
  /**
   * Whether to wait for the folder's record of the rename to reach the disk (default yes). The
   * file's own bytes are always flushed before the rename, so a power cut leaves the old file or
   * the new one, whole; without this flush it may leave the old one although the call returned.
   */
  syncFolder?: boolean;
}

type Bytes = string | Uint8Array | readonly Uint8Array[];

/** Replaces `path` with `bytes` (owner-only), durably and atomically. */
export function replaceFileDurably(path: string, bytes: Bytes, options: DurableWrite = {}): void {
  const sibling = options.sibling ?? `${path}.next`;
  try {
    writeFlushed(sibling, 'w', bytes);
    renameSync(sibling, path);
  } catch (error) {
    rmSync(sibling, { force: true });
    throw error;
  }
  if (options.syncFolder ?? true) syncFolderOf(path);
}

/** Creates `path` with `bytes` (owner-only), durably; refused (EEXIST) if it is already there. */
export function createFileDurably(path: string, bytes: Bytes): void {
  writeFlushed(path, 'wx', bytes);
  syncFolderOf(path);
}

function writeFlushed(path: string, flags: 'w' | 'wx', bytes: Bytes): void {
  const fd = openSync(path, flags, 0o600);
  try {
    const parts = typeof bytes === 'string' ? [Buffer.from(bytes, 'utf8')] : bytes instanceof Uint8Array ? [bytes] : bytes;
    for (const part of parts) writeAllSync(fd, part);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** writeSync may write less than asked (rarely, on some drives): the rest follows. */
function writeAllSync(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}
