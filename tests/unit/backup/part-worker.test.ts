import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker, type Transferable } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BackupProgress } from '../../../shared/contract/backup-channels';
import { PartWorker } from '../../../main/backup/part-worker';
import { restoreIntoEmptyFolder } from '../../../main/backup/restore-backup';
import { verifyBackupFile } from '../../../main/backup/verify-backup';
import { backupClinic, type BackupClinic } from './backup-fixture';

/**
 * A backup's parts are sealed, and read back, by a worker thread. Whatever goes wrong on the
 * way (the thread stops, the disk fills, a file changes, the bytes on the disk are not the ones
 * sealed), the clinic gets its own message, nothing is left under a backup's name or as a
 * .partial, and the keys handed to the thread are wiped.
 */
let clinic: BackupClinic;
const lastFile = 'photos/zz-last.enc';
const lastFileBytes = randomBytes(13 * 1024 * 1024 + 77);

beforeAll(async () => {
  clinic = await backupClinic({ bigFile: true });
  writeFileSync(join(clinic.dataDir, ...lastFile.split('/')), lastFileBytes);
}, 60_000);
afterEach(() => {
  vi.restoreAllMocks();
  for (const name of readdirSync(clinic.backupsDir)) rmSync(join(clinic.backupsDir, name), { force: true });
  writeFileSync(join(clinic.dataDir, ...lastFile.split('/')), lastFileBytes);
});
afterAll(() => {
  clinic.services.close();
  clinic.folder.remove();
});

interface Watched {
  /** Each key as handed to a part worker, read through the memory it shares with the thread. */
  keys: Uint8Array[];
  /** The memory the worker was given to seal or open parts in, shared likewise. */
  memories: Uint8Array[];
  /** Each key's bytes as they were when handed over. */
  keysAtStart: Buffer[];
  requests: string[];
}

type Message = { op: string; [field: string]: unknown };

/**
 * Watches what is posted to part workers; `meddle` may change or drop a message (return false
 * to drop it) with the worker at hand.
 */
function watchWorkers(meddle?: (message: Message, worker: Worker, count: number) => boolean): Watched {
  const watched: Watched = { keys: [], memories: [], keysAtStart: [], requests: [] };
  const post = Worker.prototype.postMessage;
  vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, value: unknown, transfer?: readonly Transferable[]) {
    const message = value as Message;
    if (message.op === 'start') {
      const key = new Uint8Array(message.key as SharedArrayBuffer);
      watched.keys.push(key);
      watched.keysAtStart.push(Buffer.from(key));
    } else if (message.op === 'attach') {
      watched.memories.push(new Uint8Array(message.memory as SharedArrayBuffer));
    } else {
      watched.requests.push(message.op);
    }
    if (meddle && !meddle(message, this, watched.requests.filter((op) => op === message.op).length)) return;
    post.call(this, value, transfer as Transferable[]);
  });
  return watched;
}

const allZero = (bytes: Uint8Array) => bytes.every((byte) => byte === 0);

/**
 * The key handed to the backup's one part worker, and the memory where it sealed and opened parts
 * (the writer's, and the check's when it had started), are all zeros now.
 */
function expectKeysWiped(watched: Watched, memories: number | { atLeast: number }) {
  expect(watched.keys.length).toBe(1);
  if (typeof memories === 'number') expect(watched.memories.length).toBe(memories);
  else expect(watched.memories.length).toBeGreaterThanOrEqual(memories.atLeast);
  for (const [index, memory] of watched.memories.entries()) expect(allZero(memory), `memory ${index + 1} wiped`).toBe(true);
  for (const [index, key] of watched.keys.entries()) {
    expect(key.length).toBe(32);
    expect(allZero(watched.keysAtStart[index]!), 'a real key was handed over').toBe(false);
    // The thread gets the derived body key, never the store's data key itself.
    expect(watched.keysAtStart[index]!.equals(clinic.dataKey)).toBe(false);
    expect(allZero(key), `key ${index + 1} wiped`).toBe(true);
  }
}

/** Nothing in the backup folder (no backup, no .partial) and no snapshot left in the data folder. */
function expectNothingLeft() {
  expect(readdirSync(clinic.backupsDir)).toEqual([]);
  expect(readdirSync(clinic.dataDir).filter((name) => name.startsWith('.'))).toEqual([]);
}

