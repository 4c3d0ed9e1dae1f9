import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientsPastRetention, retentionOfClients } from '../../../main/retention/retention-report';
import { retentionDefaults } from '../../../shared/retention/retention-rules';
import { createTestStore, TestClock } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let store: Awaited<ReturnType<typeof createTestStore>>;
let clock: TestClock;

beforeEach(async () => {
  folder = tempFolder();
  clock = new TestClock(new Date('2018-02-20T12:00:00Z'));
  store = await createTestStore(folder.path, clock);
});
afterEach(() => {
  store.services.close();
  folder.remove();
});

describe('retention report', () => {
  it('runs the rule only on clients old enough to be due, and finds the same clients as running it on all', () => {
    const by = store.admin.id;
    // One client registered each day around the 8-year boundary, some of them children.
    for (let day = 0; day < 20; day++) {
      store.services.clients.create(by, { firstName: `Day${day}`, lastName: 'Test', dateOfBirth: day % 3 === 0 ? '2005-03-01' : '1980-01-01' });
      clock.advance(86_400_000);
    }
    const settings = retentionDefaults.UK;
    for (const today of ['2026-02-25', '2026-03-01', '2026-03-05', '2030-03-02']) {
      const all = retentionOfClients(store.services.db, settings)
        .filter((row) => row.keepUntil <= today)
        .map((row) => row.name)
        .sort();
      const found = clientsPastRetention(store.services.db, settings, today)
        .map((row) => row.name)
        .sort();
      expect(found).toEqual(all);
    }
    expect(clientsPastRetention(store.services.db, settings, '2026-03-05').length).toBeGreaterThan(0);
  });
});
