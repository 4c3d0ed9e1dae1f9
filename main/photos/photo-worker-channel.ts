import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PhotoProcessingRequest, PhotoProcessingResult } from './photo-processing-types';

/** What the services send the photo process, and what it answers. */
export interface PhotoWorkerRequest {
  requestId: number;
  request: PhotoProcessingRequest;
}

export type PhotoWorkerReply = { requestId: number; result: PhotoProcessingResult } | { requestId: number; error: string };

/**
 * The services' end of the photo process, whatever started it: a Node child process under the
 * CLI, the tests and the benchmarks; an Electron utility process in the app (main/shell).
 */
export interface PhotoWorkerChannel {
  /** The process's id, once started (for diagnostics). */
  readonly pid: number | undefined;
  send(message: PhotoWorkerRequest): void;
  onMessage(listener: (message: PhotoWorkerReply) => void): void;
  /** Called once, however the process ended (exited, crashed, killed, failed to start). */
  onExit(listener: (why: string) => void): void;
  kill(): void;
  /** Whether an idle process may keep the program running (a CLI command must be able to end). */
  keepAlive(alive: boolean): void;
}

export type PhotoWorkerLauncher = () => PhotoWorkerChannel;

/**
 * The photo process's program, beside the code that starts it: `photo-worker.js` next to the
 * bundle (out/main, as electron-vite builds it), or the TypeScript source when running from
 * source under tsx or vitest.
 */
export function photoWorkerEntry(): { path: string; fromSource: boolean } {
  const fromSource = import.meta.url.endsWith('.ts');
  return { path: fileURLToPath(new URL(fromSource ? './photo-worker-main.ts' : './photo-worker.js', import.meta.url)), fromSource };
}

/** A Node child process running the photo program, messages in V8's own format (bytes stay bytes). */
export function forkPhotoWorker(entry = photoWorkerEntry()): PhotoWorkerChannel {
  const child = fork(entry.path, [], {
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // From source the child needs tsx to read TypeScript; the built program needs nothing, and
    // none of the parent's own flags (an inspector, a test runner's loader) belong in it.
    execArgv: entry.fromSource ? ['--import', 'tsx'] : [],
  });
  let ended = false;
  const exitListeners: ((why: string) => void)[] = [];
  const end = (why: string) => {
    if (ended) return;
    ended = true;
    for (const listener of exitListeners) listener(why);
  };
  child.on('exit', (code, signal) => end(signal ? `stopped by ${signal}` : `exited with ${code}`));
  child.on('error', (error) => end(`could not run: ${error.message}`));
  return {
    pid: child.pid,
    send: (message) => {
      child.send(message, (error) => {
        if (error) end(`could not be reached: ${error.message}`);
      });
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as PhotoWorkerReply)),
    onExit: (listener) => exitListeners.push(listener),
    kill: () => child.kill(),
    keepAlive: (alive) => {
      if (alive) {
        child.ref();
        child.channel?.ref();
      } else {
        child.unref();
        child.channel?.unref();
      }
    },
  };
}
