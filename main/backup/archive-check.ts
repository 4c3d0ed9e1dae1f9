import { headerDigest, partContext, partOverhead } from './archive-format';
import { deriveArchiveKeys, unlockArchive, wipeKeys } from './archive-keys';
import { assertHeaderAuthentic, openArchive, type OpenedArchive } from './archive-reader';
import { PlainStream, walkBody } from './archive-body';
import { backupMessages, damaged } from './backup-messages';
import { PartWorker, type PartToOpen } from './part-worker';
import type { WrittenSoFar } from './archive-writer';
import { checkContents } from './read-archive';
import type { StoreError } from '../store/store-error';

export interface CheckWrittenOptions {
  /** Bytes of the file read so far, of its size (so far, while it is still being written). */
  onProgress?: (done: number, total: number) => void;
  /**
   * The file is still being written: it is read as far as it is written, and to its end once
   * it all is; the check fails if the writing stops before the end.
   */
  following?: WrittenSoFar;
  /**
   * A part worker already started with this archive's body key (the writer's, shared); the
   * check then leaves it running for its owner to end. Without it the check starts its own.
   */
  worker?: PartWorker;
}

/** The file is read in runs of about this many bytes, each opened by the part worker in place. */
const readRunBytes = 4 * 1024 * 1024;

/**
 * The check a new backup gets before it is given its name: the file read back in full from the
 * disk under its .partial name, with the live store's key. The header's MAC; every part opened
 * (its GCM tag checked) as the part at its place, bound to this header, and the file ending right
 * after the part sealed as the last; then every record walked and the list of contents checked
 * against what was found, as `readArchive` does (the same backup, every member in order with its
 * name and size, the database and key file once each, no name twice).
 *
 * The parts are opened by a part worker, in place in a few reused buffers, while the next runs
 * are read; the window's process only walks the records.
 *
 * Why the members are not hashed again here, as verify-backup and restore hash them: every part
 * has just been opened with its GCM tag, which authenticates the exact bytes sealed at that place
 * (its number, whether it is the last, this header's digest), so nothing in the file can differ
 * from what was sealed without its part failing. And what was sealed is the very bytes that were
 * hashed for the list of contents: create-backup reads each file straight into the part buffer
 * and hashes those bytes there; only then does the writer hand that buffer to the worker, and
 * nothing writes into it again until the worker has sealed it (ArchiveWriter keeps each buffer in
 * one place at a time), so there is no copy and no chance of change between the hash and the seal. The walk
 * then checks that the records are the listed members, in the list's order, with its names and
 * sizes. A second SHA-256 could only catch a slip in the writer's own bookkeeping (a digest put
 * against the wrong member), which the tests catch by restoring and verifying backups of many
 * members with different contents; it cost about as much again as the rest of this check (some
 * 1.5 s of processor for 2 GB). verify-backup and restore still hash every member and compare it
 * with the list, end to end, so a backup is checked that way whenever it is verified or used.
 */
export async function checkWrittenArchive(path: string, dataKey: Buffer, storeId: string, options: CheckWrittenOptions = {}): Promise<void> {
  const { following } = options;
  // The first run written holds the whole header.
  if (following) await writtenPast(following, 0);
  const archive = await openArchive(path);
  let worker = options.worker ?? null;
  const ownsWorker = !worker;
  try {
    const unlocked = await unlockArchive(archive.header, { kind: 'data-key', dataKey, storeId });
    // Derived from the header as read back: its MAC proves it is the header the writer sealed
    // with, so a shared worker's key (derived by the writer from the same salt and id) is this one.
    const keys = deriveArchiveKeys(unlocked.dataKey, archive.header);
    unlocked.dataKey.fill(0);
    try {
      assertHeaderAuthentic(archive, keys);
      worker ??= PartWorker.start(keys.body);
    } finally {
      wipeKeys(keys);
    }
    const ring = new RunRing(archive.header.partSize, worker);
    const total = () => (following ? following.written() : archive.size);
    options.onProgress?.(archive.bodyStart, total());
    const parts = openedInWorker(archive, worker, ring, following ?? null, (read) => options.onProgress?.(read, total()));
    const { seen, manifest } = await walkBody(new PlainStream(parts), {}, { hashMembers: false });
    checkContents(archive.header, manifest, seen, false);
  } finally {
    // Its own worker is ended here, which wipes the key and the run buffers; a shared one by its owner.
    if (ownsWorker) await worker?.close();
    await archive.close();
  }
}

/** Runs read and handed to the workers ahead of the one being walked. */
const runsAhead = 3;

interface RunPart extends PartToOpen {
  index: number;
  /** Where the part ends in the file. */
  end: number;
}

interface Run {
  at: number;
  bytes: Buffer;
}

/**
 * The runs the file is read into, in memory shared with the worker, which opens their parts in
 * place. A run is free, being read, out at the worker, or being walked: never two at once.
 */
class RunRing {
  /** The one walked, those ahead, and the next, which already holds the start of a part the last run cut. */
  static readonly runs = runsAhead + 2;
  readonly capacity: number;
  /** How the worker names this memory. */
  readonly memoryIndex: number;
  private readonly free: Run[];
  /** The run buffers used so far: the ones to wipe. */
  private readonly used = new Set<Run>();
  private readonly waiting: (() => void)[] = [];

