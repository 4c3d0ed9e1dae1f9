import type { AuditAction } from '../../shared/audit/audit-actions';
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../store/open-database';
import { afterEachCommit } from '../store/after-commit';

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

/** Told the committed head (with its row's time) at each session checkpoint: the copies kept outside the data folder. */
export interface CheckpointWitness {
  checkpoint(head: AuditHead & { at: string }): void;
}

/**
 * The anchor moves with every acknowledged change, so no saved change can be cut off the end of
 * the trail without trace: a database that lost its `-wal` file, or was put back from an older
 * copy, is older than the key file says, and the next open refuses it (anchor-check.ts). The
 * cost is one key file rewrite (write, fsync, rename) per request that wrote (see
 * holdAnchorsWhile), or per commit outside a request; the benchmark's "audit anchor" entry
 * measures it.
 */
const checkpointActions: ReadonlySet<string> = new Set<AuditAction>(['store.create', 'session.sign-in', 'session.switch-user', 'session.unlock', 'session.lock', 'session.sign-out']);

/** Every anchor made in this process, told when a request that held them back ends. */
const liveAnchors = new Set<AuditAnchor>();
/** Requests running now (they may overlap: a handler that awaits lets another one start). */
let requestsRunning = 0;

/**
 * Runs one request (a handler, from its input to the answer the screen gets) with the anchor
 * moved once at its end instead of after each of its commits. Opening a profile writes three
 * audit rows, a session a few more; each commit used to rewrite the key file (write, fsync,
 * rename), which was half of a profile open's time. The guarantee is unchanged where it
 * matters: the anchor is moved before the answer goes back, so whatever the screen was told is
 * saved is anchored, and the next open detects it if it is gone. Rows committed while a request
 * is still running (not yet acknowledged) may be cut off without trace, exactly as a crash just
 * before the commit would have lost them. The end of every request, even a failed one, anchors
 * what was committed by then, as does closing the store. Outside a request (the CLI, tests that
 * call services directly) the anchor still moves with every commit.
 */
export async function holdAnchorsWhile<T>(request: () => T | Promise<T>): Promise<T> {
  requestsRunning++;
  try {
    return await request();
  } finally {
    requestsRunning--;
    for (const anchor of liveAnchors) anchor.anchorIfDue();
  }
}

/**
 * Anchors only committed rows. Services append inside their own transactions, which may still
 * roll back; an anchor ahead of the table would read as truncation. So inside a transaction the
 * anchor waits until the outermost transaction has committed (after-commit.ts), and an append
 * outside one (it commits by itself) is anchored at once.
 */
export class AuditAnchor {
  private due = false;
  private checkpointDue = false;
  private scheduled = false;
  private marked = false;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly store: AuditAnchorStore,
    private readonly clock: Clock,
    private readonly witness: CheckpointWitness | null = null,
  ) {
    afterEachCommit(db, () => {
      if (this.due && requestsRunning === 0) this.anchorQuietly();
    });
    liveAnchors.add(this);
  }

  /** At the end of a request, or as the store closes: anchors rows committed and not yet anchored. */
  anchorIfDue(): void {
    if (!this.db.open) {
      liveAnchors.delete(this);
      return;
    }
    if (this.due && !this.db.inTransaction) this.anchorQuietly();
  }

  /** Called after each append, committed or not yet. */
  noteAppend(action: string): void {
    this.due = true;
    if (checkpointActions.has(action)) this.checkpointDue = true;
    if (requestsRunning > 0) return;
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
    const head = this.db.prepare('SELECT seq, hash, at FROM audit_event ORDER BY seq DESC LIMIT 1').get() as (AuditHead & { at: string }) | undefined;
    if (!head) return null;
    const anchored = this.store.readAuditHead();
    this.due = false;
    if (anchored && (anchored.seq > head.seq || this.hashAt(anchored.seq) !== anchored.hash)) return anchored;
    if (!anchored || anchored.seq < head.seq) this.store.writeAuditHead({ seq: head.seq, hash: head.hash });
    this.markAnchored(head.seq);
    if (this.checkpointDue && this.witness) {
      this.checkpointDue = false;
      this.witness.checkpoint(head);
    }
    return { seq: head.seq, hash: head.hash };
  }

  private hashAt(seq: number): string | null {
    const row = this.db.prepare('SELECT hash FROM audit_event WHERE seq = ?').get(seq) as { hash: string } | undefined;
    return row?.hash ?? null;
  }

  /**
   * From the first anchor on, the database itself says an anchor is required, so a key file
   * with the anchor taken out does not make an older copy of the database pass as current.
   */
  private markAnchored(seq: number): void {
    if (this.marked) return;
    const table = this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store_anchor'`).get();
    // A store not yet migrated this far is marked once it is.
    if (!table) return;
    this.db.prepare('INSERT OR IGNORE INTO store_anchor (id, since_seq, recorded_at) VALUES (1, ?, ?)').run(seq, this.clock.now().toISOString());
    this.marked = true;
  }

  /**
   * The row is already committed when this runs after it: a key file that cannot be written
   * (disk full, read-only folder) must not turn a saved action into a reported failure. The
   * anchor stays due and is tried again at the next commit; `verify` shows how far behind it is.
   */
  private anchorQuietly(): void {
    try {
      this.anchorNow();
    } catch {
      this.due = true;
    }
  }

  /**
   * A transaction not run through `db.transaction` (BEGIN … COMMIT by hand) is not seen by the
   * commit hook: the next turn of the event loop catches it, committed or rolled back by then.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.due && requestsRunning === 0 && this.db.open && !this.db.inTransaction) this.anchorQuietly();
    }).unref();
  }
}
