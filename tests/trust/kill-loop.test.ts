import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../main/app';
import { AuditLog } from '../../main/audit/audit-log';
import { verifyBackupFile } from '../../main/backup/verify-backup';
import { readKeySlotFile } from '../../main/crypto/key-slot-file';
import { SeededRandom } from '../../main/demo/seeded-random';
import { latestSchemaVersion } from '../../main/store/migrations';
import { openDatabase } from '../../main/store/open-database';
import { syntheticFaceJpeg } from '../support/photo-fixtures';
import { createTestStore, TestClock } from '../support/store';
import { tempFolder } from '../support/temp-folder';
import { buildKillChild, startKillChild } from './support/kill-child-process';
import { killLoopSource } from './support/kill-loop-marker';
import { verifyAfterKill } from './support/kill-verify';

/**
 * The child is the app as main/index.ts composes it (tests/trust/kill-child.ts). CI runs a few
 * kills; a long run sets SKINLEDGER_KILLS=200 (client writes killed at that many moments, and
 * each operation killed at up to that many of its steps). SKINLEDGER_KILL_SEED replays a run's
 * delays for the client writes; the operations' kill points do not depend on it.
 */
const clientKills = Number(process.env.SKINLEDGER_KILLS ?? 8);
const killsPerOperation = Number(process.env.SKINLEDGER_KILLS ?? 3);
const seed = Number(process.env.SKINLEDGER_KILL_SEED ?? Date.now() % 2 ** 31);

let build: ReturnType<typeof tempFolder>;
let script: string;
beforeAll(async () => {
  build = tempFolder('skinledger-kill-build-');
  script = await buildKillChild(build.path);
}, 60_000);
afterAll(() => build.remove());

/** A data folder and the app's settings folder beside it, with a store made as set-up makes it. */
async function killStore(name: string) {
  const folder = tempFolder(`skinledger-kill-${name}-`);
  const dataDir = join(folder.path, 'data');
  const settingsDir = join(folder.path, 'settings');
  mkdirSync(settingsDir);
  const store = await createTestStore(dataDir);
  const env = { SKINLEDGER_KILL_DIR: dataDir, SKINLEDGER_KILL_SETTINGS: settingsDir };
  return { folder, dataDir, store, env };
}

describe('crash safety: the app is killed with SIGKILL while it writes clients', () => {
  let setup: Awaited<ReturnType<typeof killStore>>;
  beforeAll(async () => {
    setup = await killStore('clients');
    setup.store.services.close();
  });
  afterAll(() => setup.folder.remove());

  it(
    `keeps every acknowledged client, gap-free and audited, through ${clientKills} kills of the app as the shell wires it`,
    async () => {
      const { dataDir, store } = setup;
      const random = new SeededRandom(seed);
      const env = { ...setup.env, SKINLEDGER_KILL_MODE: 'clients' };
      const started = performance.now();
      let highest = 0;
      let unacknowledgedCommits = 0;
      let next = startKillChild(script, env);
      for (let kill = 1; kill <= clientKills; kill++) {
        const current = next;
        // The next child loads while this one runs and the store is checked.
        next = startKillChild(script, env);
        // Up to 2.5 s: past the quiet pause the child takes after 60 writes, when its checkpoint runs.
        const run = await current.killAfterReady(random.int(0, 2500));
        const context = `kill ${kill} (seed ${seed}, ${run.delayMs} ms after ready)`;
        // The child starts from what is in the store: a number committed but not printed is not written twice.
        expect(run.firstNumber, context).toBe(highest + 1);
        const known = Math.max(highest, run.acknowledged.at(-1) ?? 0);
        // Opening compares the trail with its anchor (a cut-off trail is refused here); then only
        // what is new since the last kill is looked at.
        const services = openServices(dataDir, store.dataKey, { clock: new TestClock() });
        try {
          const numbers = services.db
            .prepare(`SELECT count(*) AS rows, min(CAST(notes AS INTEGER)) AS lowest, max(CAST(notes AS INTEGER)) AS highest FROM client WHERE referral_source = ?`)
            .get(killLoopSource) as { rows: number; lowest: number | null; highest: number | null };
          const now = numbers.highest ?? 0;
          // Every acknowledged number is there, and at most one more (committed, not yet printed).
          expect(now, context).toBeGreaterThanOrEqual(known);
          expect(now, context).toBeLessThanOrEqual(known + 1);
          // No gaps, no duplicates, and each client with its audit row.
          expect(numbers.rows, context).toBe(now);
          if (now > 0) expect(numbers.lowest, context).toBe(1);
          expect(services.db.prepare(`SELECT count(*) FROM audit_event WHERE action = 'client.create'`).pluck().get(), context).toBe(now);
          if (now > known) unacknowledgedCommits++;
          highest = now;
        } finally {
          await services.photos.close();
          services.close();
        }
      }
      await next.dispose();
      // The whole chain, the b-trees and the search index once, at the end.
      const services = openServices(dataDir, store.dataKey, { clock: new TestClock() });
      try {
        expect(services.db.pragma('integrity_check', { simple: true })).toBe('ok');
        services.db.exec(`INSERT INTO client_search (client_search) VALUES ('integrity-check')`);
        const audit = new AuditLog(services.db, services.clock, services.vault).verify();
        expect(audit.firstBrokenSeq, audit.summary).toBeNull();
      } finally {
        await services.photos.close();
        services.close();
      }
      expect(() => readKeySlotFile(join(dataDir, 'keyslots.json'))).not.toThrow();
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `[trust] kill loop: ${clientKills} kills in ${seconds.toFixed(1)} s (seed ${seed}); ${highest} clients, each present and audited; ${unacknowledgedCommits} kills fell between a commit and its acknowledgement`,
      );
    },
    clientKills * 6_000 + 60_000,
  );
});

