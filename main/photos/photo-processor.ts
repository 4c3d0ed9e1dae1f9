import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { PhotoProcessingRequest, PhotoProcessingResult } from './photo-processing-types';
import { processPhotoInWorker } from './photo-worker-body';

const moduleRequire = createRequire(import.meta.url);

/**
 * The worker's program: its body function as source text, handed sharp, exif-reader and a
 * hash. Started from text (not a file) so it runs the same from the bundled app, the CLI under
 * tsx and the tests, with no second build entry to keep in step. `__name` is the one helper a
 * transpiler may add to a function's text.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
var __name = (target) => target;
const deps = {
  sharp: require(workerData.sharpPath),
  exifReader: require(workerData.exifReaderPath),
  sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
};
const processPhoto = (${processPhotoInWorker.toString()});
parentPort.on('message', async ({ requestId, request }) => {
  try {
    parentPort.postMessage({ requestId, result: await processPhoto(deps, request) });
  } catch (error) {
    parentPort.postMessage({ requestId, error: error && error.message ? String(error.message) : 'failed' });
  }
});
`;

interface Pending {
  resolve: (result: PhotoProcessingResult) => void;
  reject: (error: Error) => void;
}

/**
 * Decodes, orients, strips and re-encodes photos in a worker thread, one at a time, so the
 * window's main process keeps answering while a 60 MB photo is worked on. The worker starts on
 * first use and does not keep a CLI process alive.
 */
export class PhotoProcessor {
  private worker: Worker | null = null;
  private nextRequestId = 1;
  private readonly pending = new Map<number, Pending>();

  process(request: PhotoProcessingRequest): Promise<PhotoProcessingResult> {
    const worker = this.started();
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ requestId, request });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { sharpPath: moduleRequire.resolve('sharp'), exifReaderPath: moduleRequire.resolve('exif-reader') },
    });
    worker.unref();
    worker.on('message', (message: { requestId: number; result?: PhotoProcessingResult; error?: string }) => {
      const waiting = this.pending.get(message.requestId);
      if (!waiting) return;
      this.pending.delete(message.requestId);
      if (this.pending.size === 0) worker.unref();
      if (message.result) waiting.resolve(message.result);
      else waiting.reject(new Error(`Photo processing failed: ${message.error ?? 'unknown'}`));
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`The photo worker stopped (${code}).`)));
    this.worker = worker;
    return worker;
  }
}
