import { headerDigest, partContext, partOverhead } from './archive-format';
import { deriveArchiveKeys, unlockArchive, wipeKeys } from './archive-keys';
import { assertHeaderAuthentic, openArchive, type OpenedArchive } from './archive-reader';
import { PlainStream, walkBody } from './archive-body';
import { backupMessages, damaged } from './backup-messages';
import { PartWorker, type PartToOpen } from './part-worker';
import { checkContents } from './read-archive';
import type { StoreError } from '../store/store-error';

export interface CheckWrittenOptions {
  /** Bytes of the file read so far, of its size. */
  onProgress?: (done: number, total: number) => void;
}

/** The file is read in runs of about this many bytes, each opened by the part worker in place. */
const readRunBytes = 8 * 1024 * 1024;

/**
 * The check a new backup gets before it is given its name: the file read back in full from the
 * disk under its .partial name, with the live store's key. The header's MAC; every part opened
 * (its GCM tag checked) as the part at its place, bound to this header, and the file ending right
 * after the part sealed as the last; then every record walked and the list of contents checked
 * against what was found, as `readArchive` does (the same backup, every member in order with its
 * name and size, the database and key file once each, no name twice).
 *
 * The parts are opened by the part worker, in place in a few reused buffers, while the next run
 * is read; the window's process only walks the records.
 *
 * Why the members are not hashed again here, as verify-backup and restore hash them: every part
 * has just been opened with its GCM tag, which authenticates the exact bytes sealed at that place
 * (its number, whether it is the last, this header's digest), so nothing in the file can differ
 * from what was sealed without its part failing. And what was sealed is the very bytes that were
 * hashed for the list of contents: create-backup reads each file straight into the part buffer,
 * hashes those bytes, and only then does the writer move the buffer to the worker (moved, not
 * shared: nothing can change it in between), with no copy between the hash and the seal. The walk
 * then checks that the records are the listed members, in the list's order, with its names and
 * sizes. A second SHA-256 could only catch a slip in the writer's own bookkeeping (a digest put
 * against the wrong member), which the tests catch by restoring and verifying backups of many
 * members with different contents; it cost about as much again as the rest of this check (some
 * 1.5 s of processor for 2 GB). verify-backup and restore still hash every member and compare it
 * with the list, end to end, so a backup is checked that way whenever it is verified or used.
 */
export async function checkWrittenArchive(path: string, dataKey: Buffer, storeId: string, options: CheckWrittenOptions = {}): Promise<void> {
  const archive = await openArchive(path);
  let worker: PartWorker | null = null;
  try {
    const unlocked = await unlockArchive(archive.header, { kind: 'data-key', dataKey, storeId });
    const keys = deriveArchiveKeys(unlocked.dataKey, archive.header);
    unlocked.dataKey.fill(0);
    try {
      assertHeaderAuthentic(archive, keys);
      worker = PartWorker.start(keys.body);
    } finally {
      wipeKeys(keys);
    }
    options.onProgress?.(archive.bodyStart, archive.size);
    const parts = openedInWorker(archive, worker, (read) => options.onProgress?.(read, archive.size));
    const { seen, manifest } = await walkBody(new PlainStream(parts), {}, { hashMembers: false });
    checkContents(archive.header, manifest, seen, false);
  } finally {
    await worker?.close();
    await archive.close();
  }
}

interface RunPart extends PartToOpen {
  index: number;
  /** Where the part ends in the file. */
  end: number;
}

/** One run of the file, read and handed to the worker. */
interface SentRun {
  parts: RunPart[];
  opening: Promise<{ buffer: Buffer; opened: (boolean | null)[] }>;
  /** The file ends, or cannot be read on, after this run; `failure` says why when it is not the end. */
  atEnd: boolean;
  failure: StoreError | null;
}

/**
 * The plaintext of every part in order, as views into reused buffers: each is valid until the
 * next is asked for, which PlainStream and walkBody respect (they copy what they keep). Fails
 * as `decryptParts` does: a part that does not open at its place, a cut-off end, data after the
 * last part.
 */
async function* openedInWorker(archive: OpenedArchive, worker: PartWorker, onRead: (bytes: number) => void): AsyncGenerator<Buffer> {
  const digest = headerDigest(archive.headerBytes);
  const maxSealed = archive.header.partSize + partOverhead;
  const capacity = readRunBytes + 4 + maxSealed;
  const free: Buffer[] = [];
  const take = () => free.pop() ?? Buffer.allocUnsafeSlow(capacity);
  let position = archive.bodyStart;
  let index = 0;
  /** The next buffer to read into, already holding the start of a part the last run cut. */
  let next = take();
  let carried = 0;

  const readAndSend = async (): Promise<SentRun> => {
    const buffer = next;
    const runStart = position - carried;
    let filled = carried;
    let ended = false;
    while (filled < capacity) {
      const { bytesRead } = await archive.handle.read(buffer, filled, capacity - filled, position);
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
      parts.push({ at: at + 4, length, more: partContext(digest, index, false), last: partContext(digest, index, true), index, end: runStart + at + 4 + length });
      at += 4 + length;
      index++;
    }
    if (!failure && ended && at < filled) failure = damaged(backupMessages.incomplete);
    const atEnd = ended || failure !== null;
    if (!atEnd) {
      next = take();
      carried = buffer.copy(next, 0, at, filled);
    }
    const opening = worker.open(buffer, parts);
    // Its failure surfaces where it is awaited, or not at all once the walk has stopped.
    opening.catch(() => undefined);
    return { parts, opening, atEnd, failure };
  };

  let reading: Promise<SentRun> | null = readAndSend();
  reading.catch(() => undefined);
  let opening: SentRun | null = null;
  while (reading || opening) {
    // The next run is read, and opened by the worker, while this one is walked.
    const sent: SentRun | null = reading ? await reading : null;
    reading = sent && !sent.atEnd ? readAndSend() : null;
    reading?.catch(() => undefined);
    if (opening) {
      const run = await opening.opening;
      for (const [i, part] of opening.parts.entries()) {
        const last = run.opened[i];
        if (last === null || last === undefined) throw damaged(backupMessages.damagedPart(part.index + 1));
        if (last && part.end !== archive.size) throw damaged(backupMessages.trailingData);
        onRead(part.end);
        yield run.buffer.subarray(part.at + 12, part.at + part.length - 16);
        if (last) return;
      }
      if (opening.failure) throw opening.failure;
      if (opening.atEnd) throw damaged(backupMessages.incomplete);
      free.push(run.buffer);
    }
    opening = sent;
  }
}
