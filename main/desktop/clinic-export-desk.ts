import { basename } from 'node:path';
import type { ClinicExportResultView } from '../../shared/contract/client-import-channels';
import type { SignedIn } from '../app';
import type { DesktopPorts } from './ports';
import { exportClientPhotos } from '../photos/export-client-photos';
import { exportClinic } from '../clinic-export/export-clinic';

/** Settings → Export everything: the folder dialog, then the export with progress and a way to stop. */
export class ClinicExportDesk {
  private readonly jobs = new Map<string, { done: number; total: number; controller: AbortController }>();

  constructor(private readonly ports: DesktopPorts) {}

  async run({ services, staff }: SignedIn, jobId: string): Promise<ClinicExportResultView> {
    const parent = await this.ports.chooseFolder({ title: 'Choose where to export everything (a new folder is made inside it)' });
    if (!parent) return { outcome: 'cancelled' };
    const job = { done: 0, total: services.clients.count(), controller: new AbortController() };
    this.jobs.set(jobId, job);
    try {
      const result = await exportClinic({
        services,
        by: staff.id,
        parent,
        photos: exportClientPhotos,
        signal: job.controller.signal,
        progress: (label, done, total) => {
          if (label === 'clients') Object.assign(job, { done, total });
        },
      });
      return { outcome: 'saved', folderName: basename(result.folder), clients: result.clients, files: result.files };
    } finally {
      setTimeout(() => this.jobs.delete(jobId), 5_000).unref();
    }
  }

  progress(jobId: string): { done: number; total: number } | null {
    const job = this.jobs.get(jobId);
    return job ? { done: job.done, total: job.total } : null;
  }

  cancel(jobId: string): void {
    this.jobs.get(jobId)?.controller.abort();
  }
}
