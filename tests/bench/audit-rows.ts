import { join } from 'node:path';
import { AuditLog } from '../../main/audit/audit-log';
import { systemClock } from '../../main/clock';
import { encryptedStore } from './bench-stores';
import type { Row } from './bench-row';
import { round, timeEach, type Timing } from './measure';

/**
 * The audit trail's own costs. "audit anchor": one audited action (a profile view's row) with the
 * head anchored in the key file at every commit (write, fsync, rename), against the same append
 * with no anchor store. "audit verify": walking a whole trail, every hash recomputed.
 */
export async function measureAuditRows(root: string, scale: { appends: number; trailRows: number }, wants: (row: string) => boolean): Promise<Row[]> {
  const store = await encryptedStore(join(root, 'audit'));
  const rows: Row[] = [];
  try {
    const db = store.services.db;
    if (wants('audit anchor')) {
      const anchored = store.services.audit;
      const unanchored = new AuditLog(db, systemClock);
      const entry = { staffId: store.staffId, action: 'client.view' as const, entity: 'client', entityId: 'bench' };
      const withAnchor = timeEach(scale.appends, () => void anchored.append(entry));
      const without = timeEach(scale.appends, () => void unanchored.append(entry));
      rows.push({
        row: 'audit anchor',
        work: 'one audited action (a profile view’s row, its own commit) with the head anchored in the key file at every commit, vs the same append unanchored',
        ours: withAnchor,
        baseline: without,
        ratio: round(withAnchor.p95Ms / Math.max(without.p95Ms, 0.001)),
        target: 'p95 ≤ 10 ms',
        pass: withAnchor.p95Ms <= 10,
      });
    }
    if (wants('audit verify')) {
      const audit = store.services.audit;
      db.transaction(() => {
        for (let i = audit.count(); i < scale.trailRows; i++) audit.append({ staffId: store.staffId, action: 'client.view', entity: 'client', entityId: `client-${i % 977}` });
      })();
      const walk: Timing = timeEach(3, () => {
        if (audit.verify().firstBrokenSeq !== null) throw new Error('bench: the trail does not verify');
      });
      rows.push({
        row: 'audit verify',
        work: `walk a trail of ${audit.count().toLocaleString('en')} rows, every hash recomputed, and its end against the anchor`,
        ours: walk,
        baseline: null,
        ratio: null,
        target: 'p95 ≤ 1000 ms',
        pass: walk.p95Ms <= 1000,
      });
    }
  } finally {
    store.services.close();
  }
  return rows;
}
