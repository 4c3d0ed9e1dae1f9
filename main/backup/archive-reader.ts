import { open as openFile, type FileHandle } from 'node:fs/promises';
import { openPieces } from '../crypto/aead';
import { chosenFileFlags } from '../files/read-chosen-file';
import { StoreError } from '../store/store-error';
import { archiveFormatVersion, archiveMagic, ArchiveHeader, headerDigest, headerMacBytes, maxHeaderBytes, partContext, partOverhead } from './archive-format';
import { headerMacMatches, type ArchiveKeys } from './archive-keys';
import { backupMessages, damaged } from './backup-messages';

/** A backup file opened for reading: its header parsed, nothing decrypted yet. */
export interface OpenedArchive {
  header: ArchiveHeader;
  /** The exact header bytes (magic, length, JSON) that the MAC and every part are bound to. */
  headerBytes: Buffer;
  headerMac: Buffer;
  bodyStart: number;
  size: number;
  handle: FileHandle;
  close(): Promise<void>;
}

/**
 * Opens a backup file and reads its unencrypted header. Fails with NOT_FOUND, or BACKUP_DAMAGED
 * naming why it is not (or no longer) a backup SkinLedger can read.
 */
export async function openArchive(path: string): Promise<OpenedArchive> {
  let handle: FileHandle;
  try {
    handle = await openFile(path, chosenFileFlags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new StoreError('NOT_FOUND', backupMessages.backupMissing, { cause: error });
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw damaged(backupMessages.notABackup);
    const size = stat.size;
    const start = await readAt(handle, 0, archiveMagic.length + 4);
    if (start.length < archiveMagic.length || !start.subarray(0, archiveMagic.length).equals(archiveMagic)) throw damaged(backupMessages.notABackup);
    if (start.length < archiveMagic.length + 4) throw damaged(backupMessages.incomplete);
    const jsonLength = start.readUInt32BE(archiveMagic.length);
    if (jsonLength > maxHeaderBytes) throw damaged(backupMessages.headerAltered);
    const rest = await readAt(handle, start.length, jsonLength + headerMacBytes);
    if (rest.length < jsonLength + headerMacBytes) throw damaged(backupMessages.incomplete);
    const headerBytes = Buffer.concat([start, rest.subarray(0, jsonLength)]);
    const header = parseHeader(rest.subarray(0, jsonLength));
    return {
      header,
      headerBytes,
      headerMac: Buffer.from(rest.subarray(jsonLength)),
      bodyStart: headerBytes.length + headerMacBytes,
      size,
      handle,
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function parseHeader(json: Buffer): ArchiveHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(json.toString('utf8'));
  } catch {
    throw damaged(backupMessages.headerAltered);
  }
  const version = typeof raw === 'object' && raw !== null && 'version' in raw ? (raw as { version: unknown }).version : undefined;
  if (typeof version === 'number' && version > archiveFormatVersion) throw damaged(backupMessages.unsupportedVersion);
  const parsed = ArchiveHeader.safeParse(raw);
  if (!parsed.success || parsed.data.version !== archiveFormatVersion) throw damaged(backupMessages.headerAltered);
  return parsed.data;
}

/** Checks that the header is the one the key wrote; run before any part is read. */
export function assertHeaderAuthentic(archive: OpenedArchive, keys: ArchiveKeys): void {
  if (!headerMacMatches(keys, archive.headerBytes, archive.headerMac)) throw damaged(backupMessages.headerAltered);
}

/**
 * The decrypted parts, in order, each as one or more pieces of plaintext. Each part must
 * authenticate as the part at its place before any of it is given out; the file must end right
 * after the part sealed as the last one. So a flipped byte, a cut-off end, parts in another
 * order, a part from another backup or bytes added at the end are each refused, with a message
 * that says which. `onRead` gets the number of bytes of the file read so far.
 */
export async function* decryptParts(archive: OpenedArchive, keys: ArchiveKeys, onRead?: (bytes: number) => void): AsyncGenerator<Buffer> {
  const digest = headerDigest(archive.headerBytes);
  const maxSealed = archive.header.partSize + partOverhead;
  const file = new SequentialReader(archive.handle, archive.bodyStart, Math.max(readRunBytes, 2 * (4 + maxSealed)));
  let offset = archive.bodyStart;
  for (let index = 0; ; index++) {
    const lengthBytes = await file.take(4);
    if (lengthBytes.length < 4) throw damaged(backupMessages.incomplete);
    const length = lengthBytes.readUInt32BE(0);
    if (length < partOverhead || length > maxSealed) throw damaged(backupMessages.damagedPart(index + 1));
    // A view into the reader's buffer: used up (decrypted into new memory) before the next take.
    const sealed = await file.take(length);
    if (sealed.length < length) throw damaged(backupMessages.incomplete);
    offset += 4 + length;
    let last = false;
    let plaintext = openPart(keys, sealed, digest, index, false);
    if (!plaintext) {
      plaintext = openPart(keys, sealed, digest, index, true);
      last = plaintext !== null;
    }
    if (!plaintext) throw diagnose(keys, sealed, digest, index);
    if (last && offset !== archive.size) throw damaged(backupMessages.trailingData);
    onRead?.(offset);
    for (const piece of plaintext) yield piece;
    if (last) return;
  }
}

function openPart(keys: ArchiveKeys, sealed: Buffer, digest: string, index: number, last: boolean): Buffer[] | null {
  return openPieces(keys.body, { nonce: sealed.subarray(0, 12), ciphertext: sealed.subarray(12, sealed.length - 16), tag: sealed.subarray(sealed.length - 16) }, partContext(digest, index, last));
}

/**
 * A part that fails is either damaged or in the wrong place. Only on failure, it is tried at
 * the places around it: one that opens elsewhere was moved, not damaged.
 */
function diagnose(keys: ArchiveKeys, sealed: Buffer, digest: string, index: number): StoreError {
  const reach = 32;
  for (let other = Math.max(0, index - reach); other <= index + reach; other++) {
    if (other === index) continue;
    if (openPart(keys, sealed, digest, other, false) || openPart(keys, sealed, digest, other, true)) {
      return damaged(backupMessages.reorderedPart(index + 1, other + 1));
    }
  }
  return damaged(backupMessages.damagedPart(index + 1));
}

/** The body is read in runs of about this many bytes: a few system calls per backup, not two per part. */
const readRunBytes = 8 * 1024 * 1024;

/**
 * Reads a file front to back through one buffer, refilled in large reads. `take` gives a view into
 * that buffer, valid until the next call; shorter than asked only at the end of the file.
 */
class SequentialReader {
  private readonly buffer: Buffer;
  private start = 0;
  private end = 0;
  private ended = false;

  constructor(
    private readonly handle: FileHandle,
    private position: number,
    capacity: number,
  ) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  async take(length: number): Promise<Buffer> {
    if (length > this.buffer.length) throw new RangeError('a read larger than the buffer');
    if (this.end - this.start < length && !this.ended) {
      this.buffer.copyWithin(0, this.start, this.end);
      this.end -= this.start;
      this.start = 0;
      while (this.end < length && !this.ended) {
        const { bytesRead } = await this.handle.read(this.buffer, this.end, this.buffer.length - this.end, this.position);
        if (bytesRead === 0) this.ended = true;
        this.end += bytesRead;
        this.position += bytesRead;
      }
    }
    const view = this.buffer.subarray(this.start, Math.min(this.end, this.start + length));
    this.start += view.length;
    return view;
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}