interface Operation {
  name: 'backup' | 'consent' | 'photo' | 'migration';
  /** Puts the store in the state the operation starts from (before every run). */
  prepare?: () => void | Promise<void>;
  /** Looks at what a run left, before the next open changes it. */
  afterRun?: (killed: boolean) => void;
  /** Steps always killed at, besides the ones spread over the operation. */
  firstSteps?: number;
  /** After each run, on the reopened store: everything acknowledged so far is there and sound. */
  check: (services: Parameters<Parameters<typeof verifyAfterKill>[3]>[0], acknowledged: readonly string[], context: string) => void | Promise<void>;
}

/**
 * One run with no kill counts the operation's steps; then the kills land on steps spread evenly
 * over it (or on every step, in a long run), each followed by open + verify.
 */
async function killDuring(setup: Awaited<ReturnType<typeof killStore>>, operation: Operation, env: Record<string, string>): Promise<void> {
  const acknowledged: string[] = [];
  const runOnce = async (killAt: number) => {
    await operation.prepare?.();
    const { lines, killed } = await startKillChild(script, { ...setup.env, ...env, SKINLEDGER_KILL_MODE: operation.name, SKINLEDGER_KILL_AT: String(killAt) }).runToEnd();
    const ack = lines.find((line) => line.startsWith('ack '));
    if (ack) acknowledged.push(ack.slice(4));
    operation.afterRun?.(killed);
    const context = `${operation.name}, ${killAt === 0 ? 'no kill' : `killed before step ${killAt}`}`;
    await verifyAfterKill(setup.dataDir, setup.store.dataKey, context, (services) => operation.check(services, acknowledged, context));
    return { killed, steps: Number(lines.find((line) => line.startsWith('steps '))?.slice(6) ?? 0) };
  };
  const { steps } = await runOnce(0);
  expect(steps).toBeGreaterThan(0);
  const spread = Math.min(killsPerOperation, steps);
  const points = new Set<number>();
  for (let at = 1; at <= Math.min(operation.firstSteps ?? 0, steps); at++) points.add(at);
  for (let i = 1; i <= spread; i++) points.add(Math.max(1, Math.round((i * steps) / (spread + 1))));
  let killed = 0;
  for (const at of points) if ((await runOnce(at)).killed) killed++;
  expect(killed, `${operation.name}: every kill point was reached`).toBe(points.size);
  console.log(
    `[trust] kill during ${operation.name}: ${steps} steps, killed before steps ${[...points].join(', ')}; the store opened and verified after each, ${acknowledged.length} acknowledged kept`,
  );
}

