import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, endOfISOWeek, endOfMonth, format, setHours, startOfISOWeek, startOfMonth, subMonths, subWeeks } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../../main/backup/rotation';
import { backupClinic, type BackupClinic } from './backup-fixture';

const day = 24 * 60 * 60 * 1000;
const noon = (date: Date) => setHours(date, 12);
const dayName = (date: Date) => format(date, 'yyyy-MM-dd');

/**
 * What 7 daily, 4 weekly and 12 monthly (or another policy) means for a clinic that backed up
 * every day at noon, said the way a person would: the last 7 days; the end of each of the last 4
 * weeks (the latest day for this week); the end of each of the last 12 months (the latest day for
 * this month).
 */
function expectedKeptDays(last: Date, policy = { keepDaily: 7, keepWeekly: 4, keepMonthly: 12 }): string[] {
  const kept = new Set<string>();
  for (let back = 0; back < policy.keepDaily; back++) kept.add(dayName(addDays(last, -back)));
  for (let back = 0; back < policy.keepWeekly; back++) kept.add(dayName(back === 0 ? last : endOfISOWeek(subWeeks(startOfISOWeek(last), back))));
  for (let back = 0; back < policy.keepMonthly; back++) kept.add(dayName(back === 0 ? last : endOfMonth(subMonths(startOfMonth(last), back))));
  return [...kept].sort();
}

describe('rotation, as a rule', () => {
  const policy = { keepDaily: 7, keepWeekly: 4, keepMonthly: 12 };
  const daily = (days: number, first = new Date(2025, 0, 1, 12)) => Array.from({ length: days }, (_, i) => ({ file: `b${String(i).padStart(4, '0')}`, createdAt: addDays(first, i) }));

  it('keeps the newest of the last 7 days, 4 weeks and 12 months', () => {
    const backups = daily(400);
    const kept = backupsToKeep(backups, policy, null);
    const keptDays = backups
      .filter((b) => kept.has(b.file))
      .map((b) => dayName(b.createdAt))
      .sort();
    expect(keptDays).toEqual(expectedKeptDays(backups.at(-1)!.createdAt));
  });

  it('keeps the newest of several backups on one day, and the one just written whatever its date', () => {
    const sameDay = [0, 3, 6].map((hour) => ({ file: `h${hour}`, createdAt: new Date(2026, 4, 1, hour) }));
    expect([...backupsToKeep(sameDay, { keepDaily: 1, keepWeekly: 0, keepMonthly: 0 }, null)]).toEqual(['h6']);
    // A PC whose clock was a year behind wrote this one: it is still never removed.
    const justWritten = { file: 'written-now', createdAt: new Date(2025, 4, 1, 12) };
    const kept = backupsToKeep([...daily(30, new Date(2026, 4, 1, 12)), justWritten], { keepDaily: 1, keepWeekly: 0, keepMonthly: 0 }, 'written-now');
    expect(kept.has('written-now')).toBe(true);
    expect(kept.size).toBe(2);
  });

  it('keeps everything while there are fewer backups than the policy allows', () => {
    const few = daily(5);
    expect(backupsToKeep(few, policy, null).size).toBe(5);
  });
});

// The calendar rule is the pure function above, over 400 days. Here, the same rule through real
// backup files in a real folder: a smaller policy over seven weeks crosses two month ends and
// several ISO weeks with 50 backups instead of 400, each one written, verified and rotated.
describe('rotation in the backup folder, over seven weeks of daily scheduled backups', () => {
  const policy = { keepDaily: 3, keepWeekly: 2, keepMonthly: 2 };
  const days = 50;
  let clinic: BackupClinic;
  beforeAll(async () => {
    clinic = await backupClinic({ clients: 2 });
  });
  afterAll(() => {
    clinic.services.close();
    clinic.folder.remove();
  });

  it('leaves exactly the expected set, never touching other files or other stores’ backups', async () => {
    const { services, admin, clock, backupsDir } = clinic;
    const start = noon(new Date(2026, 0, 20));
    clock.advance(start.getTime() - day - clock.now().getTime());
    services.backup.setFolder(admin.id, backupsDir);
    services.backup.updateSettings(admin.id, { ...policy, warnAfterDays: 2 });
    // Files rotation must never remove: another PC's backup, a hand-named copy, anything else.
    writeFileSync(join(backupsDir, 'notes.txt'), 'kept by the clinic');
    writeFileSync(join(backupsDir, 'skinledger-backup-2020-01-01T00-00-00Z.slbackup'), 'not a backup, whatever its name');
    const other = await backupClinic({ clients: 1 });
    const othersBackup = await other.services.backup.backupToFile(other.admin.id, join(backupsDir, 'skinledger-backup-2021-06-01T00-00-00Z.slbackup'));
    other.services.close();
    other.folder.remove();
    const handNamed = await services.backup.backupToFile(admin.id, join(backupsDir, 'before the move.slbackup'));

    clock.advance(day);
    let ran = 0;
    for (let i = 0; i < days; i++) {
      if (i > 0) clock.advance(day);
      const outcome = await services.backup.runDueBackups(clock.now(), 'daily');
      if (outcome.ran) ran++;
      // A second call the same day finds nothing due.
      if (i % 10 === 0) expect((await services.backup.runDueBackups(clock.now(), 'daily')).ran).toBe(false);
    }
    expect(ran).toBe(days);

    const scheduled = readdirSync(backupsDir).filter((name) => /^skinledger-backup-2026|^skinledger-backup-2027/.test(name));
    const keptDays = scheduled.map((name) => dayName(new Date(name.slice(18, 28) + 'T12:00:00Z'))).sort();
    expect(keptDays).toEqual(expectedKeptDays(clock.now(), policy));
    expect(readdirSync(backupsDir)).toEqual(expect.arrayContaining(['notes.txt', 'skinledger-backup-2020-01-01T00-00-00Z.slbackup', othersBackup.file, handNamed.file]));
    expect(readdirSync(backupsDir).filter((name) => name.endsWith('.partial'))).toEqual([]);
    expect(services.backup.status()).toMatchObject({ warning: 'none', lastSuccessAgeDays: 0 });
  }, 240_000);
});
