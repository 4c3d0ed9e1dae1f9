import { readdirSync, readFileSync } from 'node:fs';
import { openServices } from '../../main/app';
import { seedDemoClinic } from '../../main/demo/demo-seeder';
import { peakRssMb } from './measure';

/**
 * The services process on its own, as the app runs it: opens the store, answers type-ahead
 * searches, imports a batch of clients, imports 24 MP photos, and reports its peak resident
 * memory after each step, and the photo process's own peak beside it. Run as a child of the
 * benchmark so the figure is this process alone, not the benchmark holding two stores.
 * The data key arrives over the IPC channel, never through a file or the command line.
 */
export interface ServicesProcessJob {
  folder: string;
  dataKeyHex: string;
  staffId: string;
  prefixes: string[];
  importClients: number;
  /** A synthetic 24 MP camera JPEG the benchmark wrote (no client's photo), and how many times to import it. */
  photoPath: string;
  photoImports: number;
}

/** A backup alone: open the store, write one backup to `backupTo`, report the peak before and after. */
export interface BackupProcessJob {
  kind: 'backup';
  folder: string;
  dataKeyHex: string;
  staffId: string;
  backupTo: string;
}

export interface ServicesProcessReport {
  peakRssMb: number;
  /** The services process's peak after each step, in order. */
  steps: { step: string; peakRssMb: number }[];
  /** The photo process's peak while it was last seen, or null where it cannot be read. */
  photoProcessPeakMb: number | null;
}

process.once('message', (job: ServicesProcessJob | BackupProcessJob) => {
  void ('kind' in job ? backup(job) : run(job)).then((report) => process.send?.(report, () => process.disconnect?.()));
});

async function backup(job: BackupProcessJob): Promise<ServicesProcessReport> {
  const dataKey = Buffer.from(job.dataKeyHex, 'hex');
  const services = openServices(job.folder, dataKey);
  dataKey.fill(0);
  try {
    const steps = [{ step: 'open', peakRssMb: peakRssMb() }];
    await services.backup.backupToFile(job.staffId, job.backupTo, undefined, 'cli');
    steps.push({ step: 'backup', peakRssMb: peakRssMb() });
    return { peakRssMb: peakRssMb(), steps, photoProcessPeakMb: null };
  } finally {
    services.close();
  }
}

async function run(job: ServicesProcessJob): Promise<ServicesProcessReport> {
  const dataKey = Buffer.from(job.dataKeyHex, 'hex');
  const services = openServices(job.folder, dataKey);
  dataKey.fill(0);
  const steps: ServicesProcessReport['steps'] = [];
  const step = (name: string) => steps.push({ step: name, peakRssMb: peakRssMb() });
  let photoProcessPeakMb: number | null = null;
  try {
    step('open');
    for (const prefix of job.prefixes) {
      services.clients.find(prefix, { offset: 0, limit: 50 });
      services.clients.find(prefix, { offset: 500, limit: 50 });
    }
    step('search');
    await seedDemoClinic(services, job.staffId, { clients: job.importClients, seed: 7, batchSize: 2000, sessionsPerClient: 3 });
    step('client import');
    const bytes = new Uint8Array(readFileSync(job.photoPath));
    for (let i = 0; i < job.photoImports; i++) {
      const client = services.clients.create(job.staffId, { firstName: 'Memory', lastName: `Bench ${i + 1}`, dateOfBirth: '1985-01-01' }, { allowDuplicate: true });
      const [result] = await services.photos.import(job.staffId, {
        clientId: client.id,
        override: { reason: 'Bench photos, no consent' },
        labels: { view: 'front', stage: 'before' },
        files: [{ fileName: 'bench.jpg', bytes, source: 'file' }],
      });
      if (result?.outcome !== 'imported') throw new Error(`the memory row's photo was not imported: ${JSON.stringify(result)}`);
      photoProcessPeakMb = childPeakMb() ?? photoProcessPeakMb;
    }
    step('photo import');
    for (const prefix of job.prefixes) services.clients.find(prefix, { offset: 0, limit: 50 });
    step('search again');
    return { peakRssMb: peakRssMb(), steps, photoProcessPeakMb };
  } finally {
    await services.photos.close();
    services.close();
  }
}

/** The high-water mark of this process's child (the photo process, idle and still running), from /proc. */
function childPeakMb(): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null; // not Linux: the figure is left out
  }
  for (const entry of entries) {
    let status: string;
    try {
      status = readFileSync(`/proc/${entry}/status`, 'utf8');
    } catch {
      continue; // ended in between
    }
    if (Number(/^PPid:\s+(\d+)$/m.exec(status)?.[1]) !== process.pid) continue;
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
    if (kb) return Math.round(Number(kb) / 1024);
  }
  return null;
}
