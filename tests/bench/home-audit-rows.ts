import { join } from 'node:path';
import { seedDemoAuditEvents } from '../../main/demo/demo-audit-events';
import { seedDemoClinic } from '../../main/demo/demo-seeder';
import { SeededRandom } from '../../main/demo/seeded-random';
import type { AuditFilters } from '../../shared/contract/audit-channels';
import type { Row } from './bench-row';
import { encryptedStore } from './bench-stores';
import { timeEach } from './measure';

export interface HomeAuditScale {
  clients: number;
  sessionsPerClient: number;
  auditRows: number;
  runs: number;
}

const noFilters: AuditFilters = { staffId: null, clientId: null, actions: [], fromDay: null, toDay: null };
/** What the screens ask for: Home's cards show 6 each, the audit table loads 200 rows a page. */
const homeLimit = 6;
const auditPage = 200;

/**
 * Home and the audit trail screen on a clinic with years of history: demo clients with courses
 * and sessions, then ordinary daily use in the audit trail (seed-demo --audit-events). Absolute
 * targets from the issue; there is no bare library doing this work to compare with.
 */
export async function measureHomeAndAuditRows(root: string, scale: HomeAuditScale, wants: (row: string) => boolean, log: (text: string) => void): Promise<Row[]> {
  const store = await encryptedStore(join(root, 'home-audit'));
  const { services, staffId } = store;
  const rows: Row[] = [];
  try {
    log(`bench: home and audit trail store, ${scale.clients.toLocaleString('en')} clients, ${scale.auditRows.toLocaleString('en')} audit rows`);
    await seedDemoClinic(services, staffId, { clients: scale.clients, seed: 7, sessionsPerClient: scale.sessionsPerClient, batchSize: 2000 });
    const missing = scale.auditRows - services.audit.count();
    if (missing > 0) await seedDemoAuditEvents(services, { events: missing, seed: 7, batchSize: 50_000 });
    const trail = services.audit.count();
    const history = `${scale.clients.toLocaleString('en')} clients, ${services.sessions.count().toLocaleString('en')} sessions, ${trail.toLocaleString('en')} audit rows`;

    if (wants('home')) {
      let shown = 0;
      const overdue = timeEach(scale.runs, () => void (shown = services.courses.overdue(homeLimit).length));
      const recent = timeEach(scale.runs, () => void services.clients.recent(homeLimit));
      const whole = timeEach(scale.runs, () => {
        services.courses.overdue(homeLimit);
        services.clients.recent(homeLimit);
        services.backup.status();
      });
      rows.push(
        { row: 'home', work: `Home's overdue card (${shown} of the most overdue), ${history}`, ours: overdue, baseline: null, ratio: null, target: 'p95 ≤ 20 ms', pass: overdue.p95Ms <= 20 },
        { row: 'home', work: `Home's recent clients card (6), ${history}`, ours: recent, baseline: null, ratio: null, target: 'p95 ≤ 10 ms', pass: recent.p95Ms <= 10 },
        { row: 'home', work: `everything Home asks: overdue, recent clients and the backup card, ${history}`, ours: whole, baseline: null, ratio: null, target: '—', pass: null },
      );
    }
    if (wants('audit trail')) {
      const first = timeEach(scale.runs, () => void services.auditTrail.find(staffId, noFilters, { limit: auditPage, beforeSeq: null }));
      const random = new SeededRandom(11);
      const head = services.audit.count();
      const deep = timeEach(scale.runs, () => void services.auditTrail.find(staffId, noFilters, { limit: auditPage, beforeSeq: random.int(1, head) }));
      const halfway = timeEach(scale.runs, () => void services.auditTrail.find(staffId, noFilters, { limit: auditPage, beforeSeq: Math.floor(head / 2) }));
      rows.push(
        {
          row: 'audit trail',
          work: `first page (${auditPage} rows, names resolved, the look recorded and anchored, "N rows" shown), ${history}`,
          ours: first,
          baseline: null,
          ratio: null,
          target: 'p95 ≤ 50 ms',
          pass: first.p95Ms <= 50,
        },
        { row: 'audit trail', work: `a page halfway down (keyset), ${history}`, ours: halfway, baseline: null, ratio: null, target: 'p95 ≤ 100 ms', pass: halfway.p95Ms <= 100 },
        { row: 'audit trail', work: `pages at random depths (keyset), ${history}`, ours: deep, baseline: null, ratio: null, target: 'p95 ≤ 100 ms', pass: deep.p95Ms <= 100 },
      );
    }
  } finally {
    services.close();
  }
  return rows;
}
