import { randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { link, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { seal } from '../crypto/aead';
import { encodeHeader, headerDigest, partContext, type ArchiveHeader } from './archive-format';
import { deriveArchiveKeys, headerMac, wipeKeys, type ArchiveKeys } from './archive-keys';
import { backupMessages } from './backup-messages';
import { StoreError } from '../store/store-error';
import { syncFolder } from './sync-folder';

export function newArchiveSalt(): string {
  return randomBytes(32).toString('base64');
}

/**
 * Writes one backup file as parts sealed on the fly: plaintext exists only in memory, one part at
 * a time. Everything goes to `<file>.partial`; only `commit()` gives it the real name, after the
 * caller has read it back, so a half-written or unchecked backup never looks like a backup.
 */
export class ArchiveWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  private bytesOut = 0;
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    readonly partialPath: string,
    readonly finalPath: string,
    private readonly keys: ArchiveKeys,
    private readonly digest: string,
    private readonly partSize: number,
  ) {}

  static async create(finalPath: string, header: ArchiveHeader, dataKey: Buffer): Promise<ArchiveWriter> {
    if (existsSync(finalPath)) throw new StoreError('SAVE_FAILED', backupMessages.targetExists);
    const partialPath = `${finalPath}.partial`;
    // 'wx': a .partial of the same name is another run's, never ours to overwrite.
    const handle = await open(partialPath, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
    const keys = deriveArchiveKeys(dataKey, header);
    const headerBytes = encodeHeader(header);
    const writer = new ArchiveWriter(handle, partialPath, finalPath, keys, headerDigest(headerBytes), header.partSize);
    try {
      await writer.put(Buffer.concat([headerBytes, headerMac(keys, headerBytes)]));
    } catch (error) {
      await writer.abort();
      throw error;
    }
    return writer;
  }

  /** Bytes written to the file so far. */
  get size(): number {
    return this.bytesOut;
  }

  async write(bytes: Buffer): Promise<void> {
    if (bytes.length === 0) return;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes < this.partSize) return;
    const all = Buffer.concat(this.pending);
    let offset = 0;
    while (all.length - offset >= this.partSize) {
      await this.writePart(all.subarray(offset, offset + this.partSize), false);
      offset += this.partSize;
    }
    const rest = Buffer.from(all.subarray(offset));
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
  }

  /** Seals what is left as the last part (possibly empty), then flushes the file to the disk. */
  async finish(): Promise<number> {
    const rest = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    await this.writePart(rest, true);
    await this.handle.sync();
    await this.close();
    return this.bytesOut;
  }

  /**
   * Gives the checked file its real name, never over another file: a hard link fails if the
   * name is taken. FAT and exFAT drives (most USB sticks) have no hard links; there the name is
   * checked first, and a clash in between is as unlikely as two backups in the same second.
   */
  async commit(): Promise<void> {
    try {
      await link(this.partialPath, this.finalPath);
      await unlink(this.partialPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new StoreError('SAVE_FAILED', backupMessages.targetExists);
      if (existsSync(this.finalPath)) throw new StoreError('SAVE_FAILED', backupMessages.targetExists);
      await rename(this.partialPath, this.finalPath);
    }
    syncFolder(this.finalPath);
  }

  /** Closes and removes the .partial file; the folder is as it was. */
  async abort(): Promise<void> {
    await this.close();
    await unlink(this.partialPath).catch(() => undefined);
  }

  private async writePart(plaintext: Buffer, last: boolean): Promise<void> {
    const sealed = seal(this.keys.body, plaintext, partContext(this.digest, this.index, last));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(sealed.nonce.length + sealed.ciphertext.length + sealed.tag.length);
    await this.put(Buffer.concat([length, sealed.nonce, sealed.ciphertext, sealed.tag]));
    this.index++;
  }

  private async put(bytes: Buffer): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, offset, bytes.length - offset);
      offset += bytesWritten;
    }
    this.bytesOut += bytes.length;
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    wipeKeys(this.keys);
    this.pending = [];
    await this.handle.close();
  }
}
