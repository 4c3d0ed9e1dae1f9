import { cpus, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openServices } from '../../main/app';
import { Vault } from '../../main/vault/vault';
import { systemClock } from '../../main/clock';
import type { SessionRecordInput } from '../../shared/clinical/session';
import { encryptedStore, plainStore, seed } from './bench-stores';
import { measureRenderer } from './renderer-rows';
import { peakRssMb, round, timeEach, timeEachAsync, type Timing } from './measure';

/**
 * `npm run bench`: SkinLedger at clinic scale against the bare libraries it sits on, measured in
 * the same run so a noisy machine still gives a fair ratio. `--quick` is the CI-sized variant.
 */
const quick = process.argv.includes('--quick');
const scale = quick ? { clients: 10_000, sessionsPerClient: 1, searches: 400, writes: 200 } : { clients: 100_000, sessionsPerClient: 5, searches: 2000, writes: 1000 };

interface Row {
  row: string;
  work: string;
  ours: Timing | { value: number; unit: string };
  baseline: Timing | null;
  ratio: number | null;
  target: string;
  pass: boolean | null;
}

const rows: Row[] = [];
const root = mkdtempSync(join(tmpdir(), 'skinledger-bench-'));

function ratio(ours: Timing, baseline: Timing): number {
  return round(ours.p95Ms / Math.max(baseline.p95Ms, 0.001));
}

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

