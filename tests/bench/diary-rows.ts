import { join } from 'node:path';
import { seedDemoClinic } from '../../main/demo/demo-seeder';
import { localDay } from '../../main/diary/local-day';
import { weekStart } from '../../shared/diary/appointment';
import type { Row } from './bench-row';
import { encryptedStore } from './bench-stores';
import { timeEach } from './measure';

export interface DiaryScale {
  clients: number;
  sessionsPerClient: number;
  practitioners: number;
  runs: number;
}

/**
 * The diary's week view: everything its screen asks (the week's appointments with names and
 * courses, the practitioners, the diary settings) for 10 practitioners on a demo clinic whose
 * every session was an appointment and whose running courses are booked ahead. An absolute
 * target from the issue; no bare library does this work to compare with.
 */
export async function measureDiaryRows(root: string, scale: DiaryScale, log: (text: string) => void): Promise<Row[]> {
  const store = await encryptedStore(join(root, 'diary'));
  const { services, staffId } = store;
  try {
    log(`bench: diary store, ${scale.clients.toLocaleString('en')} clients, ${scale.practitioners} practitioners`);
    for (let n = 1; n < scale.practitioners; n++) await services.staff.add(staffId, { name: `Practitioner ${n}`, role: 'practitioner', password: `bench password ${n} long` });
    await seedDemoClinic(services, staffId, { clients: scale.clients, seed: 7, sessionsPerClient: scale.sessionsPerClient, batchSize: 2000 });
    const from = weekStart(localDay(services.clock));
    const appointments = services.db.prepare('SELECT count(*) FROM appointment').pluck().get() as number;
    let shown = 0;
    const week = timeEach(scale.runs, () => {
      shown = services.diary.week(from, 7).length;
      services.diary.practitioners();
      services.diarySettings.get();
    });
    const work = `the week view's data: ${shown.toLocaleString('en')} appointments this week for ${services.diary.practitioners().length} practitioners, names and courses, of ${appointments.toLocaleString('en')} in a diary of ${scale.clients.toLocaleString('en')} clients`;
    return [{ row: 'diary', work, ours: week, baseline: null, ratio: null, target: 'p95 ≤ 30 ms', pass: week.p95Ms <= 30 }];
  } finally {
    services.close();
  }
}
