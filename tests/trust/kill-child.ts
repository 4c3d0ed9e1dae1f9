/**
 * The victim of the kill loop (kill-loop.test.ts): opens an existing store and writes one client
 * per transaction through the real services, with a rising number in the record, and prints each
 * number only after its transaction has committed. The parent kills it with SIGKILL at a random
 * moment and then checks that every printed number is in the store.
 *
 * Input (environment): SKINLEDGER_KILL_DIR (the data folder), SKINLEDGER_KILL_KEY (the data key,
 * hex); "go" on stdin. Output (stdout, one line each): "warm" once loaded, "ready <next number>"
 * once the store is open, then "<number>" per commit.
 *
 * The store is opened only on "go": the parent starts the next child while the current one is
 * still running, so the Node start-up (most of the time per kill) is off the loop's critical path.
 */
import { writeSync } from 'node:fs';
import { AuditLog } from '../../main/audit/audit-log';
import { ClientService } from '../../main/clients/client-service';
import { systemClock } from '../../main/clock';
import { openStoreDatabase, Vault } from '../../main/vault/vault';
import { killLoopSource } from './support/kill-loop-marker';

function goSignal(): Promise<void> {
  return new Promise((resolve) => {
    let text = '';
    let go = false;
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      text += chunk;
      go ||= text.includes('go\n');
      if (go) resolve();
    });
    // The parent went away before sending "go": nothing to do. (Once running, a parent that
    // goes away breaks the stdout pipe, and the next write ends this process.)
    process.stdin.on('end', () => {
      if (!go) process.exit(0);
    });
  });
}

async function main(): Promise<void> {
  writeSync(1, 'warm\n');
  await goSignal();
  const dir = process.env.SKINLEDGER_KILL_DIR;
  const key = process.env.SKINLEDGER_KILL_KEY;
  if (!dir || !key) throw new Error('SKINLEDGER_KILL_DIR and SKINLEDGER_KILL_KEY are required');
  const vault = new Vault(dir, { clock: systemClock });
  const db = openStoreDatabase(vault, Buffer.from(key, 'hex'));
  // Every key file write is MACed under the data key, as the app's services arrange.
  vault.holdDataKey(Buffer.from(key, 'hex'));
  // Wired by hand with the vault as anchor store (anchored at every commit, so kills also land in
  // key file rewrites); the services are the app's own.
  const audit = new AuditLog(db, systemClock, vault);
  const clients = new ClientService(db, audit, systemClock);
  const staffId = (db.prepare(`SELECT id FROM staff WHERE role = 'admin' LIMIT 1`).get() as { id: string }).id;
  const done = db.prepare(`SELECT max(CAST(notes AS INTEGER)) AS n FROM client WHERE referral_source = ?`).get(killLoopSource) as { n: number | null };
  let next = (done.n ?? 0) + 1;
  writeSync(1, `ready ${next}\n`);
  for (;;) {
    clients.create(staffId, { firstName: 'Kill', lastName: `Loop ${next}`, referralSource: killLoopSource, notes: String(next) }, { allowDuplicate: true });
    // Synchronous write to the pipe: the number leaves only after the commit above returned.
    writeSync(1, `${next}\n`);
    if (next % 25 === 0) audit.append({ staffId, action: 'session.lock', entity: 'staff', entityId: staffId, detail: 'idle' });
    next++;
    // One write per turn of the event loop, as the app handles one call at a time; deferred
    // anchors run in between.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

main().catch((error: unknown) => {
  writeSync(2, `kill-child failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
