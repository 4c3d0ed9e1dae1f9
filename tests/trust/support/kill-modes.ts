import { readFileSync, writeSync } from 'node:fs';
import { testDesktop } from '../../support/desktop';
import { SeededRandom } from '../../../main/demo/seeded-random';
import { fastScryptForTests } from '../../support/fast-scrypt';
import { SkinLedgerRuntime } from '../../../main/session/runtime';
import { quietCheckpointDefaults } from '../../../main/store/quiet-checkpoints';
import { microneedlingForm } from '../../support/consent-forms';
import { adminName, adminPassword } from '../../support/store';
import { killLoopSource } from './kill-loop-marker';
import type { StepCounter } from './kill-steps';

const say = (line: string) => writeSync(1, `${line}\n`);

/** The app as the shell builds it, minus Electron: the same runtime, options and services. */
function appRuntime(): SkinLedgerRuntime {
  const dataDir = process.env.SKINLEDGER_KILL_DIR;
  const settingsDir = process.env.SKINLEDGER_KILL_SETTINGS;
  if (!dataDir || !settingsDir) throw new Error('SKINLEDGER_KILL_DIR and SKINLEDGER_KILL_SETTINGS are required');
  // The test KDF cost is the only difference from main/index.ts: the slots were made at it.
  return new SkinLedgerRuntime({ dataDir, appVersion: 'kill-loop', settingsDir, scrypt: fastScryptForTests });
}

export async function runKillMode(steps: StepCounter): Promise<void> {
  const mode = process.env.SKINLEDGER_KILL_MODE ?? 'clients';
  const runtime = appRuntime();
  if (mode === 'clients') return clientsLoop(runtime);
  if (mode === 'purge') return purgeLoop(runtime);
  if (mode === 'restore') return restoreLoop(runtime);
  // A migration runs at sign-in, when the store is opened: that is the operation.
  const signIn = () => runtime.login(adminName, adminPassword);
  if (mode === 'migration') await steps.during(signIn);
  else await signIn();
  say('ready 1');
  const { services, staff } = runtime.current();
  let acknowledged: string;
  if (mode === 'migration') {
    acknowledged = String(services.db.pragma('user_version', { simple: true }));
  } else if (mode === 'backup') {
    const folder = process.env.SKINLEDGER_KILL_BACKUPS ?? '';
    acknowledged = (await steps.during(() => services.backup.backupToFile(staff.id, folder))).path;
  } else if (mode === 'consent') {
    const clientId = process.env.SKINLEDGER_KILL_CLIENT ?? '';
    const form = await microneedlingForm(services, new SeededRandom(Number(process.env.SKINLEDGER_KILL_AT ?? 0) + 1), 'kill loop');
    acknowledged = (await steps.during(() => services.consents.sign(staff.id, clientId, null, form))).id;
  } else if (mode === 'photo') {
    const clientId = process.env.SKINLEDGER_KILL_CLIENT ?? '';
    const bytes = readFileSync(process.env.SKINLEDGER_KILL_PHOTO ?? '');
    const imported = await steps.during(() =>
      services.photos.import(staff.id, {
        clientId,
        labels: { view: 'front', stage: 'before' },
        files: [{ fileName: 'front.jpg', bytes }],
        override: { reason: 'kill loop photo, no consent form in the test' },
      }),
    );
    const [result] = imported;
    if (result?.outcome !== 'imported') throw new Error(`the photo was not imported: ${JSON.stringify(result)}`);
    acknowledged = result.photo.id;
  } else {
    throw new Error(`unknown SKINLEDGER_KILL_MODE ${mode}`);
  }
  say(`ack ${acknowledged}`);
  say(`steps ${steps.count}`);
  await services.photos.close();
  process.exit(0);
}

/** Purges the kill-loop clients one by one, the lowest number first, printing each once its purge returned. */
async function purgeLoop(runtime: SkinLedgerRuntime): Promise<void> {
  await runtime.login(adminName, adminPassword);
  const { services, staff } = runtime.current();
  const next = () =>
    services.db.prepare(`SELECT id, first_name || ' ' || last_name AS name, CAST(notes AS INTEGER) AS n FROM client WHERE referral_source = ? ORDER BY n LIMIT 1`).get(killLoopSource) as
      { id: string; name: string; n: number } | undefined;
  const first = next();
  say(`ready ${first?.n ?? 0}`);
  for (let client = first; client; client = next()) {
    await services.retention.purgeClient(staff.id, { clientId: client.id, reason: 'erasure-request', note: 'kill loop', confirmation: client.name });
    say(String(client.n));
  }
  // Nothing left to purge: wait to be killed. A pending promise alone does not keep Node
  // running (it would exit 0 on a fast machine); a timer does.
  setInterval(() => {}, 60_000);
  await new Promise(() => {});
}

/**
 * Replaces the store with SKINLEDGER_KILL_BACKUP again and again the way an admin does it in
 * Settings (the backup desk, which closes the runtime's store half-way), printing a rising count
 * after each restore returned.
 */
async function restoreLoop(runtime: SkinLedgerRuntime): Promise<void> {
  const desk = testDesktop(runtime).backup;
  say('ready 1');
  for (let count = 1; ; count++) {
    await runtime.login(adminName, adminPassword);
    await desk.pick(process.env.SKINLEDGER_KILL_BACKUP ?? '');
    await desk.replaceStore({ kind: 'password', name: adminName, password: adminPassword });
    say(String(count));
  }
}

async function clientsLoop(runtime: SkinLedgerRuntime): Promise<void> {
  await runtime.login(adminName, adminPassword);
  const { services, staff } = runtime.current();
  const done = services.db.prepare(`SELECT max(CAST(notes AS INTEGER)) AS n FROM client WHERE referral_source = ?`).get(killLoopSource) as { n: number | null };
  let next = (done.n ?? 0) + 1;
  say(`ready ${next}`);
  for (;;) {
    services.clients.create(staff.id, { firstName: 'Kill', lastName: `Loop ${next}`, referralSource: killLoopSource, notes: String(next) }, { allowDuplicate: true });
    // Synchronous write to the pipe: the number leaves only after the commit above returned.
    say(String(next));
    next++;
    // One write per turn of the event loop, as the app handles one call at a time; deferred
    // anchors run in between. Every 60 writes a quiet pause of two checkpoint intervals, as a
    // front desk has: the quiet checkpoint runs in it, and some kills land on it.
    const pause = next % 60 === 0 ? quietCheckpointDefaults.intervalMs * 2 + 100 : 0;
    await new Promise<void>((resolve) => (pause ? setTimeout(resolve, pause) : setImmediate(resolve)));
  }
}
