import type { PhotoImportProgress } from '../../shared/photos/import-result';

/** Jobs kept after they finish, so the window's last poll still finds its answer. */
const keptJobs = 20;

/** How far each photos.import call with a job id has got; a few finished ones are remembered. */
export class ImportProgressBoard {
  private readonly jobs = new Map<string, PhotoImportProgress>();

  start(jobId: string, total: number): void {
    this.jobs.delete(jobId);
    this.jobs.set(jobId, { done: 0, total, finished: false });
    while (this.jobs.size > keptJobs) this.jobs.delete(this.jobs.keys().next().value as string);
  }

  advance(jobId: string, done: number): void {
    const job = this.jobs.get(jobId);
    if (job) this.jobs.set(jobId, { ...job, done });
  }

  finish(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (job) this.jobs.set(jobId, { ...job, done: job.total, finished: true });
  }

  get(jobId: string): PhotoImportProgress | null {
    return this.jobs.get(jobId) ?? null;
  }
}
