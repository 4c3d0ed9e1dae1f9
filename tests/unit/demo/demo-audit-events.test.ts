import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoAuditEvents } from '../../../main/demo/demo-audit-events';
import { seedDemoClinic } from '../../../main/demo/demo-seeder';
import { createTestStore } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folders: ReturnType<typeof tempFolder>[] = [];
let stores: Awaited<ReturnType<typeof createTestStore>>[] = [];

beforeEach(() => {
  folders = [];
  stores = [];
});
afterEach(() => {
  for (const store of stores) store.services.close();
  for (const folder of folders) folder.remove();
});

async function seededStore(events: number) {
  const folder = tempFolder();
  folders.push(folder);
  const store = await createTestStore(folder.path);
  stores.push(store);
  await seedDemoClinic(store.services, store.admin.id, { clients: 200, seed: 5, sessionsPerClient: 0 });
  const before = store.services.audit.count();
  const added = await seedDemoAuditEvents(store.services, { events, seed: 5, batchSize: 700 });
  return { store, before, added };
}

const rowsAfter = (store: Awaited<ReturnType<typeof createTestStore>>, seq: number) =>
  store.services.db.prepare('SELECT action, entity, entity_id, detail FROM audit_event WHERE seq > ? ORDER BY seq').all(seq) as { action: string; entity_id: string }[];

describe('demo audit events', () => {
  it('adds exactly N rows of daily use, the same for a seed, with the chain whole and Home up to date', async () => {
    const first = await seededStore(2000);
    expect(first.added).toBe(2000);
    expect(first.store.services.audit.count()).toBe(first.before + 2000);
    const rows = rowsAfter(first.store, first.before);
    expect(new Set(rows.map((row) => row.action))).toEqual(new Set(['client.view', 'consent.list', 'photo.gallery', 'session.lock', 'session.sign-in']));
    expect(first.store.services.audit.verifyChain().firstBrokenSeq).toBeNull();
    const lastOpened = rows.filter((row) => row.action === 'client.view').at(-1)!.entity_id;
    expect(first.store.services.clients.recent(1)[0]!.id).toBe(lastOpened);

    // Client ids differ between stores; the pattern of actions does not.
    const second = await seededStore(2000);
    expect(rowsAfter(second.store, second.before).map((row) => row.action)).toEqual(rows.map((row) => row.action));
  });
});
