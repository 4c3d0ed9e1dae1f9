import { randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { link, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { encodeHeader, headerDigest, partContext, partOverhead, type ArchiveHeader } from './archive-format';
import { deriveArchiveKeys, headerMac, wipeKeys } from './archive-keys';
import { backupMessages } from './backup-messages';
import { PartWorker } from './part-worker';
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
 * While the file is written, what has been written is handed to the disk in the background
 * every this many bytes (fdatasync, one at a time), so the drive works beside the sealing and
 * the final flush has only the last stretch left to do instead of the whole file.
 */
const flushEveryBytes = 64 * 1024 * 1024;

/**
 * Parts out at the part worker and not yet back: enough that the thread always has the next one
 * while this one fills, few enough that little plaintext is in memory at once.
 */
const partsInFlight = 4;

/** A part's place in its buffer: its length (4 bytes), then the nonce where its plaintext will be sealed. */
const lengthBytes = 4;
const nonceAt = lengthBytes;
const plaintextAt = nonceAt + 12;

interface InFlight {
  sealing: Promise<Buffer>;
  length: number;
}

/**
 * Writes one backup file as parts sealed on the fly. Each part is one buffer laid out as it goes
 * to the file (length, nonce, ciphertext, tag): its plaintext is put where the ciphertext will be,
 * a worker thread (part-worker.ts) seals it in place while the next part fills, and the same
 * buffer is written to the file and then filled again. So plaintext exists only in memory, in a
 * few dozen reused buffers, and is overwritten by its own ciphertext before it is written; the
 * parts go to the file in the order they were filled. Everything goes to `<file>.partial`; only
 * `commit()` gives it the real name, after the caller has read it back and the file is on the
 * disk, so a half-written, unchecked or unflushed backup never looks like a backup.
 */
export class ArchiveWriter {
  /** The part being filled; moved to the worker when full, and replaced by a free one. */
  private part: Buffer;
  private partFill = 0;
  private index = 0;
  private readonly free: Buffer[] = [];
  private readonly inFlight: InFlight[] = [];
  private run: Buffer[] = [];
  private runParts: Buffer[] = [];
  private runBytes = 0;
  /**
   * The run being written now; at most one, so the file's bytes land in order. It settles with
   * its error instead of rejecting: nobody awaits it while the next run is sealed, and a failed
   * disk must surface at the next wait, not as an unhandled rejection.
   */
  private writing: Promise<unknown> | null = null;
  /** The part buffers of the run being written: free again once it is. */
  private writingParts: Buffer[] = [];
  private bytesOut = 0;
  /** The background flush in flight, settling with its error as `writing` does; and the bytes written since the last one began. */
  private flushing: Promise<unknown> | null = null;
  private unflushedBytes = 0;
  private flushed = true;
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    readonly partialPath: string,
    readonly finalPath: string,
    private readonly digest: string,
    private readonly partSize: number,
    private readonly sealer: PartWorker,
  ) {
    this.part = this.newPart();
  }

  static async create(finalPath: string, header: ArchiveHeader, dataKey: Buffer): Promise<ArchiveWriter> {
    if (existsSync(finalPath)) throw new StoreError('SAVE_FAILED', backupMessages.targetExists);
    const partialPath = `${finalPath}.partial`;
    // 'wx': a .partial of the same name is another run's, never ours to overwrite.
    const handle = await open(partialPath, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
    const keys = deriveArchiveKeys(dataKey, header);
    const headerBytes = encodeHeader(header);
    try {
      const writer = new ArchiveWriter(handle, partialPath, finalPath, headerDigest(headerBytes), header.partSize, PartWorker.start(keys.body));
      writer.queue(headerBytes, headerMac(keys, headerBytes));
      return writer;
    } catch (error) {
      await handle.close();
      await unlink(partialPath).catch(() => undefined);
      throw error;
    } finally {
      // The worker has its own copy of the body key, wiped when it is closed; nothing here needs either key again.
      wipeKeys(keys);
    }
  }

  /** Bytes handed to the file so far. */
  get size(): number {
    return this.bytesOut;
  }

  /** Takes a copy of `bytes`: the caller may reuse its buffer once this resolves. */
  async write(bytes: Buffer): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      await this.sealIfFull();
      const taken = bytes.copy(this.part, plaintextAt + this.partFill, offset, offset + Math.min(bytes.length - offset, this.partSize - this.partFill));
      this.partFill += taken;
      offset += taken;
    }
  }

  /**
   * Lets `fill` put bytes straight into the part being filled, without a copy: it gets the free
   * room (at most what is left of one part) and returns how many bytes it put there. Resolves
   * with those bytes, readable until the next call to this writer (a full part is handed to
   * the worker, which seals it in place, only at the next call).
   */
  async writeFrom(fill: (room: Buffer) => Promise<number>): Promise<Buffer> {
    await this.sealIfFull();
    const start = plaintextAt + this.partFill;
    const room = this.part.subarray(start, plaintextAt + this.partSize);
    const count = await fill(room);
    if (!Number.isInteger(count) || count < 0 || count > room.length) throw new RangeError('more bytes than the room given');
    this.partFill += count;
    return this.part.subarray(start, start + count);
  }

  /** Seals what is left as the last part (possibly empty) and waits until every byte is written; not yet flushed. */
  async finishWriting(): Promise<number> {
    await this.sealIfFull();
    await this.sealPart(true);
    while (this.inFlight.length > 0) await this.collect();
    await this.sealer.close();
    await this.startRun();
    await this.settleRun();
    return this.bytesOut;
  }

  /** Flushes the written file to the disk and closes it. */
  async flushToDisk(): Promise<void> {
    await this.settleFlush();
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

  /** Ends the worker, closes and removes the .partial file; the folder is as it was. */
  async abort(): Promise<void> {
    await this.sealer.close();
    await this.writing;
    await this.flushing;
    this.writing = null;
    this.flushing = null;
    await this.close();
    await unlink(this.partialPath).catch(() => undefined);
  }

  /** A buffer for one part as it lies in the file, of its own memory so that it can move to the worker. */
  private newPart(): Buffer {
    return Buffer.allocUnsafeSlow(lengthBytes + partOverhead + this.partSize);
  }

  /** A full part is sealed as one more part: the last part is the one `finishWriting` seals, possibly empty. */
  private async sealIfFull(): Promise<void> {
    if (this.partFill === this.partSize) await this.sealPart(false);
  }

  /**
   * Hands the part to the worker (its buffer moves there) and takes a free one to fill next,
   * first taking in the oldest sealed part when enough are out.
   */
  private async sealPart(last: boolean): Promise<void> {
    const length = this.partFill;
    this.part.writeUInt32BE(partOverhead + length, 0);
    const sealing = this.sealer.seal(this.part, nonceAt, length, partContext(this.digest, this.index, last));
    // Its failure surfaces where it is awaited (collect), or not at all after an abort.
    sealing.catch(() => undefined);
    this.inFlight.push({ sealing, length });
    this.partFill = 0;
    this.index++;
    if (this.inFlight.length >= partsInFlight) await this.collect();
    if (!last) this.part = this.free.pop() ?? this.newPart();
  }

  /** The oldest part back from the worker, sealed: queued for the disk. */
  private async collect(): Promise<void> {
    const { sealing, length } = this.inFlight.shift()!;
    const sealed = await sealing;
    this.queue(sealed.subarray(0, lengthBytes + partOverhead + length));
    this.runParts.push(sealed);
    if (this.runBytes >= writeRunBytes) await this.startRun();
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
    this.writingParts = this.runParts;
    this.run = [];
    this.runParts = [];
    this.runBytes = 0;
    this.writing = length === 0 ? null : writeAll(this.handle, pieces).then(() => null, (error: unknown) => error ?? new Error('write failed'));
    // Counted when queued for the disk: the progress bar follows sealing, the flush closes the gap.
    this.bytesOut += length;
  }

  private async settleRun(): Promise<void> {
    const failure = await this.writing;
    this.writing = null;
    this.free.push(...this.writingParts);
    this.unflushedBytes += this.writingParts.reduce((sum, part) => sum + part.length, 0);
    this.writingParts = [];
    if (failure) throw failure;
    await this.flushInBackground();
  }

  /** Starts a background flush of what is written when enough is, and none is in flight; an earlier one's error surfaces here. */
  private async flushInBackground(): Promise<void> {
    if (this.unflushedBytes < flushEveryBytes) return;
    if (this.flushing) {
      if (!this.flushed) return;
      await this.settleFlush();
    }
    this.unflushedBytes = 0;
    this.flushed = false;
    this.flushing = this.handle.datasync().then(
      () => {
        this.flushed = true;
        return null;
      },
      (error: unknown) => {
        this.flushed = true;
        return error ?? new Error('flush failed');
      },
    );
  }

  private async settleFlush(): Promise<void> {
    const failure = await this.flushing;
    this.flushing = null;
    if (failure) throw failure;
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.sealer.close();
    } finally {
      // A buffer out at the worker is detached here (length 0): nothing of it is left to wipe.
      for (const part of [this.part, ...this.free, ...this.runParts, ...this.writingParts]) if (part.length > 0) part.fill(0);
      this.run = [];
      await this.handle.close();
    }
  }
}