  constructor(partSize: number, worker: PartWorker) {
    const maxSealed = partSize + partOverhead;
    this.capacity = readRunBytes + 4 + maxSealed;
    const memory = new SharedArrayBuffer(RunRing.runs * this.capacity);
    // Every byte of plaintext the check held (the runs used), wiped when the worker is closed.
    this.memoryIndex = worker.attach(memory, () => {
      for (const run of this.used) run.bytes.fill(0);
    });
    const shared = Buffer.from(memory);
    this.free = Array.from({ length: RunRing.runs }, (_, run) => ({ at: run * this.capacity, bytes: shared.subarray(run * this.capacity, (run + 1) * this.capacity) }));
  }

  /** A free run buffer, once one is. */
  async take(): Promise<Run> {
    while (this.free.length === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    const run = this.free.pop()!;
    this.used.add(run);
    return run;
  }

  give(run: Run): void {
    this.free.push(run);
    this.waiting.shift()?.();
  }

}

/** One run of the file, read and handed to the worker. */
interface SentRun {
  run: Run;
  parts: RunPart[];
  opening: Promise<(boolean | null)[]>;
  /** The file ends, or cannot be read on, after this run; `failure` says why when it is not the end. */
  atEnd: boolean;
  failure: StoreError | null;
}

/**
 * The plaintext of every part in order, as views into reused buffers: each is valid until the
 * next is asked for, which PlainStream and walkBody respect (they copy what they keep). Fails
 * as `decryptParts` does: a part that does not open at its place, a cut-off end, data after the
 * last part. The file is read ahead, run by run, each run handed to the worker as soon as it is read.
 */
async function* openedInWorker(archive: OpenedArchive, worker: PartWorker, ring: RunRing, following: WrittenSoFar | null, onRead: (bytes: number) => void): AsyncGenerator<Buffer> {
  const digest = headerDigest(archive.headerBytes);
  const maxSealed = archive.header.partSize + partOverhead;
  const capacity = ring.capacity;
  let position = archive.bodyStart;
  let index = 0;
  /** The next run to read into, holding `carried` bytes: the start of a part the last run cut. */
  let next = await ring.take();
  let carried = 0;

  const readAndSend = async (): Promise<SentRun> => {
    const run = next;
    const buffer = run.bytes;
    const runStart = position - carried;
    let filled = carried;
    let ended = false;
    while (filled < capacity) {
      let room = capacity - filled;
      // While the file is being written, only what is written is read.
      if (following && !following.ended()) {
        await writtenPast(following, position);
        if (!following.ended()) room = Math.min(room, following.written() - position);
      }
      const { bytesRead } = await archive.handle.read(buffer, filled, room, position);
      if (bytesRead === 0) {
        ended = true;
        break;
      }
      filled += bytesRead;
      position += bytesRead;
    }
    const parts: RunPart[] = [];
    let failure: StoreError | null = null;
    let at = 0;
    while (filled - at >= 4) {
      const length = buffer.readUInt32BE(at);
      if (length < partOverhead || length > maxSealed) {
        failure = damaged(backupMessages.damagedPart(index + 1));
        break;
      }
      if (at + 4 + length > filled) break;
      parts.push({ at: run.at + at + 4, length, more: partContext(digest, index, false), last: partContext(digest, index, true), index, end: runStart + at + 4 + length });
      at += 4 + length;
      index++;
    }
    if (!failure && ended && at < filled) failure = damaged(backupMessages.incomplete);
    const atEnd = ended || failure !== null;
    if (!atEnd) {
      next = await ring.take();
      carried = buffer.copy(next.bytes, 0, at, filled);
    }
    const opening = worker.open(ring.memoryIndex, parts);
    // Its failure surfaces where it is awaited, or not at all once the walk has stopped.
    opening.catch(() => undefined);
    return { run, parts, opening, atEnd, failure };
  };

  // The reading runs ahead of the walk on its own, as far as the free run buffers let it.
  const sent: Promise<SentRun>[] = [];
  let stopped = false;
  let wake: (() => void) | null = null;
  const produce = async () => {
    for (;;) {
      const sending = readAndSend();
      sending.catch(() => undefined);
      sent.push(sending);
      wake?.();
      if ((await sending).atEnd || stopped) return;
    }
  };
  produce().catch(() => undefined);

  try {
    for (;;) {
      while (sent.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const opening = await sent.shift()!;
      const opened = await opening.opening;
      const shared = opening.run.bytes;
      for (const [i, part] of opening.parts.entries()) {
        const last = opened[i];
        if (last === null || last === undefined) throw damaged(backupMessages.damagedPart(part.index + 1));
        if (last && part.end !== (await fileSize(archive, following))) throw damaged(backupMessages.trailingData);
        onRead(part.end);
        const start = part.at - opening.run.at;
        yield shared.subarray(start + 12, start + part.length - 16);
        if (last) return;
      }
      if (opening.failure) throw opening.failure;
      if (opening.atEnd) throw damaged(backupMessages.incomplete);
      ring.give(opening.run);
    }
  } finally {
    stopped = true;
  }
}

/** Waits until the file is written past `position`, or all written; fails if the writing stopped. */
async function writtenPast(following: WrittenSoFar, position: number): Promise<void> {
  while (following.written() <= position && !following.ended()) await following.moved();
  if (following.failed()) throw new Error('the backup stopped being written');
}

/** The file's size: as it was opened, or once a followed file is all written, as it is then. */
async function fileSize(archive: OpenedArchive, following: WrittenSoFar | null): Promise<number> {
  if (!following) return archive.size;
  while (!following.ended()) await following.moved();
  if (following.failed()) throw new Error('the backup stopped being written');
  return (await archive.handle.stat()).size;
}
