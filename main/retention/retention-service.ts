import type { RetentionReportRow, RetentionSettingsView } from '../../shared/contract/audit-channels';
import type { PurgeReason, RetentionSettings } from '../../shared/retention/retention-rules';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import type { ClientFileEraser, ClientRowEraser } from './client-erasers';
import { purgeClientRows } from './client-purge';
import { clientsPastRetention, localDay, retentionOfClients } from './retention-report';
import { RetentionSettingsStore } from './retention-settings';

export interface RetentionServiceOptions {
  db: SqliteDatabase;
  audit: AuditLog;
  clock: Clock;
  /** Rows of a client, dependants first; registered in main/app.ts. */
  rowErasers: readonly ClientRowEraser[];
  /** A client's files, removed after the rows are committed. */
  fileErasers: readonly ClientFileEraser[];
}

export interface PurgeRequest {
  clientId: string;
  reason: PurgeReason;
  note: string;
  /** The client's full name typed by the admin. */
  confirmation: string;
}

export interface PurgeResult {
  purged: true;
  clientId: string;
  purgedAt: string;
  rowsRemoved: number;
  filesErased: boolean;
}

/** Names compared as typed: case, accents as composed, and spacing do not matter. */
function sameName(typed: string, name: string): boolean {
  const fold = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return fold(typed) === fold(name) && fold(name).length > 0;
}

/**
 * How long records are kept, which clients are past it, and the purge that removes a client for
 * good (at the end of retention, or on an erasure request where the law allows it).
 */
export class RetentionService {
  private readonly settingsStore: RetentionSettingsStore;

  constructor(private readonly options: RetentionServiceOptions) {
    this.settingsStore = new RetentionSettingsStore(options.db, options.audit);
  }

  settings(): RetentionSettingsView {
    return this.settingsStore.get();
  }

  updateSettings(by: string, next: RetentionSettings): RetentionSettingsView {
    return this.settingsStore.update(by, next);
  }

  today(): string {
    return localDay(this.options.clock.now());
  }

  /** Clients past retention today. Names only (no health data); the look is audited. */
  clientsPastRetention(by: string): RetentionReportRow[] {
    const due = clientsPastRetention(this.options.db, this.settings(), this.today());
    this.options.audit.append({ staffId: by, action: 'retention.report', entity: 'retention', detail: `due=${due.length}` });
    return due;
  }

  /**
   * Purges one client: checks the typed name and, for the end of retention, that it has ended;
   * removes every row in one transaction with a tombstone and an audit row; then the files.
   * A file that cannot be removed (an unplugged drive) is recorded; the rows are gone either way.
   */
  async purgeClient(by: string, request: PurgeRequest): Promise<PurgeResult> {
    const { db, audit, clock } = this.options;
    const [facts] = retentionOfClients(db, this.settings(), request.clientId);
    if (!facts) throw new StoreError('NOT_FOUND', 'That client record does not exist.');
    if (!sameName(request.confirmation, facts.name)) {
      throw new StoreError('NEEDS_CONFIRMATION', 'Type the client’s full name exactly as shown to confirm the purge.');
    }
    if (request.reason === 'retention-period-ended' && facts.keepUntil > this.today()) {
      throw new StoreError('CONFLICT', `This client’s records must be kept until ${facts.keepUntil}. Purge them before then only on an erasure request the law allows.`);
    }
    const purgedAt = clock.now().toISOString();
    const rowsRemoved = purgeClientRows(db, audit, this.options.rowErasers, { by, clientId: request.clientId, reason: request.reason, note: request.note, at: purgedAt });
    checkpointQuietly(db);
    let filesErased = true;
    for (const erase of this.options.fileErasers) {
      try {
        await erase(request.clientId);
      } catch {
        filesErased = false;
      }
    }
    if (!filesErased) audit.append({ staffId: by, action: 'client.purge-files', entity: 'client', entityId: request.clientId, detail: 'result=failed' });
    return { purged: true, clientId: request.clientId, purgedAt, rowsRemoved, filesErased };
  }

  tombstone(clientId: string): { clientId: string; purgedAt: string; purgedBy: string; reason: string; note: string } | null {
    const row = this.options.db.prepare('SELECT client_id, purged_at, purged_by, reason, note FROM client_tombstone WHERE client_id = ?').get(clientId) as
      { client_id: string; purged_at: string; purged_by: string; reason: string; note: string } | undefined;
    return row ? { clientId: row.client_id, purgedAt: row.purged_at, purgedBy: row.purged_by, reason: row.reason, note: row.note } : null;
  }
}

/** Moves the purge out of the write-ahead log into the database file, where secure_delete zeroed the old rows. */
function checkpointQuietly(db: SqliteDatabase): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // A checkpoint that cannot run now runs at the next one; the rows are already gone.
  }
}
