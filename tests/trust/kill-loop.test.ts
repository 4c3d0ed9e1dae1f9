import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../main/app';
import { AuditLog } from '../../main/audit/audit-log';
import { readKeySlotFile } from '../../main/crypto/key-slot-file';
import { SeededRandom } from '../../main/demo/seeded-random';
import { createTestStore, TestClock } from '../support/store';
import { tempFolder } from '../support/temp-folder';
import { buildKillChild, startKillChild } from './support/kill-child-process';
import { killLoopSource } from './support/kill-loop-marker';

/** 200 in CI; a long run sets SKINLEDGER_KILLS=10000. SKINLEDGER_KILL_SEED replays a run's delays. */
const kills = Number(process.env.SKINLEDGER_KILLS ?? 200);
const seed = Number(process.env.SKINLEDGER_KILL_SEED ?? Date.now() % 2 ** 31);

interface AfterCrash {
  quickCheck: string;
  integrityCheck: string;
  rows: number;
  lowest: number | null;
  highest: number | null;
  createAudits: number;
  audit: ReturnType<AuditLog['verify']>;
}

/** Reopens the store as the app would and reads what survived. */
function inspect(dataDir: string, dataKey: Buffer): AfterCrash {
  const services = openServices(dataDir, dataKey, { clock: new TestClock() });
  try {
    const db = services.db;
    const quickCheck = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).join('; ');
    const integrityCheck = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    // The full-text index is a second b-tree written in the same transaction: it must agree too.
    db.exec(`INSERT INTO client_search (client_search) VALUES ('integrity-check')`);
    const numbers = db
      .prepare(`SELECT count(*) AS rows, min(CAST(notes AS INTEGER)) AS lowest, max(CAST(notes AS INTEGER)) AS highest FROM client WHERE referral_source = ?`)
      .get(killLoopSource) as { rows: number; lowest: number | null; highest: number | null };
    const createAudits = (db.prepare(`SELECT count(*) AS n FROM audit_event WHERE action = 'client.create'`).get() as { n: number }).n;
    const audit = new AuditLog(db, services.clock, services.vault).verify();
    return { quickCheck, integrityCheck, ...numbers, createAudits, audit };
  } finally {
    services.close();
  }
}

describe('crash safety: the writer is killed with SIGKILL at random moments', () => {
  let folder: ReturnType<typeof tempFolder>;
  let build: ReturnType<typeof tempFolder>;
  let dataKey: Buffer;
  let script: string;

  beforeAll(async () => {
    folder = tempFolder('skinledger-kill-');
    build = tempFolder('skinledger-kill-build-');
    const store = await createTestStore(folder.path);
    dataKey = store.dataKey;
    store.services.close();
    script = await buildKillChild(build.path);
  });
  afterAll(() => {
    folder.remove();
    build.remove();
  });

  it(`keeps every acknowledged write, and nothing else changes, through ${kills} kills`, async () => {
    const random = new SeededRandom(seed);
    const env = { SKINLEDGER_KILL_DIR: folder.path, SKINLEDGER_KILL_KEY: dataKey.toString('hex') };
    const started = performance.now();
    let lastAcknowledged = 0;
    let auditRowsVerified = 0;
    let unacknowledgedCommits = 0;
    let state: AfterCrash | null = null;
    let next = startKillChild(script, env);
    for (let kill = 1; kill <= kills; kill++) {
      const current = next;
      // The next child loads while this one runs and the store is checked.
      next = startKillChild(script, env);
      const run = await current.killAfterReady(random.int(0, 200));
      const context = `kill ${kill} (seed ${seed}, ${run.delayMs} ms after ready)`;
      // The child starts from what is in the store: a number committed but not printed last time
      // is not written twice.
      expect(run.firstNumber, context).toBe((state?.highest ?? 0) + 1);
      const before = state?.highest ?? 0;
      lastAcknowledged = run.acknowledged.at(-1) ?? lastAcknowledged;
      state = inspect(folder.path, dataKey);
      expect(state.quickCheck, context).toBe('ok');
      expect(state.integrityCheck, context).toBe('ok');
      expect(state.audit.firstBrokenSeq, `${context}: ${state.audit.summary}`).toBeNull();
      expect(state.audit.anchor?.seq ?? 0, context).toBeLessThanOrEqual(state.audit.tableRows);
      // Every acknowledged number is there, and at most one more from this run: the one committed
      // when the kill came before its number was printed.
      const known = Math.max(before, lastAcknowledged);
      expect(state.highest ?? 0, context).toBeGreaterThanOrEqual(lastAcknowledged);
      expect(state.highest ?? 0, context).toBeLessThanOrEqual(known + 1);
      // No gaps, no duplicates: exactly the numbers 1..highest.
      expect(state.rows, context).toBe(state.highest ?? 0);
      if (state.rows > 0) expect(state.lowest, context).toBe(1);
      // Each client and its audit row committed together or not at all.
      expect(state.createAudits, context).toBe(state.rows);
      if ((state.highest ?? 0) > known) unacknowledgedCommits++;
      auditRowsVerified += state.audit.tableRows;
    }
    await next.dispose();
    expect(() => readKeySlotFile(`${folder.path}/keyslots.json`)).not.toThrow();
    const leftovers = readdirSync(folder.path).filter((name) => name.includes('.next'));
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `[trust] kill loop: ${kills} kills survived in ${seconds.toFixed(1)} s (seed ${seed}); ${state?.rows} client rows, ` +
        `each checked present, gap-free and audited after every kill; ${auditRowsVerified} audit rows verified in total ` +
        `(${state?.audit.summary}); ${unacknowledgedCommits} kills fell between a commit and its acknowledgement; ` +
        `${leftovers.length} key file siblings left behind by kills mid-rewrite`,
    );
  }, kills * 3_000 + 60_000);
});
