import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAtMost } from '../../../main/audit/audit-trail-query';
import type { AuditFilters } from '../../../shared/contract/audit-channels';
import { createTestStore } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let store: Awaited<ReturnType<typeof createTestStore>>;
let by: string;
let clientId: string;

const noFilters: AuditFilters = { staffId: null, clientId: null, actions: [], fromDay: null, toDay: null };

beforeAll(async () => {
  folder = tempFolder();
  store = await createTestStore(folder.path);
  by = store.admin.id;
  clientId = store.services.clients.create(by, { firstName: 'Ann', lastName: 'Test' }).id;
  // More opens than a filtered look counts, written in one transaction to keep the test quick.
  store.services.db.transaction(() => {
    for (let i = 0; i < countAtMost + 50; i++) store.services.audit.append({ staffId: by, action: 'client.view', entity: 'client', entityId: clientId });
  })();
});
afterAll(() => {
  store.services.close();
  folder.remove();
});

const tableCount = () => store.services.db.prepare('SELECT count(*) FROM audit_event').pluck().get() as number;

describe('audit trail pages', () => {
  it('count the whole trail without counting it, and walk it page by page without gaps or repeats', () => {
    const first = store.services.auditTrail.find(by, noFilters, { limit: 300, beforeSeq: null });
    // The look itself is the newest row.
    expect(first.rows[0]).toMatchObject({ action: 'audit.view', seq: first.headSeq });
    expect(first).toMatchObject({ total: tableCount(), totalAtLeast: false });
    const seen = [...first.rows];
    for (let next = first.nextBeforeSeq; next !== null;) {
      // Rows written between pages do not shift the pages below.
      store.services.audit.append({ staffId: by, action: 'client.view', entity: 'client', entityId: clientId });
      const page = store.services.auditTrail.find(by, noFilters, { limit: 300, beforeSeq: next });
      expect(page.total).toBeNull();
      seen.push(...page.rows);
      next = page.nextBeforeSeq;
    }
    const seqs = seen.map((row) => row.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(first.total);
    expect(seqs.at(-1)).toBe(1);
  });

  it('count a filtered look up to a limit, then say "more than"', () => {
    const opens = store.services.auditTrail.find(by, { ...noFilters, actions: ['client.view'] }, { limit: 50, beforeSeq: null });
    expect(opens).toMatchObject({ total: countAtMost, totalAtLeast: true });
    expect(opens.rows).toHaveLength(50);
    const created = store.services.auditTrail.find(by, { ...noFilters, clientId, actions: ['client.create'] }, { limit: 50, beforeSeq: null });
    expect(created).toMatchObject({ total: 1, totalAtLeast: false, nextBeforeSeq: null });
  });
});
