import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdAnchorsWhile } from '../../../main/audit/audit-anchor';
import { createTestStore } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let store: Awaited<ReturnType<typeof createTestStore>>;

beforeEach(async () => {
  folder = tempFolder();
  store = await createTestStore(folder.path);
});
afterEach(() => {
  store.services.close();
  folder.remove();
});

const head = () => store.services.audit.recent(1)[0]!;

describe('the audit anchor during a request', () => {
  it('moves once as the request ends, before its answer, and covers every row it wrote', async () => {
    const by = store.admin.id;
    const clientId = store.services.clients.create(by, { firstName: 'Ann', lastName: 'Test' }).id;
    const writes = vi.spyOn(store.vault, 'writeAuditHead');
    const answer = await holdAnchorsWhile(async () => {
      store.services.profiles.open(by, clientId, { healthData: true });
      await Promise.resolve();
      store.services.profiles.open(by, clientId, { healthData: true });
      // Not yet acknowledged: nothing anchored while the request runs.
      expect(writes).not.toHaveBeenCalled();
      return 'answer';
    });
    expect(answer).toBe('answer');
    expect(writes).toHaveBeenCalledTimes(1);
    expect(store.vault.readAuditHead()).toEqual({ seq: head().seq, hash: head().hash });
  });

  it('anchors what a failed request committed before it failed', async () => {
    const by = store.admin.id;
    await expect(
      holdAnchorsWhile(() => {
        store.services.clients.create(by, { firstName: 'Bea', lastName: 'Test' });
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(store.vault.readAuditHead()?.seq).toBe(head().seq);
  });

  it('still moves with every commit outside a request', () => {
    const writes = vi.spyOn(store.vault, 'writeAuditHead');
    store.services.clients.create(store.admin.id, { firstName: 'Cai', lastName: 'Test' });
    store.services.clients.create(store.admin.id, { firstName: 'Dee', lastName: 'Test' });
    expect(writes).toHaveBeenCalledTimes(2);
    expect(store.vault.readAuditHead()?.seq).toBe(head().seq);
  });
});
