// One file per function: the main process loads date-fns as an external ES module, and its index
// brings in every function and locale (about 300 MB of resident memory in Node 24).
import { format } from 'date-fns/format';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';

export interface RotationPolicy {
  keepDaily: number;
  keepWeekly: number;
  keepMonthly: number;
}

export interface RotatedBackup {
  file: string;
  createdAt: Date;
}

/**
 * Which backups rotation keeps, by the clinic's own calendar (the PC's time zone): the newest
 * backup of each of the last `keepDaily` days that have one, of each of the last `keepWeekly`
 * ISO weeks, and of each of the last `keepMonthly` months. The newest backup and `mustKeep` (the
 * one just written) are always kept, whatever their dates say.
 */
export function backupsToKeep(backups: readonly RotatedBackup[], policy: RotationPolicy, mustKeep: string | null): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.file < b.file ? 1 : -1));
  const keep = new Set<string>();
  if (mustKeep) keep.add(mustKeep);
  if (newestFirst[0]) keep.add(newestFirst[0].file);
  const buckets: [number, (date: Date) => string][] = [
    [policy.keepDaily, (date) => format(date, 'yyyy-MM-dd')],
    [policy.keepWeekly, (date) => `${getISOWeekYear(date)}-W${getISOWeek(date)}`],
    [policy.keepMonthly, (date) => format(date, 'yyyy-MM')],
  ];
  for (const [count, bucketOf] of buckets) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      if (seen.size >= count) break;
      const bucket = bucketOf(backup.createdAt);
      if (seen.has(bucket)) continue;
      seen.add(bucket);
      keep.add(backup.file);
    }
  }
  return keep;
}