const backUp = (onProgress?: (progress: BackupProgress) => void) => clinic.services.backup.backupToFile(clinic.admin.id, join(clinic.backupsDir, 'clinic.slbackup'), onProgress);

describe('the part worker of a backup', () => {
  it('gets a copy of the body key, which is wiped once the backup is written and checked', async () => {
    const watched = watchWorkers();
    const phases: string[] = [];
    const created = await backUp((progress) => {
      if (phases.at(-1) !== progress.phase) phases.push(progress.phase);
    });
    expect(phases).toEqual(['snapshot', 'writing', 'checking']);
    // One thread seals the parts and opens them again for the check, each in memory of its own.
    expectKeysWiped(watched, 2);
    expect(watched.requests).toContain('seal');
    expect(watched.requests).toContain('open');
    await expect(verifyBackupFile(created.path, { kind: 'recovery', recoveryKey: clinic.recoveryKey })).resolves.toMatchObject({ members: 5 });
  });

  it('that stops half-way through sealing: the clinic is told, nothing is saved, the key is wiped, and the next backup works', async () => {
    const watched = watchWorkers((message, worker, count) => {
      if (message.op !== 'seal' || count !== 3) return true;
      void worker.terminate();
      return false;
    });
    await expect(backUp()).rejects.toMatchObject({ code: 'SAVE_FAILED', message: expect.stringMatching(/stopped before it was finished.*Nothing was saved/) });
    expectNothingLeft();
    expectKeysWiped(watched, { atLeast: 1 });

    vi.restoreAllMocks();
    const created = await backUp();
    expect(readdirSync(clinic.backupsDir)).toEqual([created.file]);
  });

  it('that cannot seal a part (it answers with an error): the same', async () => {
    const watched = watchWorkers((message, _worker, count) => {
      if (message.op === 'seal' && count === 2) message.context = undefined;
      return true;
    });
    await expect(backUp()).rejects.toMatchObject({ code: 'SAVE_FAILED', message: expect.stringMatching(/stopped before it was finished/) });
    expectNothingLeft();
    expectKeysWiped(watched, { atLeast: 1 });
  });

  it('that stops while the written file is read back: nothing is saved under the name, the key is wiped', async () => {
    const watched = watchWorkers((message, worker, count) => {
      if (message.op !== 'open' || count !== 2) return true;
      void worker.terminate();
      return false;
    });
    await expect(backUp()).rejects.toMatchObject({ code: 'SAVE_FAILED', message: expect.stringMatching(/stopped before it was finished/) });
    expectNothingLeft();
    expectKeysWiped(watched, 2);
  });
});

