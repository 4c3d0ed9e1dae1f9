import { randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { link, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { sealPieces } from '../crypto/aead';
import { encodeHeader, headerDigest, partContext, type ArchiveHeader } from './archive-format';
import { deriveArchiveKeys, headerMac, wipeKeys, type ArchiveKeys } from './archive-keys';
import { backupMessages } from './backup-messages';
import { StoreError } from '../store/store-error';
import { syncFolder } from './sync-folder';
import { writeAll } from './write-all';

export function newArchiveSalt(): string {
  return randomBytes(32).toString('base64');
}

/**
 * Sealed parts are handed to the disk in runs of about this many bytes: one system call per run
 * instead of one per part, and the next run is sealed while the last one is being written.
 */
const writeRunBytes = 8 * 1024 * 1024;

/**
 * Writes one backup file as parts sealed on the fly: plaintext exists only in memory, one part at
 * a time, in one buffer reused for every part. Everything goes to `<file>.partial`; only
 * `commit()` gives it the real name, after the caller has read it back and the file is on the
 * disk, so a half-written, unchecked or unflushed backup never looks like a backup.
 */
export class ArchiveWriter {
  private readonly part: Buffer;
  private partFill = 0;
  private index = 0;
  private run: Buffer[] = [];
  private runBytes = 0;
  /**
   * The run being written now; at most one, so the file's bytes land in order. It settles with
   * its error instead of rejecting: nobody awaits it while the next run is sealed, and a failed
   * disk must surface at the next wait, not as an unhandled rejection.
   */
  private writing: Promise<unknown> | null = null;
  private bytesOut = 0;
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    readonly partialPath: string,
    readonly finalPath: string,
    private readonly keys: ArchiveKeys,
    private readonly digest: string,
    partSize: number,
  ) {
    this.part = Buffer.allocUnsafe(partSize);
  }

  static async create(finalPath: string, header: ArchiveHeader, dataKey: Buffer): Promise<ArchiveWriter> {
    if (existsSync(finalPath)) throw new StoreError('SAVE_FAILED', backupMessages.targetExists);
    const partialPath = `${finalPath}.partial`;
    // 'wx': a .partial of the same name is another run's, never ours to overwrite.
    const handle = await open(partialPath, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
    const keys = deriveArchiveKeys(dataKey, header);
    const headerBytes = encodeHeader(header);
    const writer = new ArchiveWriter(handle, partialPath, finalPath, keys, headerDigest(headerBytes), header.partSize);
    writer.queue(headerBytes, headerMac(keys, headerBytes));
    return writer;
  }

  /** Bytes handed to the file so far. */
  get size(): number {
    return this.bytesOut;
  }

  /** Takes a copy of `bytes`: the caller may reuse its buffer once this resolves. */
  async write(bytes: Buffer): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      const taken = bytes.copy(this.part, this.partFill, offset);
      this.partFill += taken;
      offset += taken;
      if (this.partFill === this.part.length) {
        this.sealPart(false);
        if (this.runBytes >= writeRunBytes) await this.startRun();
      }
    }
  }

  /** Seals what is left as the last part (possibly empty) and waits until every byte is written; not yet flushed. */
  async finishWriting(): Promise<number> {
    this.sealPart(true);
    await this.startRun();
    await this.settleRun();
    return this.bytesOut;
  }

  /** Flushes the written file to the disk and closes it. */
  async flushToDisk(): Promise<void> {
    await this.handle.sync();
    await this.close();
  }

  /** Seals the last part, writes everything and flushes it to the disk. */
  async finish(): Promise<number> {
    const size = await this.finishWriting();
    await this.flushToDisk();
    return size;
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
    await this.writing;
    this.writing = null;
    await this.close();
    await unlink(this.partialPath).catch(() => undefined);
  }

  private sealPart(last: boolean): void {
    const sealed = sealPieces(this.keys.body, this.part.subarray(0, this.partFill), partContext(this.digest, this.index, last));
    const head = Buffer.allocUnsafe(4 + sealed.nonce.length);
    head.writeUInt32BE(sealed.nonce.length + this.partFill + sealed.tag.length, 0);
    sealed.nonce.copy(head, 4);
    this.queue(head, ...sealed.ciphertext, sealed.tag);
    this.partFill = 0;
    this.index++;
  }

  private queue(...pieces: Buffer[]): void {
    for (const piece of pieces) {
      this.run.push(piece);
      this.runBytes += piece.length;
    }
  }

  /** Waits for the run in flight (its error surfaces here), then starts writing the queued one. */
  private async startRun(): Promise<void> {
    await this.settleRun();
    const pieces = this.run;
    const length = this.runBytes;
    this.run = [];
    this.runBytes = 0;
    this.writing = length === 0 ? null : writeAll(this.handle, pieces).then(() => null, (error: unknown) => error ?? new Error('write failed'));
    // Counted when queued for the disk: the progress bar follows sealing, the flush closes the gap.
    this.bytesOut += length;
  }

  private async settleRun(): Promise<void> {
    const failure = await this.writing;
    this.writing = null;
    if (failure) throw failure;
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    wipeKeys(this.keys);
    this.part.fill(0);
    this.run = [];
    await this.handle.close();
  }
}
