import { readFileSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteDatabase } from '../../main/store/open-database';
import { BridgeError, channels, contract, type BridgeResult, type Channel } from '../../shared/contract';
import { channelSamples } from './support/channel-samples';
import { giantPayloadsFor, payloadsFor } from './support/hostile-payloads';
import { changedTables, tableHashes, writeCounters } from './support/store-fingerprint';
import { adminPassword, openTrustClinic, trustedFrame, type TrustClinic } from './support/trust-clinic';

/**
 * Random payloads per channel and caller state: 50 in CI (a fresh seed each run, so runs add up;
 * the giant payloads are all sent every time), 200 or more in a long run with SKINLEDGER_FUZZ_RUNS.
 */
const runs = Number(process.env.SKINLEDGER_FUZZ_RUNS ?? 50);

const states = ['admin', 'signed-out', 'locked'] as const;
type CallerState = (typeof states)[number];

/** Places a failure message must never name: where the data, the code and the user live. */
const secretPlaces = [process.cwd(), tmpdir(), homedir(), 'node_modules'];
const stackLine = /\n\s+at |\.ts:\d+|\.js:\d+/;

let clinic: TrustClinic;
let db: SqliteDatabase;
let samples: ReturnType<typeof channelSamples>;
/** Ids a payload may borrow. Not the fuzzing admin's own: demoting or deactivating them would only
 * turn the rest of the run into FORBIDDEN answers; the role matrix covers who may do what. */
let knownIds: string[];
const counted = { random: 0, giant: 0, errors: 0, ok: 0, byState: { admin: 0, 'signed-out': 0, locked: 0 } as Record<CallerState, number> };
const unchanged = { byCounter: 0, byDump: 0, allowedSignInFailures: 0 };

/** The logical dump is recomputed only when SQLite says a row was written since the last one. */
let cached: { counters: string; tables: Map<string, string> } | null = null;
function fingerprint() {
  const counters = writeCounters(db);
  if (cached?.counters !== counters) cached = { counters, tables: tableHashes(db) };
  return cached;
}
/**
 * The key file's text, read again only when its inode, size or times changed: it is replaced by
 * rename (a new inode) or rewritten (new times), and most payloads touch neither.
 */
let keyFile: { stamp: string; text: string } | null = null;
function keyFileText(): string {
  const path = join(clinic.folder.path, 'keyslots.json');
  const stat = statSync(path, { bigint: true });
  const stamp = `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
  if (keyFile?.stamp !== stamp) keyFile = { stamp, text: readFileSync(path, 'utf8') };
  return keyFile.text;
}
/** The key file without its audit anchor and the checksum over it. */
const slotsOf = (text: string) => {
  // The anchor moves with every audited write (a failed sign-in is audited too), and the MAC and
  // checksum with it; the slots must not.
  const { auditHead: _anchor, checksum: _checksum, mac: _mac, updatedAt: _updated, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return rest;
};
const lastAuditSeq = () => db.prepare('SELECT coalesce(max(seq), 0) FROM audit_event').pluck().get() as number;

beforeAll(async () => {
  clinic = await openTrustClinic();
  db = clinic.runtime.current().services.db;
  samples = channelSamples(clinic.ids);
  const { staff, ...records } = clinic.ids;
  knownIds = [staff.practitioner, staff.reception, ...Object.values(records)];
}, 60_000);

afterAll(() => {
  console.log(
    `[trust] IPC fuzz: ${counted.random + counted.giant} payloads (${counted.random} random, ${counted.giant} giant) over ${channels.length} channels ` +
      `× ${states.length} caller states (${Object.entries(counted.byState)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')}); ` +
      `${counted.ok} answered ok, ${counted.errors} typed errors; database unchanged on every error ` +
      `(${unchanged.byCounter} proven by SQLite's change counter, ${unchanged.byDump} by comparing dumps, ` +
      `${unchanged.allowedSignInFailures} wrote only their own failed-sign-in audit row); no fault reported, nothing thrown`,
  );
  clinic?.close();
});

/** Puts the runtime back in the caller state a probe starts from. */
async function enter(state: CallerState): Promise<void> {
  const runtime = clinic.runtime;
  const staff = runtime.signedIn();
  if (state === 'signed-out') {
    if (staff) await clinic.signOut();
    return;
  }
  if (staff?.id !== clinic.ids.staff.admin || (state === 'admin' && runtime.isLocked())) await clinic.signInAs('admin');
  if (state === 'locked' && !runtime.isLocked()) await clinic.call('session.lock', {});
}

/** Undoes what a successful call changed that later probes depend on. */
async function undo(channel: Channel, payload: unknown, result: BridgeResult<unknown>): Promise<void> {
  if (channel === 'session.changePassword' && result.ok) {
    const { newPassword } = contract['session.changePassword'].input.parse(payload);
    const back = await clinic.call('session.changePassword', { currentPassword: newPassword, newPassword: adminPassword });
    expect(back.ok, 'changing the admin password back').toBe(true);
  }
}

function describeFault(channel: string): string {
  return (
    clinic.faults.map((f) => `${f.channel}: ${f.error instanceof Error ? `${f.error.name}: ${f.error.message}\n${f.error.stack?.split('\n').slice(1, 6).join('\n')}` : String(f.error)}`).join('\n') ||
    `none (${channel})`
  );
}

