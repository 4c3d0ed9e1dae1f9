import type { BackupProgress } from '../../../shared/contract/backup-channels';
import type { CliIo } from '../cli-io';

const labels: Record<BackupProgress['phase'], string> = {
  snapshot: 'Copying the records',
  writing: 'Writing the backup (bytes)',
  checking: 'Reading it back to check (bytes)',
  reading: 'Checking the backup (bytes)',
  restoring: 'Restoring (bytes)',
  proving: 'Opening the restored records',
};

/** A bar per phase of a backup, restore or check, each starting at 0 so it is always drawn. */
export function progressBars(io: CliIo): (progress: BackupProgress) => void {
  let phase: BackupProgress['phase'] | null = null;
  return (progress) => {
    if (progress.phase !== phase) {
      phase = progress.phase;
      if (progress.done > 0) io.progress(labels[progress.phase], 0, progress.total);
    }
    io.progress(labels[progress.phase], Math.min(progress.done, progress.total), progress.total);
  };
}
