import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoClinic } from '../../../main/demo/demo-seeder';
import { createTestStore } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folders: ReturnType<typeof tempFolder>[] = [];
afterEach(() => {
  for (const f of folders) f.remove();
  folders = [];
});

async function seeded(clients: number, seed: number, extra: Parameters<typeof seedDemoClinic>[2] extends infer O ? Partial<O> : never = {}) {
  const folder = tempFolder();
  folders.push(folder);
  const store = await createTestStore(folder.path);
  const result = await seedDemoClinic(store.services, store.admin.id, { clients, seed, batchSize: 50, ...extra });
  return { store, result };
}

describe('demo clinic', () => {
  let progress: number[];
  beforeEach(() => {
    progress = [];
  });

  it('is the same clinic for the same seed, and a different one for another', async () => {
    const a = await seeded(120, 7);
    const b = await seeded(120, 7);
    const c = await seeded(120, 8);
    const list = (s: typeof a) => s.store.services.clients.find('', { offset: 0, limit: 500 }).clients.map((x) => `${x.firstName} ${x.lastName} ${x.dateOfBirth}`);
    expect(list(a)).toEqual(list(b));
    expect(list(a)).not.toEqual(list(c));
    expect(a.result).toEqual(b.result);
    for (const s of [a, b, c]) s.store.services.close();
  });

  it('is searchable like real clients, with sessions, lots and courses, and reports progress', async () => {
    const { store, result } = await seeded(200, 3, { onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([50, 100, 150, 200]);
    expect(result.clients).toBe(200);
    expect(result.sessions).toBeGreaterThan(100);
    expect(store.services.clients.count()).toBe(200);
    expect(store.services.sessions.count()).toBe(result.sessions);
    const anyone = store.services.clients.find('', { offset: 0, limit: 1 }).clients[0]!;
    expect(store.services.clients.find(anyone.lastName.slice(0, 3), { offset: 0, limit: 500 }).clients.map((c) => c.id)).toContain(anyone.id);
    const lot = store.services.db.prepare('SELECT lot FROM session_lot LIMIT 1').get() as { lot: string };
    expect(store.services.sessions.findByLot(store.admin.id, lot.lot).length).toBeGreaterThan(0);
    expect(store.services.audit.verifyChain().firstBrokenSeq).toBeNull();
    store.services.close();
  });

  it('stops at a batch boundary: whole batches only', async () => {
    let batches = 0;
    const { store, result } = await seeded(500, 5, { shouldStop: () => batches++ >= 3 });
    expect(result.stoppedEarly).toBe(true);
    expect(store.services.clients.count()).toBe(150);
    store.services.close();
  });

  it('books believable appointments: sessions held were done (a few no-shows before), running courses booked ahead', async () => {
    const a = await seeded(150, 5);
    const b = await seeded(150, 5);
    const rows = (s: typeof a) =>
      s.store.services.db.prepare(`SELECT client_id, course_session, starts_at, minutes, status FROM appointment ORDER BY starts_at, client_id, status`).all() as {
        starts_at: string;
        status: string;
      }[];
    const today = a.store.services.clock.now().toISOString().slice(0, 10);
    const all = rows(a);
    expect(all).toEqual(rows(b));
    expect(all.filter((row) => row.status === 'done')).toHaveLength(a.result.sessions);
    expect(all.some((row) => row.status === 'no-show')).toBe(true);
    const booked = all.filter((row) => row.status === 'booked');
    expect(booked.length).toBeGreaterThan(0);
    expect(booked.every((row) => row.starts_at.slice(0, 10) >= today)).toBe(true);
    expect(all.filter((row) => row.status !== 'booked').every((row) => row.starts_at.slice(0, 10) < today)).toBe(true);
    for (const s of [a, b]) s.store.services.close();
  });
});
