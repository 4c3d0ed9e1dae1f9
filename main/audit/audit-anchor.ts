import type { SqliteDatabase } from '../store/open-database';

/** The last row of the audit trail: its number and hash. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/**
 * Where the head is kept outside the database. In the app it is the vault (the key file): a
 * row cut off the end of the trail inside the database then shows as missing below the mark.
 */
export interface AuditAnchorStore {
  readAuditHead(): AuditHead | null;
  writeAuditHead(head: AuditHead): void;
}

/**
 * When to anchor. Writing the key file is an atomic rewrite with two fsyncs (about 1-5 ms on a
 * front-desk SSD, more on a disk). Anchoring on every append would close the gap completely but
 * double the disk flushes of every profile view (reads are audited too) and put the file that
 * holds every key slot through thousands of rewrites a day. So the head is anchored:
 * - at the session checkpoints below: sign-in, unlock, lock (idle lock included), sign-out
 *   (closing the app signs out), user switch and store creation;
 * - and after every `anchorEveryAppends` appends in between.
 * Rows after the latest anchor can still be cut off without trace: at most that many, and never
 * more than what happened since the last lock or sign-in. Everything below it cannot.
 */
export const anchorEveryAppends = 32;

export const checkpointActions: ReadonlySet<string> = new Set([
  'store.create',
  'session.sign-in',
  'session.switch-user',
  'session.unlock',
  'session.lock',
  'session.sign-out',
]);

/**
 * Anchors only committed rows. Services append inside their own transactions, which may still
 * roll back; an anchor ahead of the table would read as truncation. So inside a transaction the
 * anchor waits for the next turn of the event loop (better-sqlite3 transactions are synchronous,
 * so by then it has committed or rolled back) and reads the head as committed.
 */
export class AuditAnchor {
  private sinceAnchor = 0;
  private scheduled = false;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly store: AuditAnchorStore,
    private readonly every = anchorEveryAppends,
  ) {}

  /** Called after each append, committed or not yet. */
  noteAppend(action: string): void {
    this.sinceAnchor++;
    if (this.sinceAnchor < this.every && !checkpointActions.has(action)) return;
    if (this.db.inTransaction) this.schedule();
    else this.anchorQuietly();
  }

  /**
   * Copies the committed head to the store, unless the trail no longer matches what is anchored
   * there (shorter, or a different hash at the anchored row): that is evidence of tampering, and
   * overwriting it would erase it. Returns what is anchored afterwards.
   */
  anchorNow(): AuditHead | null {
    if (!this.db.open || this.db.inTransaction) return null;
    const head = this.db.prepare('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1').get() as AuditHead | undefined;
    if (!head) return null;
    const anchored = this.store.readAuditHead();
    this.sinceAnchor = 0;
    if (anchored && (anchored.seq >= head.seq || this.hashAt(anchored.seq) !== anchored.hash)) return anchored;
    this.store.writeAuditHead(head);
    return head;
  }

  private hashAt(seq: number): string | null {
    const row = this.db.prepare('SELECT hash FROM audit_event WHERE seq = ?').get(seq) as { hash: string } | undefined;
    return row?.hash ?? null;
  }

  /**
   * The row is already committed when this runs after it: a key file that cannot be written
   * (disk full, read-only folder) must not turn a saved action into a reported failure. The
   * anchor stays due and is tried again at the next append; `verify` shows how far behind it is.
   */
  private anchorQuietly(): void {
    try {
      this.anchorNow();
    } catch {
      this.sinceAnchor = this.every;
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      // Still inside a transaction (one held across turns): leave it due for the next append
      // rather than spin on the event loop.
      if (this.db.open && !this.db.inTransaction) this.anchorQuietly();
      else this.sinceAnchor = Math.max(this.sinceAnchor, this.every);
    }).unref();
  }
}