async function main(): Promise<void> {
  log(`bench: ${quick ? 'quick' : 'full'} run, ${scale.clients.toLocaleString('en')} clients`);
  const encryptedFolder = join(root, 'encrypted');
  const plainFolder = join(root, 'plain');
  mkdirSync(plainFolder);
  const ours = await encryptedStore(encryptedFolder);
  const plain = plainStore(plainFolder);

  const seedStart = performance.now();
  const seeded = seed(ours, scale.clients, scale.sessionsPerClient, (done, total) => {
    if (done % 20_000 === 0 || done === total) log(`bench: seeded ${done}/${total}`);
  });
  const seedMs = performance.now() - seedStart;
  seed(plain, scale.clients, scale.sessionsPerClient);
  rows.push({ row: 'seed', work: `create ${scale.clients.toLocaleString('en')} demo clients, ${seeded.sessions.toLocaleString('en')} sessions`, ours: { value: Math.round(seedMs), unit: 'ms' }, baseline: null, ratio: null, target: '—', pass: null });

  // Search: type-ahead with 1-4 letter prefixes taken from real names in the store.
  const names = (ours.services.db.prepare('SELECT first_name, last_name FROM client ORDER BY rowid LIMIT 500').all() as { first_name: string; last_name: string }[]).map(
    (r) => (r.last_name.length > 1 ? r.last_name : r.first_name),
  );
  const prefixes = Array.from({ length: scale.searches }, (_, i) => names[i % names.length]!.slice(0, 1 + (i % 4)));
  const page = { offset: 0, limit: 50 };
  const searchOurs = timeEach(prefixes.length, (i) => void ours.services.clients.find(prefixes[i]!, page));
  const searchPlain = timeEach(prefixes.length, (i) => void plain.services.clients.find(prefixes[i]!, page));
  const searchRatio = ratio(searchOurs, searchPlain);
  rows.push({
    row: 'search',
    work: `type-ahead, 1-4 letter prefixes, first 50 of ${scale.clients.toLocaleString('en')} clients`,
    ours: searchOurs,
    baseline: searchPlain,
    ratio: searchRatio,
    target: 'p95 ≤ 5 ms and ≤ 1.25× unencrypted',
    pass: searchOurs.p95Ms <= 5 && searchRatio <= 1.25,
  });

  // Write: record a session through the service (validation, screening, lots, audit row) vs a bare insert.
  // Clients whose history raises no stop, as a practitioner would treat without an override.
  const treatable = `SELECT c.id FROM client c WHERE NOT EXISTS (SELECT 1 FROM medical_history h WHERE h.client_id = c.id AND h.alerts LIKE '%"stop"%') ORDER BY c.rowid LIMIT 200`;
  const clientIds = (ours.services.db.prepare(treatable).all() as { id: string }[]).map((r) => r.id);
  const record: SessionRecordInput = {
    performedAt: new Date().toISOString(),
    device: { kind: 'pen', make: 'Bench', model: 'B1', settings: '' },
    cartridge: { name: '16-pin', lot: 'BENCH-1', expiry: null },
    anaesthetic: { product: '', appliedAt: null },
    skinPrep: '',
    areas: [{ area: 'forehead', depthMm: 0.25, passes: 2 }, { area: 'cheek-left', depthMm: 0.5, passes: 2 }, { area: 'cheek-right', depthMm: 0.5, passes: 2 }],
    products: [{ name: 'Serum', lot: 'S-1', expiry: null }],
    endpoint: 'even-erythema',
    immediateReaction: '',
    aftercareGiven: true,
    notes: 'bench',
  };
  const writeOurs = timeEach(scale.writes, (i) => void ours.services.sessions.record(ours.staffId, clientIds[i % clientIds.length]!, null, record, { depthsConfirmed: true }));
  const bareInsert = plain.services.db.prepare(
    `INSERT INTO treatment_session (id, client_id, course_id, performed_at, practitioner_id, record, created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?)`,
  );
  const plainClientIds = (plain.services.db.prepare('SELECT id FROM client ORDER BY rowid LIMIT 200').all() as { id: string }[]).map((r) => r.id);
  const json = JSON.stringify(record);
  const writePlain = timeEach(scale.writes, (i) =>
    plain.services.db.transaction(() => {
      const now = new Date().toISOString();
      bareInsert.run(`bench-${i}-${Math.random()}`, plainClientIds[i % plainClientIds.length]!, now, plain.staffId, json, now, now);
    })(),
  );
  rows.push({
    row: 'write',
    work: 'record a session with 3 areas, 2 lots and its audit row (WAL, synchronous=FULL)',
    ours: writeOurs,
    baseline: writePlain,
    ratio: ratio(writeOurs, writePlain),
    target: 'p95 ≤ 3 ms',
    pass: writeOurs.p95Ms <= 3,
  });

  // Profile: what opening a client with 20 sessions reads (profile header, courses, screening,
  // sessions, history) through the services, against the bare SQL on the unencrypted copy.
  const profileClient = clientIds[0]!;
  for (let i = 0; i < 20; i++) ours.services.sessions.record(ours.staffId, profileClient, null, record, { depthsConfirmed: true });
  const plainProfileClient = plainClientIds[0]!;
  for (let i = 0; i < 20; i++) bareInsert.run(`profile-${i}`, plainProfileClient, new Date().toISOString(), plain.staffId, json, 'x', 'x');
  const profileOurs = timeEach(quick ? 100 : 300, () => {
    ours.services.clients.open(ours.staffId, profileClient);
    ours.services.medicalHistory.screening(profileClient);
    ours.services.courses.forClient(profileClient);
    ours.services.sessions.forClient(ours.staffId, profileClient);
    ours.services.medicalHistory.entries(ours.staffId, profileClient);
  });
  const bare = {
    client: plain.services.db.prepare('SELECT * FROM client WHERE id = ?'),
    history: plain.services.db.prepare('SELECT * FROM medical_history WHERE client_id = ? ORDER BY recorded_at DESC'),
    courses: plain.services.db.prepare('SELECT * FROM course WHERE client_id = ?'),
    sessions: plain.services.db.prepare('SELECT * FROM treatment_session WHERE client_id = ? ORDER BY performed_at DESC'),
  };
  const profilePlain = timeEach(quick ? 100 : 300, () => {
    bare.client.get(plainProfileClient);
    bare.history.all(plainProfileClient);
    bare.courses.all(plainProfileClient);
    bare.sessions.all(plainProfileClient);
  });
  rows.push({
    row: 'profile',
    work: 'open a client with 20 sessions: record, screening, courses, sessions, history, audited reads (consents and photos arrive later)',
    ours: profileOurs,
    baseline: profilePlain,
    ratio: ratio(profileOurs, profilePlain),
    target: 'p95 ≤ 20 ms',
    pass: profileOurs.p95Ms <= 20,
  });

  const memory = peakRssMb();
  ours.services.close();
  plain.services.db.close();

  // Open: unlock (KDF included) and open + migrate check of the existing store (KDF excluded).
  const vault = new Vault(encryptedFolder, { clock: systemClock });
  const openOurs = timeEach(quick ? 10 : 30, () => openServices(encryptedFolder, ours.dataKey).close());
  const openPlain = timeEach(quick ? 10 : 30, () => {
    const db = new Database(join(plainFolder, 'plain.db'));
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.close();
  });
  rows.push({ row: 'open', work: `open + migrate check of ${scale.clients.toLocaleString('en')} clients (KDF excluded)`, ours: openOurs, baseline: openPlain, ratio: ratio(openOurs, openPlain), target: '—', pass: null });
  const unlock = await timeEachAsync(3, async () => {
    const { dataKey } = await vault.unlockWithPassword('Bench Admin', 'bench password 1');
    dataKey.fill(0);
  });
  rows.push({ row: 'unlock', work: 'password → data key (scrypt cost of the slot; bench slots use the test cost)', ours: unlock, baseline: null, ratio: null, target: '—', pass: null });

  rows.push({ row: 'memory', work: 'peak RSS of the services process during seed, search and writes', ours: { value: memory, unit: 'MB' }, baseline: null, ratio: null, target: '≤ 250 MB', pass: memory <= 250 });

  const renderer = await measureRenderer(quick ? 3 : 10);
  if (renderer) {
    rows.push({ row: 'bundle', work: `renderer JS+CSS gzipped: sign-in screen (all: ${renderer.allKb} KB)`, ours: { value: renderer.firstScreenKb, unit: 'KB' }, baseline: null, ratio: null, target: '≤ 400 KB', pass: renderer.firstScreenKb <= 400 });
    rows.push({ row: 'first screen', work: 'built renderer to a typeable sign-in screen in Debian Chromium', ours: renderer.interactive, baseline: null, ratio: null, target: 'p95 ≤ 600 ms', pass: renderer.interactive.p95Ms <= 600 });
  } else {
    log('bench: no built renderer or no /usr/bin/chromium: bundle and first-screen rows skipped (run npm run build)');
  }

  report();
}

