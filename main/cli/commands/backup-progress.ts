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

/**
 * A bar per phase of a backup, restore or check. Each bar is drawn from 0 and finished at 100%
 * when the next phase starts, so a phase that goes by in one step still shows on a log.
 */
export function progressBars(io: CliIo): (progress: BackupProgress) => void {
  let last: BackupProgress | null = null;
  return (progress) => {
    if (progress.phase !== last?.phase) {
      if (last && last.done < last.total) io.progress(labels[last.phase], last.total, last.total);
      if (progress.done > 0) io.progress(labels[progress.phase], 0, progress.total);
    }
    io.progress(labels[progress.phase], Math.min(progress.done, progress.total), progress.total);
    last = progress;
  };
}
