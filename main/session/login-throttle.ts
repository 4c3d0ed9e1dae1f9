import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { foldStaffName } from '../crypto/key-slots';
import type { Clock } from '../clock';
import { replaceFileDurably } from '../files/durable-file';

/** Where the counters live in the data folder: hidden, so an otherwise empty folder still counts as empty. */
export const loginThrottleFileName = '.login-throttle.json';

export interface ThrottleRules {
  /** The longest wait one name's wrong passwords can cause. */
  maxDelaySeconds: number;
  /** Wrong passwords across all names before the shared wait starts (it then doubles like a name's). */
  globalFreeFailures: number;
  /** A counter with no wrong password for this long starts again from zero. */
  forgetAfterMs: number;
  /** Names remembered at most (the oldest are dropped), so a spray of names cannot grow the file. */
  maxNames: number;
}

const defaultThrottleRules: ThrottleRules = { maxDelaySeconds: 60, globalFreeFailures: 10, forgetAfterMs: 60 * 60 * 1000, maxNames: 500 };

const Counter = z.object({
  failures: z.number().int().min(0),
  lastFailureAt: z.number(),
  blockedUntil: z.number(),
});
type Counter = z.infer<typeof Counter>;

const ThrottleFile = z.object({
  version: z.literal(1),
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  global: Counter,
  names: z.record(z.string().regex(/^[0-9a-f]{64}$/), Counter),
});
type ThrottleFile = z.infer<typeof ThrottleFile>;

/**
 * Slows password guessing at the sign-in and unlock screens. Each name has its own count: after
 * its n-th wrong password that name waits 1, 2, 4 ... seconds, up to a minute, so one person's
 * typos never delay a colleague. A looser count across all names starts after a handful of wrong
 * passwords, so trying many names still slows down. A right password clears its name's count
 * and the shared one.
 *
 * The counts are kept in a small file in the data folder (written whole, then renamed into
 * place), so quitting the app does not reset them. Names are kept only as salted hashes, and
 * nothing typed as a password is ever kept. A missing or damaged file means starting from zero;
 * a file that cannot be written leaves the counts in memory. The key file's scrypt cost is what
 * protects a stolen folder; this protects the running app.
 */
export class LoginThrottle {
  private state: ThrottleFile;

  constructor(
    private readonly clock: Clock,
    /** Null: counts in memory only. */
    private readonly file: string | null,
    private readonly rules: ThrottleRules = defaultThrottleRules,
  ) {
    this.state = (file && readState(file)) || freshState();
  }

  /** Seconds before another attempt for this name is accepted, or 0. */
  waitSeconds(name: string): number {
    const now = this.clock.now().getTime();
    return Math.max(this.remaining(this.state.names[this.tag(name)], now), this.remaining(this.state.global, now));
  }

  /** Counts a wrong password for this name; returns the seconds to wait before the next attempt. */
  recordFailure(name: string): number {
    const now = this.clock.now().getTime();
    const tag = this.tag(name);
    const own = this.counted(this.state.names[tag], now, 0);
    const global = this.counted(this.state.global, now, this.rules.globalFreeFailures);
    this.state = { ...this.state, global, names: this.pruned({ ...this.state.names, [tag]: own }, now) };
    this.save();
    return this.waitSeconds(name);
  }

  /** A right password: that name's count and the shared count start again. */
  recordSuccess(name: string): void {
    const names = { ...this.state.names };
    delete names[this.tag(name)];
    this.state = { ...this.state, global: emptyCounter(), names };
    this.save();
  }

  private counted(counter: Counter | undefined, now: number, free: number): Counter {
    const failures = (counter && !this.forgotten(counter, now) ? counter.failures : 0) + 1;
    const over = failures - free;
    const delay = over > 0 ? Math.min(2 ** Math.min(over - 1, 30), this.rules.maxDelaySeconds) : 0;
    return { failures, lastFailureAt: now, blockedUntil: delay > 0 ? now + delay * 1000 : 0 };
  }

  /** Never longer than the longest delay, whatever the file says or however the clock moved. */
  private remaining(counter: Counter | undefined, now: number): number {
    if (!counter || this.forgotten(counter, now)) return 0;
    const ms = Math.min(counter.blockedUntil - now, this.rules.maxDelaySeconds * 1000);
    return ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  private forgotten(counter: Counter, now: number): boolean {
    return now - counter.lastFailureAt > this.rules.forgetAfterMs;
  }

  private pruned(names: Record<string, Counter>, now: number): Record<string, Counter> {
    const kept = Object.entries(names)
      .filter(([, counter]) => !this.forgotten(counter, now))
      .sort(([, a], [, b]) => b.lastFailureAt - a.lastFailureAt)
      .slice(0, this.rules.maxNames);
    return Object.fromEntries(kept);
  }

  /** The name as sign-in folds it (the same person however they type it), salted and hashed. */
  private tag(name: string): string {
    return createHash('sha256')
      .update(`skinledger-login-throttle:v1:${this.state.salt}:${foldStaffName(name)}`)
      .digest('hex');
  }

  private save(): void {
    if (!this.file) return;
    try {
      // Named per process: the CLI and the app may both write it.
      replaceFileDurably(this.file, JSON.stringify(this.state), { sibling: `${this.file}.${process.pid}.tmp` });
    } catch {
      // A read-only or full disk: the counts still hold in memory for this run.
    }
  }
}

function emptyCounter(): Counter {
  return { failures: 0, lastFailureAt: 0, blockedUntil: 0 };
}

function freshState(): ThrottleFile {
  return { version: 1, salt: randomBytes(16).toString('hex'), global: emptyCounter(), names: {} };
}

function readState(file: string): ThrottleFile | null {
  try {
    const parsed = ThrottleFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
