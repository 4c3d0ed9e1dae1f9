import { afterEach, describe, expect, it } from 'vitest';
import type { PhotoImportFileResult } from '../../../shared/photos/import-result';
import { forkPhotoWorker, type PhotoWorkerChannel, type PhotoWorkerLauncher } from '../../../main/photos/photo-worker-channel';
import { syntheticFaceJpeg } from '../../support/photo-fixtures';
import { filesUnder, tempFolder } from '../../support/temp-folder';
import { openPhotoStore, type PhotoStore } from './photo-store';

let folder: ReturnType<typeof tempFolder> | null = null;
let store: PhotoStore | null = null;
afterEach(async () => {
  await store?.close();
  folder?.remove();
  store = null;
  folder = null;
});

const labels = { view: 'front' as const, stage: 'before' as const };

async function open(options: Parameters<typeof openPhotoStore>[1]) {
  folder = tempFolder('skinledger-photo-process-');
  store = await openPhotoStore(folder.path, options);
  return store;
}

async function faces(count: number) {
  return Promise.all(Array.from({ length: count }, async (_, n) => ({ fileName: `face-${n + 1}.jpg`, bytes: await syntheticFaceJpeg({ width: 480, height: 600, hue: 40 * n, seed: n + 1 }) })));
}

function outcomes(results: PhotoImportFileResult[]) {
  return results.map((result) => (result.outcome === 'imported' ? 'imported' : result.reason));
}

/** Real photo processes, each announced as it starts, so a test can stop one as a crash would. */
function watchedLaunches() {
  const started: PhotoWorkerChannel[] = [];
  const launch: PhotoWorkerLauncher = () => {
    const channel = forkPhotoWorker();
    started.push(channel);
    return channel;
  };
  return { launch, started };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the photo process', () => {
  it('decodes in a process of its own, which stops when idle and gives its memory back, and starts again for the next photo', async () => {
    const { launch, started } = watchedLaunches();
    const photos = (await open({ launch, idleMs: 300 })).photos;
    const [first, second] = await faces(2);
    const results = await photos.import(store!.admin.id, { clientId: store!.clientId, labels, files: [first!] });
    expect(outcomes(results)).toEqual(['imported']);
    const pid = started[0]!.pid!;
    expect(pid).not.toBe(process.pid);
    expect(alive(pid)).toBe(true);
    await expect.poll(() => alive(pid), { timeout: 10_000 }).toBe(false);

    expect(outcomes(await photos.import(store!.admin.id, { clientId: store!.clientId, labels, files: [second!] }))).toEqual(['imported']);
    expect(started).toHaveLength(2);
  });

  it('a photo the process dies on is refused with its own message, nothing of it is kept, and the rest of the batch goes in', async () => {
    const { launch, started } = watchedLaunches();
    let sent = 0;
    // The second photo's process is stopped the moment it has the photo, as a decoder crash would stop it.
    const crashOnSecond: PhotoWorkerLauncher = () => {
      const channel = launch();
      return {
        ...channel,
        pid: channel.pid,
        send: (message) => {
          channel.send(message);
          if (++sent === 2) channel.kill();
        },
      };
    };
    await open({ launch: crashOnSecond });
    const files = await faces(3);
    const results = await store!.photos.import(store!.admin.id, { clientId: store!.clientId, labels, files });
    expect(outcomes(results)).toEqual(['imported', 'could-not-process', 'imported']);
    const refused = results[1]!;
    expect(refused.outcome === 'refused' && refused.message).toMatch(/could not be processed.*Nothing of it was kept/);
    expect(started).toHaveLength(2);
    const importedIds = results.flatMap((result) => (result.outcome === 'imported' ? [result.photo.id] : []));
    expect(
      store!.photos
        .list(store!.admin.id, { clientId: store!.clientId })
        .photos.map((photo) => photo.id)
        .sort(),
    ).toEqual(importedIds.sort());
    // Two photos, three stored forms each: nothing of the refused one is on disk.
    expect(filesUnder(folder!.path).filter((path) => path.includes('/photos/'))).toHaveLength(6);
  });

  it('a photo that runs past the time limit is refused and its process stopped; the next photo gets a new one', async () => {
    const { launch, started } = watchedLaunches();
    let killed = false;
    // A process that takes the photo and never answers, as one stuck in a decoder loop would.
    const stuck: PhotoWorkerChannel = { pid: undefined, send: () => undefined, onMessage: () => undefined, onExit: () => undefined, kill: () => (killed = true), keepAlive: () => undefined };
    let launches = 0;
    // The limit also covers starting the next process (tsx reads the program's TypeScript first),
    // so it is seconds, not milliseconds, for a busy test machine.
    await open({ launch: () => (launches++ === 0 ? stuck : launch()), timeoutMs: 4000 });
    const results = await store!.photos.import(store!.admin.id, { clientId: store!.clientId, labels, files: await faces(2) });
    expect(outcomes(results)).toEqual(['could-not-process', 'imported']);
    expect(killed).toBe(true);
    expect(started).toHaveLength(1);
  });
});
