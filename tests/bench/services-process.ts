import { openServices } from '../../main/app';
import { seedDemoClinic } from '../../main/demo/demo-seeder';
import { peakRssMb } from './measure';

/**
 * The services process on its own, as the app runs it: opens the store, answers type-ahead
 * searches, imports a batch of clients, and reports its peak resident memory. Run as a child of
 * the benchmark so the figure is this process alone, not the benchmark holding two stores.
 * The data key arrives over the IPC channel, never through a file or the command line.
 */
export interface ServicesProcessJob {
  folder: string;
  dataKeyHex: string;
  staffId: string;
  prefixes: string[];
  importClients: number;
}

export interface ServicesProcessReport {
  peakRssMb: number;
  afterOpenRssMb: number;
}

process.once('message', (job: ServicesProcessJob) => {
  const dataKey = Buffer.from(job.dataKeyHex, 'hex');
  const services = openServices(job.folder, dataKey);
  dataKey.fill(0);
  try {
    const afterOpenRssMb = Math.round(process.memoryUsage.rss() / 1048576);
    for (const prefix of job.prefixes) {
      services.clients.find(prefix, { offset: 0, limit: 50 });
      services.clients.find(prefix, { offset: 500, limit: 50 });
    }
    seedDemoClinic(services, job.staffId, { clients: job.importClients, seed: 7, batchSize: 2000, sessionsPerClient: 3 });
    for (const prefix of job.prefixes) services.clients.find(prefix, { offset: 0, limit: 50 });
    const report: ServicesProcessReport = { peakRssMb: peakRssMb(), afterOpenRssMb };
    process.send?.(report, () => process.disconnect?.());
  } finally {
    services.close();
  }
});
