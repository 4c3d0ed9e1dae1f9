import type { createCipheriv as CreateCipheriv, createDecipheriv as CreateDecipheriv, randomBytes as RandomBytes } from 'node:crypto';
import type { MessagePort } from 'node:worker_threads';

/** What the worker's program is handed: the thread's port and Node's own cipher functions. */
export interface PartWorkerDeps {
  port: Pick<MessagePort, 'on' | 'postMessage'>;
  createCipheriv: typeof CreateCipheriv;
  createDecipheriv: typeof CreateDecipheriv;
  randomBytes: typeof RandomBytes;
}

/** The body key, in memory shared with the main thread so that the main thread can wipe it on every path. */
export interface StartMessage {
  op: 'start';
  key: SharedArrayBuffer;
}

/** Buffers the parts are sealed and opened in, shared likewise; requests name them by the order they came in. */
export interface AttachMessage {
  op: 'attach';
  memory: SharedArrayBuffer;
}

/**
 * One part to seal in place in the shared memory: its plaintext is at `at + 12`, `length`
 * bytes; the nonce is written at `at`, the ciphertext over the plaintext and the tag right
 * after it. The main thread leaves those bytes alone until the answer.
 */
export interface SealMessage {
  op: 'seal';
  id: number;
  memory: number;
  at: number;
  length: number;
  context: string;
}

/**
 * Sealed parts in the shared memory (each: nonce, ciphertext, tag, from `at`, `length` bytes in
 * all) to open in place: a part that authenticates gets its plaintext written over its
 * ciphertext; one that does not is left as it was.
 */
export interface OpenMessage {
  op: 'open';
  id: number;
  memory: number;
  parts: { at: number; length: number; more: string; last: string }[];
}

export type PartWorkerRequest = StartMessage | AttachMessage | SealMessage | OpenMessage;

/** `opened`: per part, whether it opened as the last part, or null when it opened as neither. */
export type PartWorkerReply = { id: number; opened?: (boolean | null)[] } | { id: number; error: string };

/**
 * The program of the thread that seals and opens backup parts (started from this function's
 * text, see part-worker.ts). AES-256-GCM exactly as `seal` and `open` in crypto/aead.ts: a fresh
 * 96-bit nonce per part, the part's context as associated data, the 16-byte tag; a part is
 * opened only if its tag matches over the whole of it. The work is done in place, in memory the
 * main thread shares with it, so no buffer crosses between the threads; the cipher's own output
 * is copied into place and left to this thread's small heap. It keeps no copy of the key: it
 * reads the shared one that the main thread wipes. Self-contained: it uses nothing but what
 * `deps` holds and the globals of a Node thread.
 */
export function partWorkerBody(deps: PartWorkerDeps): void {
  const gcm = 'aes-256-gcm';
  const nonceBytes = 12;
  const tagBytes = 16;
  /**
   * The cipher is given a part in slices of this size. Node allocates a new output per call: a
   * megabyte per call is a fresh mapping of memory each time, several times slower; outputs of
   * 32 KiB and more are counted as outside memory and set off a full garbage collection of this
   * thread every few dozen megabytes, which in a whole backup (both cores busy) cost more than
   * the calls they save (64 KiB made a 2 GB backup a second and a half slower); at 16 KiB they
   * come warm from the heap and go with the cheap young-generation sweeps.
   */
  const sliceBytes = 16 * 1024;
  let key: Buffer | null = null;
  const memories: Buffer[] = [];

  const started = (memory: number): { key: Buffer; bytes: Buffer } => {
    const bytes = memories[memory];
    if (!key || !bytes) throw new Error('not started');
    return { key, bytes };
  };

  const seal = (message: SealMessage): void => {
    const { key, bytes } = started(message.memory);
    const start = message.at + nonceBytes;
    const end = start + message.length;
    const nonce = deps.randomBytes(nonceBytes);
    const cipher = deps.createCipheriv(gcm, key, nonce);
    cipher.setAAD(Buffer.from(message.context, 'utf8'));
    // Each slice of ciphertext goes over the plaintext it came from, already read by the cipher.
    let written = start;
    for (let offset = start; offset < end; offset += sliceBytes) written += cipher.update(bytes.subarray(offset, Math.min(offset + sliceBytes, end))).copy(bytes, written);
    written += cipher.final().copy(bytes, written);
    if (written !== end) throw new Error('GCM gave another length than it took');
    nonce.copy(bytes, message.at);
    cipher.getAuthTag().copy(bytes, end);
  };

  /** Runs `cipher` over the bytes of `region` in slices, each output written back over its input and then wiped. */
  const inPlace = (cipher: { update(data: Buffer): Buffer }, region: Buffer): void => {
    for (let offset = 0; offset < region.length; offset += sliceBytes) {
      const output = cipher.update(region.subarray(offset, offset + sliceBytes));
      output.copy(region, offset);
      output.fill(0);
    }
  };

  /**
   * Opens one part in place if its tag matches with `context`. The plaintext is written over the
   * ciphertext as it comes, but counts only once the tag has been checked over the whole part;
   * if it does not match, the same keystream run once more (GCM's ciphertext does not depend on
   * the associated data) puts the ciphertext back exactly, so no unchecked plaintext is left and
   * the part can be tried again with the other context. The cipher's own output slices are wiped
   * once copied: no plaintext is left in this thread's heap.
   */
  const openOne = (key: Buffer, sealed: Buffer, context: string): boolean => {
    const nonce = sealed.subarray(0, nonceBytes);
    const region = sealed.subarray(nonceBytes, sealed.length - tagBytes);
    const decipher = deps.createDecipheriv(gcm, key, nonce);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
    inPlace(decipher, region);
    try {
      // final() throws unless the tag matches.
      if (decipher.final().length === 0) return true;
    } catch {
      // Put back below.
    }
    inPlace(deps.createCipheriv(gcm, key, nonce), region);
    return false;
  };

  const open = (message: OpenMessage): (boolean | null)[] => {
    const { key, bytes } = started(message.memory);
    return message.parts.map(({ at, length, more, last }) => {
      const sealed = bytes.subarray(at, at + length);
      if (openOne(key, sealed, more)) return false;
      if (openOne(key, sealed, last)) return true;
      return null;
    });
  };

  deps.port.on('message', (message: PartWorkerRequest) => {
    if (message.op === 'start') {
      key = Buffer.from(message.key);
      return;
    }
    if (message.op === 'attach') {
      memories.push(Buffer.from(message.memory));
      return;
    }
    let reply: PartWorkerReply;
    try {
      if (message.op === 'seal') {
        seal(message);
        reply = { id: message.id };
      } else {
        reply = { id: message.id, opened: open(message) };
      }
    } catch (error) {
      reply = { id: message.id, error: error instanceof Error ? error.message : 'failed' };
    }
    deps.port.postMessage(reply);
  });
}
