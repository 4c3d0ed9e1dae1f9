import { randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { link, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { encodeHeader, headerDigest, partContext, partOverhead, type ArchiveHeader } from './archive-format';
import { deriveArchiveKeys, headerMac, wipeKeys } from './archive-keys';
import { backupMessages } from './backup-messages';
import { PartWorker } from './part-worker';
import { StoreError } from '../store/store-error';
import { syncFolderOf } from '../files/durable-file';
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
 * Part buffers beyond those of the run being written and the one being queued: room for the
 * reading and hashing to run ahead of the worker, and the worker ahead of the disk.
 */
const partsAhead = 8;

/** A part's place in its buffer: its length (4 bytes), then the nonce where its plaintext will be sealed. */
const lengthBytes = 4;
const nonceAt = lengthBytes;
const plaintextAt = nonceAt + 12;

/**
 * How far a file being written has got, for a reader that follows it (checkWrittenArchive): the
 * bytes from its start that are written (their writes have returned), whether writing is over
 * (all written, or stopped by a failure), and a wait for either to move on.
 */
export interface WrittenSoFar {
  written(): number;
  ended(): boolean;
  /** Writing stopped before the end: the reader stops too. */
  failed(): boolean;
  moved(): Promise<void>;
}

/** One part's buffer in the memory shared with the part worker. */
interface Slot {
  /** Where it starts in the shared memory. */
  at: number;
  bytes: Buffer;
}

interface InFlight {
  length: number;
  slot: Slot;
  sealed: boolean;
}

/**
 * Writes one backup file as parts sealed on the fly. Each part is one buffer laid out as it goes
 * to the file (length, nonce, ciphertext, tag): its plaintext is put where the ciphertext will be,
 * a worker thread (part-worker.ts) seals it in place, and the same buffer is written to the file
 * and then filled again. Three things run side by side: the caller fills parts (reading and
 * hashing), the worker seals the parts handed to it, and the disk takes runs of sealed parts as
 * soon as the last run is written; the caller waits only when every buffer is in use.
 *
 * The buffers are a fixed set in memory shared with the worker; each is in exactly one place at a
 * time (being filled, out at the worker, queued for the disk, being written, or free), so nothing
 * touches a part while the worker seals it. Plaintext exists only there, is overwritten by its own
 * ciphertext before it is written, and all of that memory is wiped when the writer closes, on
 * every path; the parts go to the file in the order they were filled. Everything goes to
 * `<file>.partial`; only `commit()` gives it the real name, after the caller has read it back and
 * the file is on the disk, so a half-written, unchecked or unflushed backup never looks like a
 * backup.
 */
export class ArchiveWriter {
  /** The part being filled; handed to the worker when full, and replaced by a free one. */
  private part: Slot;
  private partFill = 0;
  private index = 0;
  private readonly free: Slot[];
  /** Parts out at the worker, in file order; the sealed ones at the front move on to the run. */
  private readonly inFlight: InFlight[] = [];
  private run: Buffer[] = [];
  private runParts: Slot[] = [];
  private runBytes = 0;
  /** The last parts are all handed over: the run goes to the disk whatever its size. */
  private finishing = false;
  /** The run being written now; at most one, so the file's bytes land in order. Never rejects. */
  private writing: Promise<void> | null = null;
  /** The background flush in flight, never rejecting either; and the bytes written since the last one began. */
  private flushing: Promise<void> | null = null;
  private unflushedBytes = 0;
  private bytesOut = 0;
  /** Bytes from the start of the file whose writes have returned, and whether all are. */
  private bytesWritten = 0;
  private allWritten = false;
  /**
   * The first thing that went wrong in the background (the worker, a write, a flush): it
   * surfaces at the caller's next wait, never as an unhandled rejection.
   */
  private failure: unknown = null;
  private readonly waiting: (() => void)[] = [];
  private readonly memoryIndex: number;
  /** The part buffers used so far: the ones to wipe (the rest were never touched). */
  private readonly used = new Set<Slot>();
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    readonly partialPath: string,
    readonly finalPath: string,
    private readonly digest: string,
    private readonly partSize: number,
    private readonly sealer: PartWorker,
    /** The worker was started for this writer alone, and ends with it. */
    private readonly ownsSealer: boolean,
    memory: SharedArrayBuffer,
  ) {
    // Every part buffer used, plaintext and ciphertext alike, is wiped when the worker is closed.
    this.memoryIndex = sealer.attach(memory, () => {
      for (const slot of this.used) slot.bytes.fill(0);
    });
    const stride = lengthBytes + partOverhead + partSize;
    const shared = Buffer.from(memory);
    this.free = Array.from({ length: memory.byteLength / stride }, (_, slot) => ({ at: slot * stride, bytes: shared.subarray(slot * stride, (slot + 1) * stride) })).reverse();
    this.part = this.free.pop()!;
    this.used.add(this.part);
  }

  /**
   * `partWorker`: one already started with this archive's body key, shared with the check that
   * follows the writing (create-backup); without it the writer starts its own.
   */
  static async create(finalPath: string, header: ArchiveHeader, dataKey: Buffer, partWorker?: PartWorker): Promise<ArchiveWriter> {
    if (existsSync(finalPath)) throw new StoreError('SAVE_FAILED', backupMessages.targetExists);
    const partialPath = `${finalPath}.partial`;
    // 'wx': a .partial of the same name is another run's, never ours to overwrite.
    const handle = await open(partialPath, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
    const keys = deriveArchiveKeys(dataKey, header);
    const headerBytes = encodeHeader(header);
    try {
      // A run being written, one being queued (each a part more than a run's worth, at most), and those ahead.
      const slots = 2 * (Math.ceil(writeRunBytes / header.partSize) + 1) + partsAhead;
      const memory = new SharedArrayBuffer(slots * (lengthBytes + partOverhead + header.partSize));
      const writer = new ArchiveWriter(handle, partialPath, finalPath, headerDigest(headerBytes), header.partSize, partWorker ?? PartWorker.start(keys.body), !partWorker, memory);
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
      const taken = bytes.copy(this.part.bytes, plaintextAt + this.partFill, offset, offset + Math.min(bytes.length - offset, this.partSize - this.partFill));
      this.partFill += taken;
      offset += taken;
    }
  }

  /**
   * Reads `size` bytes through `read` straight into the parts, without a copy, one read ahead:
   * `read` gets the room to fill and the position in its source, and resolves with how many
   * bytes it put there (at least one; it throws if its source ends early). `consume` gets each
   * piece read, synchronously and before the part holding it is handed to the worker, while the
   * next piece is already being read into the same part or the next one.
   */
  async writeRead(size: number, read: (room: Buffer, position: number) => Promise<number>, consume: (bytes: Buffer) => void): Promise<void> {
    await this.sealIfFull();
    let position = 0;
    const start = (slot: Slot, fill: number): Promise<number> => {
      const reading = read(slot.bytes.subarray(plaintextAt + fill, plaintextAt + Math.min(this.partSize, fill + size - position)), position);
      // Its failure surfaces where it is awaited, or not at all when the backup already failed.
      reading.catch(() => undefined);
      return reading;
    };
    let reading = size > 0 ? start(this.part, this.partFill) : null;
    while (reading) {
      const count = await reading;
      if (!Number.isInteger(count) || count <= 0 || count > Math.min(this.partSize - this.partFill, size - position)) throw new RangeError('a read gave no bytes, or more than the room');
      const from = plaintextAt + this.partFill;
      const bytes = this.part.bytes.subarray(from, from + count);
      this.partFill += count;
      position += count;
      const full = this.partFill === this.partSize;
      const next = full && position < size ? await this.takePart() : null;
      reading = position < size ? start(next ?? this.part, next ? 0 : this.partFill) : null;
      consume(bytes);
      if (next) {
        this.handOver(false);
        this.part = next;
      }
    }
  }

  /** Seals what is left as the last part (possibly empty) and waits until every byte is written; not yet flushed. */
  async finishWriting(): Promise<number> {
    await this.sealIfFull();
    this.throwIfFailed();
    this.handOver(true);
    this.finishing = true;
    this.pump();
    await this.until(() => this.inFlight.length === 0 && this.runBytes === 0 && this.writing === null);
    this.allWritten = true;
    this.changed();
    return this.bytesOut;
  }

  /** For a reader that follows the file as it is written. */
  readonly progress: WrittenSoFar = {
    written: () => this.bytesWritten,
    ended: () => this.allWritten || this.failure !== null,
    failed: () => this.failure !== null,
    moved: () => new Promise<void>((resolve) => this.waiting.push(resolve)),
  };

  /** Flushes the written file to the disk and closes it. */
  async flushToDisk(): Promise<void> {
    await this.until(() => this.flushing === null);
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
    syncFolderOf(this.finalPath);
  }

  /**
   * Ends the worker, waits out the disk, closes and removes the .partial file; the folder is as it
   * was. A reader following the file is told at once, and the file is removed once `readersDone`.
   */
  async abort(readersDone: Promise<unknown> = Promise.resolve()): Promise<void> {
    this.fail(new Error('aborted'));
    if (this.ownsSealer) await this.sealer.close();
    await this.writing;
    await this.flushing;
    await this.close();
    await readersDone.catch(() => undefined);
    await unlink(this.partialPath).catch(() => undefined);
  }

  /** A full part is sealed as one more part: the last part is the one `finishWriting` seals, possibly empty. */
  private async sealIfFull(): Promise<void> {
    this.throwIfFailed();
    if (this.partFill < this.partSize) return;
    const next = await this.takePart();
    this.handOver(false);
    this.part = next;
  }

  /**
   * Hands the part being filled to the worker, to be sealed in place; the caller replaces
   * `this.part` (the worker's now) with a free one. When the worker answers, the sealed parts at
   * the front go on to the run, and the run to the disk when it can.
   */
  private handOver(last: boolean): void {
    const entry: InFlight = { length: this.partFill, slot: this.part, sealed: false };
    entry.slot.bytes.writeUInt32BE(partOverhead + entry.length, 0);
    this.inFlight.push(entry);
    this.sealer.seal(this.memoryIndex, entry.slot.at + nonceAt, entry.length, partContext(this.digest, this.index, last)).then(
      () => {
        entry.sealed = true;
        this.takeSealed();
      },
      (error: unknown) => this.fail(error),
    );
    this.partFill = 0;
    this.index++;
  }

  /** A free part buffer, waiting for the disk to free one when all are in use. */
  private async takePart(): Promise<Slot> {
    await this.until(() => this.free.length > 0);
    const slot = this.free.pop()!;
    this.used.add(slot);
    return slot;
  }

  /** The sealed parts at the front of those out at the worker, queued for the disk in file order. */
  private takeSealed(): void {
    while (this.inFlight[0]?.sealed) {
      const { slot, length } = this.inFlight.shift()!;
      this.queue(slot.bytes.subarray(0, lengthBytes + partOverhead + length));
      this.runParts.push(slot);
    }
    this.pump();
  }

  private queue(...pieces: Buffer[]): void {
    for (const piece of pieces) {
      this.run.push(piece);
      this.runBytes += piece.length;
    }
  }

  /** Starts writing the queued run when the last one is written and this one is long enough (or the last). */
  private pump(): void {
    if (this.failure !== null || this.writing !== null || this.runBytes === 0) return;
    if (this.runBytes < writeRunBytes && !(this.finishing && this.inFlight.length === 0)) return;
    const pieces = this.run;
    const parts = this.runParts;
    const length = this.runBytes;
    this.run = [];
    this.runParts = [];
    this.runBytes = 0;
    // Counted when queued for the disk: the progress bar follows sealing, the flush closes the gap.
    this.bytesOut += length;
    this.writing = writeAll(this.handle, pieces).then(
      () => {
        this.writing = null;
        this.free.push(...parts);
        this.bytesWritten += length;
        this.unflushedBytes += length;
        this.flushInBackground();
        this.pump();
        this.changed();
      },
      (error: unknown) => {
        this.writing = null;
        this.fail(error ?? new Error('write failed'));
      },
    );
  }

  /** Starts a background flush of what is written when enough is, and none is in flight. */
  private flushInBackground(): void {
    if (this.failure !== null || this.flushing !== null || this.unflushedBytes < flushEveryBytes) return;
    this.unflushedBytes = 0;
    this.flushing = this.handle.datasync().then(
      () => {
        this.flushing = null;
        this.flushInBackground();
        this.changed();
      },
      (error: unknown) => {
        this.flushing = null;
        this.fail(error ?? new Error('flush failed'));
      },
    );
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    this.changed();
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }

  /** Waits until `done` holds, checking again whenever something in the background moves on; throws what failed there. */
  private async until(done: () => boolean): Promise<void> {
    for (;;) {
      this.throwIfFailed();
      if (done()) return;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private changed(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.run = [];
    try {
      // Ends its own thread, which wipes the key and the part buffers; a shared one is ended (and wiped) by its owner.
      if (this.ownsSealer) await this.sealer.close();
    } finally {
      await this.handle.close();
    }
  }
}
