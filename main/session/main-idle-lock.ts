import type { Clock } from '../clock';
import type { SkinLedgerRuntime } from './runtime';

/** What the desktop can say about activity; the Electron shell passes powerMonitor's reading. */
export interface IdlePorts {
  /** Seconds since the last keyboard or mouse input anywhere on this computer. Absent under Node. */
  systemIdleSeconds?: () => number;
}

/** How often the shell asks; the lock comes at most this much after the idle time. */
export const mainIdleCheckMs = 15_000;

/**
 * The idle lock's second line, in the main process: the window's own timer cannot run when its
 * page hangs, and a hung page leaves a record on show. The main process notes every request
 * from the window; when none has come for the clinic's idle minutes, and (where the desktop can
 * tell) no one has touched the keyboard or mouse for as long, it locks the session as the
 * window would. The window is told; if it cannot listen, its next request is refused as locked
 * and it shows the lock screen then. Both idle measures must agree, so typing a long note (no
 * requests, but input) or a page that keeps polling (requests, no input) does not lock early.
 */
export class MainIdleLock {
  private lastRequestAt: number;

  constructor(
    private readonly runtime: Pick<SkinLedgerRuntime, 'signedIn' | 'isLocked' | 'lock' | 'status'>,
    private readonly clock: Clock,
    private readonly ports: IdlePorts,
    /** After a lock: tell the window (it may not hear). */
    private readonly onLocked: () => void,
  ) {
    this.lastRequestAt = clock.now().getTime();
  }

  /** Every request from the window, whatever it asks. */
  noteRequest(): void {
    this.lastRequestAt = this.clock.now().getTime();
  }

  /** Locks when the session has been idle for the clinic's time; true when it did. */
  check(): boolean {
    if (!this.runtime.signedIn() || this.runtime.isLocked()) return false;
    const minutes = this.runtime.status().idleLockMinutes;
    if (!(minutes > 0)) return false;
    const sinceRequestMs = this.clock.now().getTime() - this.lastRequestAt;
    const systemIdleMs = this.ports.systemIdleSeconds ? this.ports.systemIdleSeconds() * 1000 : Number.POSITIVE_INFINITY;
    if (Math.min(sinceRequestMs, systemIdleMs) < minutes * 60_000) return false;
    this.runtime.lock('idle');
    this.onLocked();
    return true;
  }
}