describe('crash safety: the app is killed with SIGKILL during backup, consent signing, photo import and a migration', () => {
  it(`a backup: every acknowledged backup file still verifies, and no half-written file carries a backup's name (${killsPerOperation} kills)`, async () => {
    const setup = await killStore('backup');
    try {
      for (let n = 1; n <= 20; n++) setup.store.services.clients.create(setup.store.admin.id, { firstName: 'Kill', lastName: `Backup ${n}`, notes: 'n'.repeat(500) });
      const storeId = setup.store.vault.storeId();
      await setup.store.services.photos.close();
      setup.store.services.close();
      const backups = join(setup.folder.path, 'backups');
      mkdirSync(backups);
      await killDuring(
        setup,
        {
          name: 'backup',
          check: async (services, acknowledged, context) => {
            for (const path of acknowledged) expect(existsSync(path), `${context}: ${path}`).toBe(true);
            // Whatever carries a backup's name is a whole, sound backup.
            for (const file of readdirSync(backups).filter((name) => name.endsWith('.slbackup'))) {
              const verified = await verifyBackupFile(join(backups, file), { kind: 'data-key', dataKey: setup.store.dataKey, storeId });
              expect(verified.counts.clients, `${context}: ${file}`).toBe(20);
            }
            expect(services.clients.find('', { offset: 0, limit: 1 }).total, context).toBe(20);
          },
        },
        { SKINLEDGER_KILL_BACKUPS: backups },
      );
    } finally {
      setup.folder.remove();
    }
  }, 180_000);

  it(`consent signing: every acknowledged consent is there with its PDF as signed (${killsPerOperation} kills)`, async () => {
    const setup = await killStore('consent');
    try {
      const client = setup.store.services.clients.create(setup.store.admin.id, { firstName: 'Kill', lastName: 'Consent' });
      await setup.store.services.photos.close();
      setup.store.services.close();
      await killDuring(
        setup,
        {
          name: 'consent',
          check: (services, acknowledged, context) => {
            for (const id of acknowledged) {
              const row = services.db.prepare('SELECT pdf, pdf_sha256 AS sha FROM consent WHERE id = ?').get(id) as { pdf: Buffer; sha: string } | undefined;
              expect(row, `${context}: consent ${id}`).toBeDefined();
              expect(createHash('sha256').update(row!.pdf).digest('hex'), `${context}: consent ${id}`).toBe(row!.sha);
              expect(services.consents.get(id).id).toBe(id);
            }
            // Each consent committed with its audit row, or not at all.
            const consents = services.db.prepare('SELECT count(*) FROM consent').pluck().get() as number;
            expect(consents, context).toBeGreaterThanOrEqual(acknowledged.length);
            expect(services.db.prepare(`SELECT count(*) FROM audit_event WHERE action = 'consent.sign'`).pluck().get(), context).toBe(consents);
          },
        },
        { SKINLEDGER_KILL_CLIENT: client.id },
      );
    } finally {
      setup.folder.remove();
    }
  }, 180_000);

  it(`photo import: every acknowledged photo is there with its file, and no file without its record (${killsPerOperation} kills)`, async () => {
    const setup = await killStore('photo');
    try {
      const client = setup.store.services.clients.create(setup.store.admin.id, { firstName: 'Kill', lastName: 'Photo' });
      await setup.store.services.photos.close();
      setup.store.services.close();
      // A synthetic face (no person's photo), outside the data folder; another one each run, as
      // the same photo twice is refused as a duplicate.
      const photo = join(setup.folder.path, 'front.jpg');
      let seed = 0;
      await killDuring(
        setup,
        {
          name: 'photo',
          prepare: async () => writeFileSync(photo, await syntheticFaceJpeg({ width: 640, height: 480, hue: 30, seed: ++seed })),
          check: (services, acknowledged, context) => {
            for (const id of acknowledged) expect(services.db.prepare('SELECT count(*) FROM photo WHERE id = ?').pluck().get(id), `${context}: photo ${id}`).toBe(1);
            // verifyAfterKill has checked every record has its file and every file its record.
            expect(services.photos.count(), context).toBeGreaterThanOrEqual(acknowledged.length);
          },
        },
        { SKINLEDGER_KILL_CLIENT: client.id, SKINLEDGER_KILL_PHOTO: photo },
      );
    } finally {
      setup.folder.remove();
    }
  }, 180_000);

  it(`a migration at sign-in: all of it or none of it, and every client written before it kept (${killsPerOperation} kills)`, async () => {
    const setup = await killStore('migration');
    try {
      for (let n = 1; n <= 30; n++) setup.store.services.clients.create(setup.store.admin.id, { firstName: 'Kill', lastName: `Migration ${n}` });
      await setup.store.services.photos.close();
      setup.store.services.close();
      const database = join(setup.dataDir, 'skinledger.db');
      /** The schema before the last step: that step's table gone, the version one lower. */
      const olderSchema = () => {
        const db = openDatabase(database, setup.store.dataKey);
        try {
          // The last step (clients' sharing choices) taken back out.
          db.exec(`DROP INDEX email_outbox_by_next_attempt; DROP TABLE email_outbox; DROP TABLE client_sharing_choice;`);
          db.pragma(`user_version = ${latestSchemaVersion - 1}`);
        } finally {
          db.close();
        }
      };
      /** Read as found, before the next open migrates: the version and the step's table agree. */
      const asLeft = () => {
        const db = openDatabase(database, setup.store.dataKey);
        try {
          const version = db.pragma('user_version', { simple: true }) as number;
          const table = db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'client_sharing_choice'`).pluck().get() as number;
          return { version, table };
        } finally {
          db.close();
        }
      };
      const left: { version: number; table: number }[] = [];
      await killDuring(
        setup,
        {
          name: 'migration',
          // The sign-in's first steps are the store's opening and the migration's transaction.
          firstSteps: 5,
          prepare: () => {
            olderSchema();
            expect(asLeft()).toEqual({ version: latestSchemaVersion - 1, table: 0 });
          },
          afterRun: () => left.push(asLeft()),
          check: (services, acknowledged, context) => {
            expect(services.db.pragma('user_version', { simple: true }), context).toBe(latestSchemaVersion);
            expect(services.clients.find('', { offset: 0, limit: 1 }).total, context).toBe(30);
            for (const version of acknowledged) expect(version, context).toBe(String(latestSchemaVersion));
          },
        },
        {},
      );
      // What each kill left was the old schema or the new one whole, never part of a step; some
      // kills came before the migration's commit.
      for (const found of left)
        expect([
          { version: latestSchemaVersion - 1, table: 0 },
          { version: latestSchemaVersion, table: 1 },
        ]).toContainEqual(found);
      expect(left.some((found) => found.version < latestSchemaVersion)).toBe(true);
    } finally {
      setup.folder.remove();
    }
  }, 180_000);
});
