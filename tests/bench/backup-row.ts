import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encryptedStore, seed } from './bench-stores';
import type { BackupProcessJob, ServicesProcessReport } from './services-process';
import { pairedRatio, summarise, type PairedRatio, type Timing } from './measure';

export interface BackupFigures {
  clients: number;
  sessions: number;
  filesMb: number;
  backup: Timing;
  tar: Timing;
  /** Each pair's backup time over its tar time: their median and interquartile range. */
  pairedRatio: PairedRatio;
  /** The peak resident memory of a process that opens the store and makes one backup, and after open alone, in MB. */
  memory: { peakMb: number; afterOpenMb: number } | null;
}

/**
 * A backup of a clinic's data folder against `tar` of the same folder. Photos and PDFs are stored
 * already encrypted, so random bytes stand in for them: the backup copies them as they are, just
 * as tar does. Each run writes a new archive to an empty folder; tar gets no compression either.
 * A backup is only called done once it is on the disk, so tar's archive is flushed too (fsync):
 * the comparison is of two durable copies. The backup is a tar too (docs/backup-format.md); on the
 * way it holds the database still, hashes every member (SHA-256) and seals the manifest (HMAC),
 * then flushes, renames and flushes the folder. `runs` pairs, interleaved.
 */
export async function measureBackup(
  root: string,
  scale: { clients: number; sessionsPerClient: number; files: number; fileMb: number; runs: number },
  inOwnProcess: ((job: BackupProcessJob) => Promise<ServicesProcessReport>) | null,
): Promise<BackupFigures> {
  const dataDir = join(root, 'backup-data');
  const store = await encryptedStore(dataDir);
  await seed(store, scale.clients, scale.sessionsPerClient);
  const photos = join(dataDir, 'photos');
  mkdirSync(photos, { recursive: true });
  for (let i = 0; i < scale.files; i++) writeFileSync(join(photos, `photo-${i}.enc`), randomBytes(scale.fileMb * 1048576));
  const out = join(root, 'backup-out');
  const fresh = () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
  };
  let closed = false;
  try {
    // Interleaved, so a burst of load on a shared machine falls on both sides alike, and in turn
    // first: on this VM, memory freed by deleting the last archive is fast to write into for a
    // second or two, so whichever side goes straight after the other's delete has an edge.
    const backupMs: number[] = [];
    const tarMs: number[] = [];
    const ours = async () => {
      fresh();
      const start = performance.now();
      await store.services.backup.backupToFile(store.staffId, join(out, 'bench.skinledger-backup'), undefined, 'cli');
      backupMs.push(performance.now() - start);
    };
    const tar = () => {
      fresh();
      const start = performance.now();
      execFileSync('/usr/bin/tar', ['-cf', join(out, 'bench.tar'), '-C', dataDir, '.']);
      flushToDisk(join(out, 'bench.tar'));
      tarMs.push(performance.now() - start);
    };
    for (let i = 0; i < scale.runs; i++) {
      if (i % 2 === 0) {
        await ours();
        tar();
      } else {
        tar();
        await ours();
      }
    }
    let memory: BackupFigures['memory'] = null;
    if (inOwnProcess) {
      // The store is held by one process at a time: the child opens it once this one lets go.
      store.services.close();
      closed = true;
      fresh();
      const report = await inOwnProcess({ kind: 'backup', folder: dataDir, dataKeyHex: store.dataKey.toString('hex'), staffId: store.staffId, backupTo: join(out, 'memory.skinledger-backup') });
      memory = { peakMb: report.peakRssMb, afterOpenMb: report.steps[0]?.peakRssMb ?? 0 };
    }
    return {
      clients: scale.clients,
      sessions: scale.clients * scale.sessionsPerClient,
      filesMb: scale.files * scale.fileMb,
      backup: summarise(backupMs),
      tar: summarise(tarMs),
      pairedRatio: pairedRatio(backupMs, tarMs),
      memory,
    };
  } finally {
    if (!closed) store.services.close();
    rmSync(out, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function flushToDisk(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
