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
export interface KeyMessage {
  op: 'key';
  key: SharedArrayBuffer;
}

/**
 * One part to seal in place: its plaintext is at `at + 12` in `buffer`, `length` bytes; the
 * nonce is written at `at`, the ciphertext over the plaintext and the tag right after it. The
 * worker owns `buffer` until it hands it back.
 */
export interface SealMessage {
  op: 'seal';
  id: number;
  buffer: ArrayBuffer;
  at: number;
  length: number;
  context: string;
}

/**
 * Sealed parts inside `buffer` (each: nonce, ciphertext, tag, from `at`, `length` bytes in all)
 * to open in place: a part that authenticates gets its plaintext written over its ciphertext.
 */
export interface OpenMessage {
  op: 'open';
  id: number;
  buffer: ArrayBuffer;
  parts: { at: number; length: number; more: string; last: string }[];
}

export type PartWorkerRequest = KeyMessage | SealMessage | OpenMessage;

/** `opened`: per part, whether it opened as the last part, or null when it opened as neither. */
export type PartWorkerReply = { id: number; buffer: ArrayBuffer; opened?: (boolean | null)[] } | { id: number; error: string };

/**
 * The program of the thread that seals and opens backup parts (started from this function's
 * text, see part-worker.ts). AES-256-GCM exactly as `seal` and `open` in crypto/aead.ts: a fresh
 * 96-bit nonce per part, the part's context as associated data, the 16-byte tag; a part is
 * opened only if its tag matches over the whole of it. The work is done in place, in buffers the
 * main thread lends and gets back, so no new memory crosses between the threads; the cipher's
 * own output is copied into place and left to this thread's small heap. It keeps no copy of the
 * key: it reads the shared one that the main thread wipes. Self-contained: it uses nothing but
 * what `deps` holds and the globals of a Node thread.
 */
export function partWorkerBody(deps: PartWorkerDeps): void {
  const gcm = 'aes-256-gcm';
  const nonceBytes = 12;
  const tagBytes = 16;
  /**
   * The cipher is given a part in slices of this size: each of its outputs (Node allocates a new
   * one per call) then comes warm from the allocator's heap, where a megabyte per call is a
   * fresh mapping of memory each time and several times slower.
   */
  const sliceBytes = 32 * 1024;
  let key: Buffer | null = null;
  /** Where an opened part's plaintext waits until its tag has been checked. */
  let scratch = Buffer.alloc(0);

  const keyNow = (): Buffer => {
    if (!key) throw new Error('no key');
    return key;
  };

  const seal = (message: SealMessage): void => {
    const bytes = Buffer.from(message.buffer);
    const start = message.at + nonceBytes;
    const nonce = deps.randomBytes(nonceBytes);
    const cipher = deps.createCipheriv(gcm, keyNow(), nonce);
    cipher.setAAD(Buffer.from(message.context, 'utf8'));
    // Each slice of ciphertext goes over the plaintext it came from, already read by the cipher.
    let written = start;
    for (let offset = start; offset < start + message.length; offset += sliceBytes) {
      written += cipher.update(bytes.subarray(offset, Math.min(offset + sliceBytes, start + message.length))).copy(bytes, written);
    }
    written += cipher.final().copy(bytes, written);
    if (written !== start + message.length) throw new Error('GCM gave another length than it took');
    nonce.copy(bytes, message.at);
    cipher.getAuthTag().copy(bytes, start + message.length);
  };

  /**
   * Opens one part into `scratch` if its tag matches with `context`: its length there, or -1.
   * Nothing of it is used before the tag has been checked over the whole part.
   */
  const openOne = (sealed: Buffer, context: string): number => {
    const ciphertext = sealed.subarray(nonceBytes, sealed.length - tagBytes);
    if (scratch.length < ciphertext.length) scratch = Buffer.allocUnsafeSlow(ciphertext.length);
    let written = 0;
    try {
      const decipher = deps.createDecipheriv(gcm, keyNow(), sealed.subarray(0, nonceBytes));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
      for (let offset = 0; offset < ciphertext.length; offset += sliceBytes) {
        written += decipher.update(ciphertext.subarray(offset, offset + sliceBytes)).copy(scratch, written);
      }
      // final() throws unless the tag matches.
      written += decipher.final().copy(scratch, written);
      return written;
    } catch {
      scratch.fill(0, 0, written);
      return -1;
    }
  };

  const open = (message: OpenMessage): (boolean | null)[] => {
    const bytes = Buffer.from(message.buffer);
    return message.parts.map(({ at, length, more, last }) => {
      const sealed = bytes.subarray(at, at + length);
      let opened = openOne(sealed, more);
      const asLast = opened < 0;
      if (asLast) opened = openOne(sealed, last);
      if (opened < 0) return null;
      scratch.copy(bytes, at + nonceBytes, 0, opened);
      return asLast;
    });
  };

  deps.port.on('message', (message: PartWorkerRequest) => {
    if (message.op === 'key') {
      key = Buffer.from(message.key);
      return;
    }

    let reply: PartWorkerReply;
    try {
      if (message.op === 'seal') {
        seal(message);
        reply = { id: message.id, buffer: message.buffer };
      } else {
        reply = { id: message.id, buffer: message.buffer, opened: open(message) };
      }
    } catch (error) {
      deps.port.postMessage({ id: message.id, error: error instanceof Error ? error.message : 'failed' });
      return;
    }
    deps.port.postMessage(reply, [reply.buffer]);
  });
}
