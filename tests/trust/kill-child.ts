/**
 * The victim of the kill loops (kill-loop.test.ts): the app as main/index.ts composes it (a
 * SkinLedgerRuntime, signed in with a password, its services with their quiet checkpoints and
 * the audit head kept outside the data folder), doing one kind of work. It prints what it has
 * done only after the work returned; the parent kills it with SIGKILL and then checks that
 * everything printed is in the store.
 *
 * Input (environment): SKINLEDGER_KILL_DIR (the data folder), SKINLEDGER_KILL_SETTINGS (the app's
 * settings folder), SKINLEDGER_KILL_MODE, "go" on stdin. Output (stdout, one line each): "warm"
 * once loaded, "ready <n>" once signed in, then what the mode acknowledges.
 *
 * SKINLEDGER_KILL_MODE=clients (default): one client per transaction with a rising number in the
 *   record, the number printed after its commit; killed by the parent after a delay.
 * SKINLEDGER_KILL_MODE=purge: purges the kill-loop clients one by one, printing each number once
 *   its purge returned. SKINLEDGER_KILL_MODE=restore: replaces the store with
 *   SKINLEDGER_KILL_BACKUP from Settings again and again, printing a count after each.
 * SKINLEDGER_KILL_MODE=backup | consent | photo | migration: one backup to SKINLEDGER_KILL_BACKUPS,
 *   one signed consent (with its PDF), one photo import (SKINLEDGER_KILL_PHOTO), or the sign-in of
 *   a store with an older schema (so the migrations run), printed as "ack <what>". The child
 *   counts each step that can change a file (every SQL statement run, BEGIN and COMMIT included;
 *   every file write, sync, rename, link and removal) and kills itself before step
 *   SKINLEDGER_KILL_AT; with 0 it finishes and prints "steps <count>", so the parent can spread
 *   its kill points over the whole operation: no timing luck.
 *
 * The store is opened only on "go": the parent starts the next child while the current one is
 * still running, so the Node start-up is off the loop's critical path.
 */
import { writeSync } from 'node:fs';
import { stepCounter } from './support/kill-steps';

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
  const steps = await stepCounter(Number(process.env.SKINLEDGER_KILL_AT ?? 0));
  // The app's code is loaded after the counter is in place, so its file calls go through it.
  const { runKillMode } = await import('./support/kill-modes');
  writeSync(1, 'warm\n');
  await goSignal();
  await runKillMode(steps);
}

main().catch((error: unknown) => {
  writeSync(2, `kill-child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