function report(): void {
  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    sqlite: (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    cipher: (new Database(':memory:').prepare('SELECT sqlite3mc_version() AS v').get() as { v: string }).v,
    quick,
    at: new Date().toISOString(),
  };
  const fmt = (t: Row['ours'] | null) => (t === null ? '—' : 'p95Ms' in t ? `${t.medianMs} / ${t.p95Ms} ms` : `${t.value} ${t.unit}`);
  const lines = [
    `| row | work | ours (median / p95) | baseline (median / p95) | ratio (p95) | target | result |`,
    `| --- | --- | --- | --- | --- | --- | --- |`,
    ...rows.map((r) => `| ${r.row} | ${r.work} | ${fmt(r.ours)} | ${fmt(r.baseline)} | ${r.ratio ?? '—'} | ${r.target} | ${r.pass === null ? '—' : r.pass ? 'PASS' : 'FAIL'} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n\nmachine: ${JSON.stringify(machine)}\n`);
  const resultsFolder = join(import.meta.dirname, 'results');
  mkdirSync(resultsFolder, { recursive: true });
  writeFileSync(join(resultsFolder, quick ? 'quick.json' : 'latest.json'), `${JSON.stringify({ machine, rows }, null, 2)}\n`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(root, { recursive: true, force: true }));
