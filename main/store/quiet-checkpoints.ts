import type { SqliteDatabase } from './open-database';

export interface QuietCheckpointOptions {
  /** How often the store is looked at; a checkpoint needs one whole interval without a change. */
  intervalMs?: number;
  /** Row changes since the last checkpoint before one is worth making at a quiet moment. */
  minChanges?: number;
  /** SQLite's own checkpoint, inside a commit, once the log reaches this many pages. */
  backstopPages?: number;
}

const quietCheckpointDefaults = { intervalMs: 1000, minChanges: 200, backstopPages: 4000 } as const;

/**
 * Moves WAL checkpoints out of the clinic's clicks. SQLite's default copies the log into the
 * database inside whichever commit takes the log past 1,000 pages: every fifty or so sessions
 * recorded, one save took six times as long as the others (about 18 ms, then 3 ms more for the
 * commit that restarts the log). Here the copy is made when nothing has been written for a
 * whole interval, which on a front desk is nearly always; SQLite's own checkpoint stays as a
 * backstop at a larger log (16 MB), for hours of work without a pause, such as an import.
 *
 * Durability is unchanged: a commit is on the disk once its log frames are flushed
 * (synchronous=FULL); the checkpoint only moves frames that are already safe. The log holds
 * encrypted pages, as the database does.
 */
export class QuietCheckpoints {
  private readonly options: Required<QuietCheckpointOptions>;
  private timer: NodeJS.Timeout | null = null;
  private changesSeen = 0;
  private changesAtCheckpoint = 0;

  constructor(
    private readonly db: SqliteDatabase,
    options: QuietCheckpointOptions = {},
  ) {
    this.options = { ...quietCheckpointDefaults, ...options };
  }

  start(): void {
    if (this.timer) return;
    this.db.pragma(`wal_autocheckpoint = ${this.options.backstopPages}`);
    this.changesSeen = this.changesAtCheckpoint = this.totalChanges();
    this.timer = setInterval(() => this.look(), this.options.intervalMs);
    // Never what keeps a CLI command or a test process running.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One look: checkpoint only when the last interval was quiet and enough has changed since the last one. */
  look(): boolean {
    if (!this.db.open || this.db.inTransaction) return false;
    const changes = this.totalChanges();
    const quiet = changes === this.changesSeen;
    this.changesSeen = changes;
    if (!quiet || changes - this.changesAtCheckpoint < this.options.minChanges) return false;
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
      this.changesAtCheckpoint = changes;
      return true;
    } catch {
      // A disk that refuses the copy now is tried again at the next quiet moment; the frames
      // stay safe in the log meanwhile, and SQLite's backstop still applies.
      return false;
    }
  }

  private totalChanges(): number {
    return (this.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  }
}
