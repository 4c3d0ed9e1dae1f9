import { Worker } from 'node:worker_threads';
import { StoreError } from '../store/store-error';
import { backupMessages } from './backup-messages';
import { partWorkerBody, type PartWorkerReply, type PartWorkerRequest } from './part-worker-body';

/**
 * The worker's program: its body function as source text, handed Node's cipher functions.
 * Started from text rather than a file, so it runs the same from the bundled app, the CLI under
 * tsx and the tests with no extra entry file to build and find. `__name` is the one helper a
 * transpiler may add to a function's text.
 */
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { createCipheriv, createDecipheriv, randomBytes } = require('node:crypto');
var __name = (target) => target;
(${partWorkerBody.toString()})({ port: parentPort, createCipheriv, createDecipheriv, randomBytes });
`;

export interface PartToOpen {
  /** Where the part's nonce starts in the shared memory, and its length from there to the end of its tag. */
  at: number;
  length: number;
  /** Its associated data if more parts follow it, and if it is the last. */
  more: string;
  last: string;
}

interface Waiting {
  resolve: (reply: PartWorkerReply) => void;
  reject: (error: unknown) => void;
}

/**
 * A thread that seals and opens a backup's parts, so that the encryption runs beside the
 * hashing and the disk instead of in turn with them, and the window's process stays free.
 *
 * It works in place in `memory`, shared with this thread: the caller lays parts out there and
 * must leave a part's bytes alone from the request until its answer (the writer and the check
 * keep each buffer in exactly one list: being filled, out at the worker, queued, being written,
 * or free). Sharing instead of moving buffers means no new memory per part on either side, and
 * lets `close` wipe the key and every byte of plaintext here, whatever became of the thread.
 * Every request fails with the clinic's message if the thread stops (it crashed, or was ended)
 * before answering, or answers with an error.
 */
export class PartWorker {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private failure: StoreError | null = null;
  private closed = false;

  private readonly wipes: (() => void)[] = [];

  private constructor(
    private readonly worker: Worker,
    private readonly key: Uint8Array,
  ) {
    worker.on('message', (reply: PartWorkerReply) => this.answer(reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('messageerror', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the part worker stopped (${code})`)));
  }

  /**
   * Starts the thread with a copy of `bodyKey` (the caller keeps and wipes its own). It takes a
   * moment to boot (about a tenth of a second), so a backup starts it before anything else.
   */
  static start(bodyKey: Buffer): PartWorker {
    const key = new Uint8Array(new SharedArrayBuffer(bodyKey.length));
    key.set(bodyKey);
    const worker = new Worker(workerSource, { eval: true });
    const started = new PartWorker(worker, key);
    started.post({ op: 'start', key: key.buffer as SharedArrayBuffer });
    return started;
  }

  /**
   * Shares `memory` with the thread, to seal and open parts in; the number names it in
   * requests. `wipe` (which wipes what its owner used of it) is called when the worker is closed,
   * once the thread has stopped and can no longer write there.
   */
  attach(memory: SharedArrayBuffer, wipe: () => void): number {
    this.wipes.push(wipe);
    this.post({ op: 'attach', memory });
    return this.wipes.length - 1;
  }

  /**
   * Seals, in place, the `length` bytes of plaintext at `at + 12` in the shared memory: the
   * nonce is written at `at`, the ciphertext over the plaintext, the tag right after it.
   */
  async seal(memory: number, at: number, length: number, context: string): Promise<void> {
    await this.request((id) => ({ op: 'seal', id, memory, at, length, context }));
  }

  /**
   * Opens, in place, sealed parts in the shared memory: each as a part followed by more, or else
   * as the last one. Per part: whether it opened as the last, its plaintext now over its
   * ciphertext; or null when it opened as neither, its bytes left as they were (no plaintext of
   * it is given).
   */
  async open(memory: number, parts: PartToOpen[]): Promise<(boolean | null)[]> {
    const reply = await this.request((id) => ({ op: 'open', id, memory, parts }));
    if (!('opened' in reply) || reply.opened?.length !== parts.length) throw this.unexpected('an answer of the wrong kind');
    return reply.opened;
  }

  /** Ends the thread, then wipes the shared key and memory; anything still waiting fails. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.fail(new Error('the part worker was closed'));
    try {
      await this.worker.terminate();
    } finally {
      this.key.fill(0);
      for (const wipe of this.wipes) wipe();
    }
  }

  private request(message: (id: number) => PartWorkerRequest): Promise<PartWorkerReply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post(message(id));
    });
  }

  private post(message: PartWorkerRequest): void {
    try {
      this.worker.postMessage(message);
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

  /** The first failure is the one every waiting and later request gets; the key is wiped at once. */
  private fail(cause: unknown): void {
    this.failure ??= new StoreError('SAVE_FAILED', backupMessages.stoppedUnexpectedly, { cause });
    this.key.fill(0);
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const each of waiting) each.reject(this.failure);
  }
}
