import { join } from 'node:path';
import { AuditLog } from '../../main/audit/audit-log';
import { systemClock } from '../../main/clock';
import { encryptedStore } from './bench-stores';
import { pairedRow, type Row } from './bench-row';
import { pairedEachAsync, timeEach, type Timing } from './measure';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

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
      // One append per turn of the event loop, as IPC calls arrive: an anchor the commit hook
      // leaves for the next turn is then counted in the append that caused it.
      const paired = await pairedEachAsync(
        scale.appends,
        20,
        async () => {
          anchored.append(entry);
          await nextTurn();
        },
        async () => {
          unanchored.append(entry);
          await nextTurn();
        },
      );
      rows.push(
        pairedRow(
          'audit anchor',
          'one audited action (a profile view’s row, its own commit) with the head anchored in the key file at every commit, vs the same append unanchored',
          paired,
          'p95 ≤ 10 ms',
          paired.ours.p95Ms <= 10,
        ),
      );
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