/**
 * Fails the test with the message when the condition is false. The fuzzer checks a dozen things
 * on each of tens of thousands of answers: a plain test costs nothing, a chained expect does.
 */
function must(condition: boolean, message: string): asserts condition {
  if (!condition) expect.fail(message);
}

function checkAnswer(channel: Channel, result: unknown): asserts result is BridgeResult<unknown> {
  must(typeof result === 'object' && result !== null, `${channel}: the answer is not an object: ${String(result)}`);
  // It crosses IPC by structured clone: nothing in it may be a function, symbol or the like.
  try {
    structuredClone(result);
  } catch (error) {
    expect.fail(`${channel}: the answer cannot cross IPC: ${String(error)}`);
  }
  const answer = result as BridgeResult<unknown>;
  if (answer.ok) {
    must(contract[channel].output.safeParse(answer.value).success, `${channel}: output matches the contract`);
    return;
  }
  must(BridgeError.safeParse(answer.error).success, `${channel}: error shape ${JSON.stringify(answer.error).slice(0, 300)}`);
  must(answer.error.code !== 'INTERNAL', `${channel}: INTERNAL: ${answer.error.message}`);
  const text = [answer.error.message, ...Object.values(answer.error.fields ?? {})].join('\n');
  must(!stackLine.test(text), `${channel}: error text looks like a stack trace: ${text.slice(0, 300)}`);
  for (const place of secretPlaces) must(!text.includes(place), `${channel}: error text names ${place}`);
  must(answer.error.message.length < 2_000, `${channel}: error message of ${answer.error.message.length} characters`);
}

/** One call through the dispatcher, with every check the fuzzer makes. */
async function probe(state: CallerState, channel: Channel, payload: unknown): Promise<void> {
  await enter(state);
  // Wrong passwords slow the next attempt down; move the clock past that, so sign-in and unlock
  // payloads reach the password check instead of the throttle.
  if (channel === 'session.login' || channel === 'session.unlock') clinic.clock.advance(61_000);
  const before = { ...fingerprint(), keyFile: keyFileText(), auditSeq: lastAuditSeq() };
  let result: unknown;
  try {
    result = await clinic.dispatch(channel, payload, trustedFrame);
  } catch (error) {
    expect.fail(`${channel}: dispatch threw ${String(error)}`);
  }
  if (clinic.faults.length > 0) expect.fail(`reportFault was called: ${describeFault(channel)}`);
  checkAnswer(channel, result);
  counted.byState[state]++;
  if (result.ok) {
    counted.ok++;
    await undo(channel, payload, result);
    return;
  }
  counted.errors++;
  const keyFileAfter = keyFileText();
  if (keyFileAfter !== before.keyFile) {
    // The audit head is anchored in the key file at every commit, a failed sign-in's own row
    // included: only the anchor may move, and only to the trail's head. Slots never.
    expect(slotsOf(keyFileAfter), `${channel} failed with ${result.error.code} but rewrote the key file's slots`).toEqual(slotsOf(before.keyFile));
    expect((JSON.parse(keyFileAfter) as { auditHead?: { seq: number } }).auditHead?.seq, `${channel}: the anchor moved past the trail`).toBe(lastAuditSeq());
  }
  // Every 50th error is checked by dump even when the counter says nothing was written.
  if (writeCounters(db) === before.counters && counted.errors % 50 !== 0) {
    unchanged.byCounter++;
    return;
  }
  const after = tableHashes(db);
  cached = { counters: writeCounters(db), tables: after };
  const changed = changedTables(before.tables, after);
  if (changed.length === 0) {
    unchanged.byDump++;
    return;
  }
  // A wrong password at the lock screen is itself an event to audit, written at once.
  const added = db.prepare('SELECT action FROM audit_event WHERE seq > ?').pluck().all(before.auditSeq) as string[];
  const onlyFailedSignIn = changed.length === 1 && changed[0] === 'audit_event' && added.length > 0 && added.every((a) => a === 'session.sign-in-failed');
  expect(onlyFailedSignIn, `${channel} failed with ${result.error.code} but changed ${changed.join(', ')} (${added.join(', ')})`).toBe(true);
  unchanged.allowedSignInFailures++;
}

describe.each(states)('IPC fuzz, caller %s', (state) => {
  it.each(channels)(
    '%s: random and malformed payloads',
    async (channel) => {
      await fc.assert(
        fc.asyncProperty(payloadsFor(samples[channel], knownIds), async (payload) => {
          await probe(state, channel, payload);
          counted.random++;
        }),
        { numRuns: runs },
      );
    },
    120_000,
  );

  it.each(channels)(
    '%s: giant payloads (10 MB strings, 10,000-deep nesting)',
    async (channel) => {
      for (const { name, payload } of giantPayloadsFor(samples[channel])) {
        await probe(state, channel, payload).catch((error: unknown) => {
          throw new Error(`${channel}, ${name}: ${error instanceof Error ? error.message : String(error)}`);
        });
        counted.giant++;
      }
    },
    120_000,
  );
});
