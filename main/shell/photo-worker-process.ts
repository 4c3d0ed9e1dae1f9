import { utilityProcess } from 'electron';
import type { PhotoWorkerChannel, PhotoWorkerLauncher, PhotoWorkerReply } from '../photos/photo-worker-channel';

/**
 * The photo process in the app: an Electron utility process running photo-worker.js (built
 * beside index.js; `photoWorkerEntry()` finds it). A plain Node child cannot be used here: with the RunAsNode fuse off, the
 * app's binary started as a child would be a second SkinLedger, not Node.
 */
export function utilityPhotoWorker(script: string): PhotoWorkerLauncher {
  return (): PhotoWorkerChannel => {
    const child = utilityProcess.fork(script, [], { serviceName: 'SkinLedger photos', stdio: ['ignore', 'ignore', 'inherit'] });
    let ended = false;
    const exitListeners: ((why: string) => void)[] = [];
    child.once('exit', (code) => {
      if (ended) return;
      ended = true;
      for (const listener of exitListeners) listener(`exited with ${code}`);
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (message: PhotoWorkerReply) => listener(message)),
      onExit: (listener) => exitListeners.push(listener),
      kill: () => void child.kill(),
      // Electron ends its utility processes with the app; an idle one never holds it open.
      keepAlive: () => undefined,
    };
  };
}
