/* The photo process's program: one photo at a time in, its stored forms out. It holds no key,
 * opens no file and writes nothing: the bytes arrive and leave as messages. Built as its own
 * entry (photo-worker.js beside the main bundle); run as a Node child process or an Electron
 * utility process, whichever started it. */
import { createHash } from 'node:crypto';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import type { PhotoWorkerReply, PhotoWorkerRequest } from './photo-worker-channel';
import { processPhotoInWorker, type PhotoWorkerDeps } from './photo-worker-body';

// Each photo is read once: libvips' cache of recent operations would only hold pixels of
// photos already done.
sharp.cache(false);

const deps: PhotoWorkerDeps = {
  sharp,
  exifReader: exifReader as unknown as PhotoWorkerDeps['exifReader'],
  sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
};

interface ParentPort {
  on(event: 'message', listener: (message: PhotoWorkerRequest) => void): void;
  postMessage(message: PhotoWorkerReply): void;
}

/** Electron's utility process gives a parentPort whose events carry `data`; Node's child process has process.send. */
function parentPort(): ParentPort {
  const electronPort = (process as unknown as { parentPort?: { on(event: 'message', listener: (event: { data: PhotoWorkerRequest }) => void): void; postMessage(message: unknown): void } }).parentPort;
  if (electronPort) {
    return { on: (_event, listener) => electronPort.on('message', (event) => listener(event.data)), postMessage: (message) => electronPort.postMessage(message) };
  }
  if (!process.send) throw new Error('The photo process must be started by SkinLedger');
  const send = process.send.bind(process);
  // Nothing to do once the services are gone (closed, or crashed): never linger as an orphan.
  process.on('disconnect', () => process.exit(0));
  return { on: (_event, listener) => process.on('message', (message) => listener(message as PhotoWorkerRequest)), postMessage: (message) => void send(message) };
}

const port = parentPort();
port.on('message', ({ requestId, request }) => {
  processPhotoInWorker(deps, request).then(
    (result) => port.postMessage({ requestId, result }),
    (error: unknown) => port.postMessage({ requestId, error: error instanceof Error ? error.message : 'failed' }),
  );
});
