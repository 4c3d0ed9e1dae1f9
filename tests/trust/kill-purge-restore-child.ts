/**
 * The victim of the purge and restore kill loops (kill-purge-restore.test.ts), run from source
 * with tsx (the services pull in the photo worker and native modules a one-file bundle cannot).
 * Same protocol as kill-child.ts: "warm", then on "go" "ready <n>", then one number per step,
 * printed only after the step has returned.
 *
 * SKINLEDGER_KILL_MODE=purge: purges the kill-loop clients (each with a photo) one by one, the
 *   lowest number first, printing each number once its purge has returned.
 * SKINLEDGER_KILL_MODE=restore: replaces the store with SKINLEDGER_KILL_BACKUP again and again,
 *   printing a rising count after each restore has returned.
 */
import { writeSync } from 'node:fs';
import { openServices } from '../../main/app';
import { replaceStoreFromBackup } from '../../main/backup/restore-backup';
import { systemClock } from '../../main/clock';
import { Vault } from '../../main/vault/vault';
import { killLoopSource } from './support/kill-loop-marker';

function goSignal(): Promise<void> {
  return new Promise((resolve) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('go\n')) resolve();
    });
    process.stdin.on('end', () => {
      if (!text.includes('go\n')) process.exit(0);
    });
  });
}

async function purgeLoop(dir: string, dataKey: Buffer): Promise<void> {
  const services = openServices(dir, dataKey, { clock: systemClock });
  const staffId = services.db.prepare(`SELECT id FROM staff WHERE role = 'admin' LIMIT 1`).pluck().get() as string;
  const next = () =>
    services.db.prepare(`SELECT id, first_name || ' ' || last_name AS name, CAST(notes AS INTEGER) AS n FROM client WHERE referral_source = ? ORDER BY n LIMIT 1`).get(killLoopSource) as
      | { id: string; name: string; n: number }
      | undefined;
  const first = next();
  writeSync(1, `ready ${first?.n ?? 0}\n`);
  for (let client = first; client; client = next()) {
    await services.retention.purgeClient(staffId, { clientId: client.id, reason: 'erasure-request', note: 'kill loop', confirmation: client.name });
    writeSync(1, `${client.n}\n`);
  }
  // Nothing left to purge: wait to be killed.
  await new Promise(() => {});
}

async function restoreLoop(dir: string, dataKey: Buffer, backup: string): Promise<void> {
  const storeId = new Vault(dir, { clock: systemClock }).storeId();
  writeSync(1, 'ready 1\n');
  for (let count = 1; ; count++) {
    await replaceStoreFromBackup(dir, { archivePath: backup, unlock: { kind: 'data-key', dataKey: Buffer.from(dataKey), storeId }, clock: systemClock, via: 'cli' });
    writeSync(1, `${count}\n`);
  }
}

async function main(): Promise<void> {
  writeSync(1, 'warm\n');
  await goSignal();
  const dir = process.env.SKINLEDGER_KILL_DIR;
  const key = process.env.SKINLEDGER_KILL_KEY;
  if (!dir || !key) throw new Error('SKINLEDGER_KILL_DIR and SKINLEDGER_KILL_KEY are required');
  const dataKey = Buffer.from(key, 'hex');
  if (process.env.SKINLEDGER_KILL_MODE === 'restore') await restoreLoop(dir, dataKey, process.env.SKINLEDGER_KILL_BACKUP ?? '');
  else await purgeLoop(dir, dataKey);
}

main().catch((error: unknown) => {
  writeSync(2, `kill-purge-restore-child failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