describe('a backup whose disk or files fail it', () => {
  it('the disk fills up mid-way: the drive is named as the trouble, nothing is saved', async () => {
    const handle = await open(join(clinic.folder.path, 'probe'), 'w');
    const prototype = Object.getPrototypeOf(handle) as { writev: (...args: unknown[]) => Promise<unknown> };
    await handle.close();
    const writev = prototype.writev;
    let calls = 0;
    vi.spyOn(prototype, 'writev').mockImplementation(function (this: unknown, ...args: unknown[]) {
      if (++calls === 2) return Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      return writev.apply(this, args);
    });
    const watched = watchWorkers();
    await expect(backUp()).rejects.toMatchObject({ code: 'SAVE_FAILED', message: expect.stringMatching(/could not be written \(the drive may be full/) });
    expect(calls).toBeGreaterThanOrEqual(2);
    expectNothingLeft();
    expectKeysWiped(watched, { atLeast: 1 });
  });

  it('a file shrinks while it is backed up: the backup stops and says so', async () => {
    let cut = false;
    await expect(
      backUp((progress) => {
        if (progress.phase === 'writing' && !cut) {
          cut = true;
          truncateSync(join(clinic.dataDir, ...lastFile.split('/')), 1000);
        }
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/changed while it was being backed up/) });
    expectNothingLeft();
  });

  it('a file is removed while the backup runs: the same', async () => {
    let removed = false;
    await expect(
      backUp((progress) => {
        if (progress.phase === 'writing' && !removed) {
          removed = true;
          rmSync(join(clinic.dataDir, ...lastFile.split('/')));
        }
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/changed while it was being backed up/) });
    expectNothingLeft();
  });

  it('the bytes that reach the file are not the ones sealed: the read-back catches it before the backup is named', async () => {
    const handle = await open(join(clinic.folder.path, 'probe'), 'w');
    const prototype = Object.getPrototypeOf(handle) as { writev: (buffers: Buffer[], ...rest: unknown[]) => Promise<unknown> };
    await handle.close();
    const writev = prototype.writev;
    let calls = 0;
    vi.spyOn(prototype, 'writev').mockImplementation(function (this: unknown, buffers: Buffer[], ...rest: unknown[]) {
      // The first write holds the header and the first parts: one bit of the second part flips on its way to the disk.
      if (++calls === 1 && buffers.length > 3) buffers[3]![5000]! ^= 0x01;
      return writev.call(this, buffers, ...rest);
    });
    const watched = watchWorkers();
    await expect(backUp()).rejects.toMatchObject({ code: 'BACKUP_DAMAGED', message: expect.stringMatching(/part 2 does not read back/) });
    expectNothingLeft();
    expectKeysWiped(watched, 2);
  });
});

describe('a backup written by the part worker', () => {
  it('restores every file byte for byte', async () => {
    const created = await backUp();
    const target = join(clinic.folder.path, 'restored');
    await restoreIntoEmptyFolder(target, { archivePath: created.path, unlock: { kind: 'recovery', recoveryKey: clinic.recoveryKey }, clock: clinic.clock, via: 'cli' });
    const back = await open(join(target, ...lastFile.split('/')));
    try {
      expect((await back.readFile()).equals(lastFileBytes)).toBe(true);
    } finally {
      await back.close();
      rmSync(target, { recursive: true, force: true });
    }
  });
});

describe('the part worker on its own', () => {
  it('opens a part only at its own place and as what it was sealed as; one that does not open is left exactly as it was', async () => {
    const key = randomBytes(32);
    const memory = new SharedArrayBuffer(3 * 1024 * 1024);
    const bytes = Buffer.from(memory);
    const worker = PartWorker.start(key);
    try {
      const index = worker.attach(memory, () => bytes.fill(0));
      // Three parts of uneven sizes, laid out as in a file: nonce (12), plaintext sealed in place, tag (16).
      const lengths = [1024 * 1024, 300_001, 4099];
      const plaintexts = lengths.map((length) => randomBytes(length));
      let at = 0;
      const parts = lengths.map((length, i) => {
        plaintexts[i]!.copy(bytes, at + 12);
        const part = { at, length: 12 + length + 16, more: `ctx:${i}:more`, last: `ctx:${i}:last` };
        at += part.length;
        return part;
      });
      await Promise.all(parts.map((part, i) => worker.seal(index, part.at, lengths[i]!, i === parts.length - 1 ? part.last : part.more)));
      for (const [i, part] of parts.entries()) {
        if (lengths[i]! > 0) expect(bytes.subarray(part.at + 12, part.at + 12 + lengths[i]!).equals(plaintexts[i]!), `part ${i} sealed over its plaintext`).toBe(false);
      }
      const sealed = Buffer.from(bytes.subarray(0, at));

      // Part 1 damaged, and part 0 offered with part 1's place: neither opens, and both are left as they were.
      bytes[parts[1]!.at + 12 + 5000]! ^= 1;
      const damaged = Buffer.from(bytes.subarray(0, at));
      const wrongPlace = { ...parts[0]!, more: parts[1]!.more, last: parts[1]!.last };
      expect(await worker.open(index, [wrongPlace, parts[1]!])).toEqual([null, null]);
      expect(bytes.subarray(0, at).equals(damaged)).toBe(true);

      // Sound again: each opens at its place, the last one as the last, its plaintext over its ciphertext.
      sealed.copy(bytes);
      expect(await worker.open(index, parts)).toEqual([false, false, true]);
      for (const [i, part] of parts.entries()) expect(bytes.subarray(part.at + 12, part.at + 12 + lengths[i]!).equals(plaintexts[i]!), `part ${i}`).toBe(true);
    } finally {
      await worker.close();
    }
    expect(allZero(bytes)).toBe(true);
  });
});
