import type { PhotoProcessingRequest, PhotoProcessingResult } from './photo-processing-types';
import { forkPhotoWorker, type PhotoWorkerChannel, type PhotoWorkerLauncher, type PhotoWorkerReply } from './photo-worker-channel';

export interface PhotoProcessorOptions {
  /** Starts the photo process (the Electron shell passes a utility process; the default is a Node child). */
  launch?: PhotoWorkerLauncher;
  /** A photo not done in this time is given up and the process stopped. */
  timeoutMs?: number;
  /** An idle process is stopped after this long, and its memory goes back to the computer. */
  idleMs?: number;
}

const photoProcessorDefaults = { timeoutMs: 60_000, idleMs: 20_000 } as const;

/** The photo process stopped, or took too long, while a photo was in it: that photo was not processed. */
export class PhotoWorkerFailure extends Error {
  constructor(why: string) {
    super(`The photo process ${why}.`);
    this.name = 'PhotoWorkerFailure';
  }
}

interface Pending {
  resolve: (result: PhotoProcessingResult) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Decodes, orients, strips and re-encodes photos in a process of their own, not in the process
 * that holds the data key and the records: a photo is a file from outside, and its decoder is a
 * large native library. A file that crashes it, or makes it run away, costs that one photo (the
 * process is stopped, the next photo gets a new one) and never the clinic's session; and the
 * decoder's memory (a 24 MP photo needs a few hundred megabytes) goes back to the computer
 * when the process stops after `idleMs` without work, instead of staying with the app all day.
 */
export class PhotoProcessor {
  private readonly options: Required<PhotoProcessorOptions>;
  private worker: PhotoWorkerChannel | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextRequestId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(options: PhotoProcessorOptions = {}) {
    this.options = { launch: forkPhotoWorker, ...photoProcessorDefaults, ...options };
  }

  process(request: PhotoProcessingRequest): Promise<PhotoProcessingResult> {
    const worker = this.started();
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.stopWorker(worker, `took longer than ${Math.round(this.options.timeoutMs / 1000)} seconds on a photo`), this.options.timeoutMs);
      this.pending.set(requestId, { resolve, reject, timer });
      this.clearIdle();
      worker.keepAlive(true);
      worker.send({ requestId, request });
    });
  }

  async close(): Promise<void> {
    this.clearIdle();
    if (this.worker) this.stopWorker(this.worker, 'was closed');
  }

  private started(): PhotoWorkerChannel {
    if (this.worker) return this.worker;
    const worker = this.options.launch();
    worker.keepAlive(false);
    worker.onMessage((message) => this.answer(worker, message));
    worker.onExit((why) => this.failAll(worker, why));
    this.worker = worker;
    return worker;
  }

  private answer(worker: PhotoWorkerChannel, message: PhotoWorkerReply): void {
    const waiting = this.pending.get(message.requestId);
    if (!waiting) return;
    this.pending.delete(message.requestId);
    clearTimeout(waiting.timer);
    if ('result' in message) waiting.resolve(message.result);
    else waiting.reject(new Error(`Photo processing failed: ${message.error}`));
    if (this.pending.size === 0 && this.worker === worker) this.becameIdle(worker);
  }

  private becameIdle(worker: PhotoWorkerChannel): void {
    worker.keepAlive(false);
    this.clearIdle();
    this.idleTimer = setTimeout(() => this.stopWorker(worker, 'was idle'), this.options.idleMs);
    this.idleTimer.unref();
  }

  private stopWorker(worker: PhotoWorkerChannel, why: string): void {
    this.failAll(worker, why);
    worker.kill();
  }

  /** Everything still waiting on this process fails with the reason; the next photo starts a new one. */
  private failAll(worker: PhotoWorkerChannel, why: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.clearIdle();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const each of waiting) {
      clearTimeout(each.timer);
      each.reject(new PhotoWorkerFailure(why));
    }
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
