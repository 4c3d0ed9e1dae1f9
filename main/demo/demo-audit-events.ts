import type { Services } from '../app';
import { SeededRandom } from './seeded-random';

export interface DemoAuditOptions {
  /** How many audit rows to add. */
  events: number;
  seed: number;
  /** Rows per transaction: an interrupted run keeps whole batches only. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  shouldStop?: () => boolean;
}

/**
 * A clinic's ordinary day in the audit trail, for benchmarks and training: staff sign in, lock
 * and unlock, and open client profiles (the record, its consents and its photos: the three rows a
 * profile open writes; reception sees contact details only). Clients are drawn from those in the
 * store, with a few regulars opened often, as in a real diary. Searching is not audited, so it
 * adds no rows. Same seed, same rows (the times are the clock's). Rows go through the audit log
 * as the app writes them, in batched transactions, so the chain, the links and Home's recent
 * clients stay as they would be; the anchor moves once per batch.
 */
export async function seedDemoAuditEvents(services: Services, options: DemoAuditOptions): Promise<number> {
  const { db, audit } = services;
  const random = new SeededRandom(options.seed ^ 0x5eed);
  const clients = db.prepare('SELECT id FROM client WHERE archived = 0 ORDER BY rowid').pluck().all() as string[];
  const staff = db.prepare('SELECT id FROM staff WHERE active = 1 ORDER BY rowid').pluck().all() as string[];
  if (clients.length === 0 || staff.length === 0) return 0;
  const regulars = clients.slice(0, Math.max(1, Math.ceil(clients.length / 50)));
  const batchSize = options.batchSize ?? 20_000;
  let at = staff[0]!;
  let added = 0;

  const oneVisit = (room: number): number => {
    if (room >= 4 && random.chance(0.03)) {
      // A change of hands at the desk.
      at = random.pick(staff);
      audit.append({ staffId: at, action: 'session.lock', entity: 'staff', entityId: at });
      audit.append({ staffId: at, action: 'session.sign-in', entity: 'staff', entityId: at });
      return 2;
    }
    const clientId = random.chance(0.3) ? random.pick(regulars) : random.pick(clients);
    if (random.chance(0.2) || room < 3) {
      audit.append({ staffId: at, action: 'client.view', entity: 'client', entityId: clientId, detail: 'contact details only' });
      return 1;
    }
    audit.append({ staffId: at, action: 'client.view', entity: 'client', entityId: clientId, detail: `sessions=${random.int(0, 12)} history=${random.int(1, 4)}` });
    audit.append({ staffId: at, action: 'consent.list', entity: 'client', entityId: clientId, detail: `count=${random.int(0, 5)}` });
    audit.append({ staffId: at, action: 'photo.gallery', entity: 'client', entityId: clientId, detail: `photos=${random.int(0, 40)}` });
    return 3;
  };

  while (added < options.events) {
    if (options.shouldStop?.()) break;
    const size = Math.min(batchSize, options.events - added);
    db.transaction(() => {
      for (let done = 0; done < size;) done += oneVisit(size - done);
    })();
    added += size;
    options.onProgress?.(added, options.events);
    // Ctrl+C is only seen between batches, on a turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return added;
}
