import { Worker } from 'node:worker_threads';
import { StoreError } from '../store/store-error';
import { backupMessages } from './backup-messages';
import { partWorkerBody, type PartWorkerReply, type PartWorkerRequest } from './part-worker-body';

/**
 * The worker's program: its body function as source text, handed Node's cipher functions.
 * Started from text (not a file) for the reason photo-processor.ts gives: it runs the same from
 * the bundled app, the CLI under tsx and the tests. `__name` is the one helper a transpiler may
 * add to a function's text.
 */
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { createCipheriv, createDecipheriv, randomBytes } = require('node:crypto');
var __name = (target) => target;
(${partWorkerBody.toString()})({ port: parentPort, createCipheriv, createDecipheriv, randomBytes });
`;

export interface PartToOpen {
  /** Where the part's nonce starts in the buffer, and its length from there to the end of its tag. */
  at: number;
  length: number;
  /** Its associated data if more parts follow it, and if it is the last. */
  more: string;
  last: string;
}

type Answer = Extract<PartWorkerReply, { buffer: ArrayBuffer }>;

interface Waiting {
  resolve: (reply: Answer) => void;
  reject: (error: unknown) => void;
}

/**
 * A thread that seals and opens a backup's parts, so that the encryption runs beside the
 * hashing and the disk instead of in turn with them, and the window's process stays free.
 * Buffers are moved to the thread and back, never copied: a buffer given to `seal` or `open`
 * is unusable (empty) here until its answer hands it back. The body key is put in memory shared
 * with the thread, so `close` wipes it here whatever became of the thread. Every request fails
 * with the clinic's message if the thread stops (it crashed, or was ended) before answering.
 */
export class PartWorker {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private failure: StoreError | null = null;
  private closed = false;

  private constructor(
    private readonly worker: Worker,
    private readonly key: Uint8Array,
  ) {
    worker.on('message', (reply: PartWorkerReply) => this.answer(reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('messageerror', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the part worker stopped (${code})`)));
  }

  /** Starts the thread with a copy of `bodyKey`; the caller keeps (and wipes) its own. */
  static start(bodyKey: Buffer): PartWorker {
    const shared = new Uint8Array(new SharedArrayBuffer(bodyKey.length));
    shared.set(bodyKey);
    const worker = new Worker(workerSource, { eval: true });
    const started = new PartWorker(worker, shared);
    started.post({ op: 'key', key: shared.buffer as SharedArrayBuffer });
    return started;
  }

  /**
   * Seals, in place, the `length` bytes of plaintext at `at + 12` in `buffer`: the nonce is
   * written at `at`, the ciphertext over the plaintext, the tag right after it. `buffer` must
   * have its memory to itself (Buffer.allocUnsafeSlow): it is moved to the thread, and the
   * buffer resolved is the same memory, sealed.
   */
  async seal(buffer: Buffer, at: number, length: number, context: string): Promise<Buffer> {
    const moved = ownArrayBuffer(buffer);
    const reply = await this.request((id) => ({ op: 'seal', id, buffer: moved, at, length, context }), moved);
    return Buffer.from(reply.buffer);
  }

  /**
   * Opens, in place, the sealed parts in `buffer` (moved to the thread and back, as for seal):
   * each as a part followed by more, or else as the last one. Per part: whether it opened as
   * the last, with its plaintext now over its ciphertext; or null when it opened as neither,
   * its bytes left as they were (no plaintext is given for a part whose tag did not match).
   */
  async open(buffer: Buffer, parts: PartToOpen[]): Promise<{ buffer: Buffer; opened: (boolean | null)[] }> {
    const moved = ownArrayBuffer(buffer);
    const reply = await this.request((id) => ({ op: 'open', id, buffer: moved, parts }), moved);
    if (reply.opened?.length !== parts.length) throw this.unexpected('an answer of the wrong kind');
    return { buffer: Buffer.from(reply.buffer), opened: reply.opened };
  }

  /** Wipes the shared key and ends the thread; anything still waiting fails. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.key.fill(0);
    this.fail(new Error('the part worker was closed'));
    await this.worker.terminate();
  }

  private request(message: (id: number) => PartWorkerRequest, moved: ArrayBuffer): Promise<Answer> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post(message(id), [moved]);
    });
  }

  private post(message: PartWorkerRequest, moved: ArrayBuffer[] = []): void {
    try {
      this.worker.postMessage(message, moved);
    } catch (error) {
      this.fail(error);
    }
  }

  private answer(reply: PartWorkerReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if ('error' in reply) waiting.reject(this.unexpected(reply.error));
    else waiting.resolve(reply);
  }

  private unexpected(what: string): StoreError {
    return new StoreError('SAVE_FAILED', backupMessages.stoppedUnexpectedly, { cause: new Error(what) });
  }

  /** The first failure is the one every waiting and later request gets. */
  private fail(cause: unknown): void {
    this.failure ??= new StoreError('SAVE_FAILED', backupMessages.stoppedUnexpectedly, { cause });
    this.key.fill(0);
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const each of waiting) each.reject(this.failure);
  }
}

function ownArrayBuffer(buffer: Buffer): ArrayBuffer {
  if (buffer.byteOffset !== 0 || buffer.buffer.byteLength !== buffer.length || !(buffer.buffer instanceof ArrayBuffer)) {
    throw new RangeError('a buffer moved to the part worker must have its memory to itself');
  }
  return buffer.buffer;
}
