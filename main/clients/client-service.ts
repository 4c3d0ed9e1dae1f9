import { randomUUID } from 'node:crypto';
import { ClientInput, type Client, type ClientFields, type ClientSummary } from '../../shared/clients/client';
import { foldForSearch, ftsPrefixQuery, phoneDigits } from '../../shared/clients/client-search-fields';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import { summaryColumns, toClient, toParams, toSummary, type ClientRow } from './client-rows';
import { ClientSearchIndex } from './client-search-index';

export interface ClientPage {
  total: number;
  clients: ClientSummary[];
}

export interface PossibleDuplicate {
  client: ClientSummary;
  reason: 'name-and-birth' | 'phone' | 'email';
}

const insertSql = `
  INSERT INTO client (id, first_name, last_name, preferred_name, date_of_birth, pronouns, sex, phone, email, address,
    emergency_contact, gp, referral_source, fitzpatrick, concerns, marketing_consent, notes, archived, sort_key, created_at, updated_at)
  VALUES (@id, @first_name, @last_name, @preferred_name, @date_of_birth, @pronouns, @sex, @phone, @email, @address,
    @emergency_contact, @gp, @referral_source, @fitzpatrick, @concerns, @marketing_consent, @notes, 0, @sort_key, @now, @now)`;

const updateSql = `
  UPDATE client SET first_name = @first_name, last_name = @last_name, preferred_name = @preferred_name,
    date_of_birth = @date_of_birth, pronouns = @pronouns, sex = @sex, phone = @phone, email = @email, address = @address,
    emergency_contact = @emergency_contact, gp = @gp, referral_source = @referral_source, fitzpatrick = @fitzpatrick,
    concerns = @concerns, marketing_consent = @marketing_consent, notes = @notes, sort_key = @sort_key, updated_at = @now
  WHERE id = @id`;

/** Alphabetical by last then first name, folded as search folds them. */
export function clientSortKey(fields: Pick<ClientFields, 'lastName' | 'firstName'>): string {
  return `${foldForSearch(fields.lastName)}\u0001${foldForSearch(fields.firstName)}`;
}

/**
 * Client records: create, change, archive (never delete from the app), find. Opening a record
 * is a read of health-adjacent data and is written to the audit trail.
 */
export class ClientService {
  private readonly search: ClientSearchIndex;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {
    this.search = new ClientSearchIndex(db);
  }

  create(by: string, input: ClientInput, options: { allowDuplicate?: boolean } = {}): Client {
    const fields = ClientInput.parse(input);
    if (!options.allowDuplicate) {
      const duplicates = this.possibleDuplicates(fields, null);
      if (duplicates.length > 0) {
        throw new StoreError('POSSIBLE_DUPLICATE', 'A client with the same name and date of birth, phone or email is already recorded. Check the list before adding another.');
      }
    }
    const id = randomUUID();
    this.db.transaction(() => {
      const info = this.db.prepare(insertSql).run({ ...toParams(fields), id, sort_key: clientSortKey(fields), now: this.now() });
      this.search.put(info.lastInsertRowid, fields, clientSortKey(fields), false);
      this.audit.append({ staffId: by, action: 'client.create', entity: 'client', entityId: id });
    })();
    return this.get(id);
  }

  /** Saves changed details. `by` is audited with the names of the fields that changed (never their values). */
  update(by: string, id: string, input: ClientInput): Client {
    const before = this.get(id);
    const fields = ClientInput.parse(input);
    const changed = changedFields(before, fields);
    this.db.transaction(() => {
      this.db.prepare(updateSql).run({ ...toParams(fields), id, sort_key: clientSortKey(fields), now: this.now() });
      this.search.put(this.rowidOf(id), fields, clientSortKey(fields), before.archived);
      this.audit.append({ staffId: by, action: 'client.update', entity: 'client', entityId: id, detail: changed.join(',') });
    })();
    return this.get(id);
  }

  setArchived(by: string, id: string, archived: boolean): Client {
    this.get(id);
    this.db.transaction(() => {
      this.db.prepare('UPDATE client SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, this.now(), id);
      this.search.setArchived(this.rowidOf(id), archived);
      this.audit.append({ staffId: by, action: archived ? 'client.archive' : 'client.unarchive', entity: 'client', entityId: id });
    })();
    return this.get(id);
  }

  /** A read without an audit row: for services that already audit the larger action. */
  get(id: string): Client {
    const row = this.db.prepare('SELECT * FROM client WHERE id = ?').get(id) as ClientRow | undefined;
    if (!row) throw new StoreError('NOT_FOUND', 'That client record does not exist.');
    return toClient(row);
  }

  /** Opening a client's record: audited. */
  open(by: string, id: string): Client {
    const client = this.get(id);
    this.audit.append({ staffId: by, action: 'client.view', entity: 'client', entityId: id });
    return client;
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM client WHERE id = ?').get(id) !== undefined;
  }

  /** Type-ahead search and the paged list in one: no text lists everyone, alphabetically. */
  find(text: string, page: { offset: number; limit: number; includeArchived?: boolean }): ClientPage {
    const archived = page.includeArchived ? '' : 'AND c.archived = 0';
    const query = ftsPrefixQuery(text);
    if (!query) {
      const total = (this.db.prepare(`SELECT count(*) AS n FROM client c WHERE 1 ${archived}`).get() as { n: number }).n;
      const rows = this.db
        .prepare(`SELECT ${summaryColumns} FROM client c WHERE 1 ${archived} ORDER BY c.archived, c.sort_key LIMIT ? OFFSET ?`)
        .all(page.limit, page.offset) as ClientRow[];
      return { total, clients: rows.map(toSummary) };
    }
    // Matches come from the FTS index, their order from the narrow client_order table; only
    // the page shown is read from the (wide) client table.
    const archivedFilter = page.includeArchived ? '' : 'AND k.archived = 0';
    // One pass over the matches gives both the page and the total (a window count).
    const ordered = this.db
      .prepare(
        `SELECT k.client_rowid AS r, count(*) OVER () AS total FROM client_search f JOIN client_order k ON k.client_rowid = f.rowid
         WHERE client_search MATCH ? ${archivedFilter} ORDER BY k.archived, k.sort_key LIMIT ? OFFSET ?`,
      )
      .all(query, page.limit, page.offset) as { r: number; total: number }[];
    const total =
      ordered[0]?.total ??
      (page.offset === 0
        ? 0
        : (this.db.prepare(`SELECT count(*) AS n FROM client_search f JOIN client_order k ON k.client_rowid = f.rowid WHERE client_search MATCH ? ${archivedFilter}`).get(query) as { n: number }).n);
    const rowids = ordered;
    const byRowid = this.db.prepare(`SELECT ${summaryColumns} FROM client c WHERE c.rowid = ?`);
    const rows = rowids.map(({ r }) => byRowid.get(r) as ClientRow);
    return { total, clients: rows.map(toSummary) };
  }

  /** Clients opened most recently by anyone, newest first (from the audit trail). */
  recent(limit: number): ClientSummary[] {
    const rows = this.db
      .prepare(
        `SELECT ${summaryColumns} FROM (
           SELECT entity_id, max(seq) AS last_seq FROM audit_event
           WHERE entity = 'client' AND action IN ('client.view', 'client.create', 'client.update')
           GROUP BY entity_id ORDER BY last_seq DESC LIMIT ?
         ) r JOIN client c ON c.id = r.entity_id WHERE c.archived = 0 ORDER BY r.last_seq DESC`,
      )
      .all(limit) as ClientRow[];
    return rows.map(toSummary);
  }

  possibleDuplicates(fields: Pick<ClientFields, 'firstName' | 'lastName' | 'dateOfBirth' | 'phone' | 'email'>, exceptId: string | null): PossibleDuplicate[] {
    const found = new Map<string, PossibleDuplicate>();
    const add = (rows: ClientRow[], reason: PossibleDuplicate['reason']) => {
      for (const row of rows) if (row.id !== exceptId && !found.has(row.id)) found.set(row.id, { client: toSummary(row), reason });
    };
    if (fields.dateOfBirth) {
      add(
        this.db
          .prepare(`SELECT ${summaryColumns} FROM client c WHERE c.sort_key = ? AND c.date_of_birth = ?`)
          .all(clientSortKey(fields), fields.dateOfBirth) as ClientRow[],
        'name-and-birth',
      );
    }
    const digits = phoneDigits(fields.phone);
    if (digits.length >= 6) {
      // The index finds candidates by digits; the exact comparison is done here.
      const candidates = this.db
        .prepare(`SELECT ${summaryColumns} FROM client c WHERE c.rowid IN (SELECT rowid FROM client_search WHERE client_search MATCH ?)`)
        .all(`contact : "${digits}"`) as ClientRow[];
      add(candidates.filter((row) => phoneDigits(row.phone) === digits), 'phone');
    }
    if (fields.email) {
      add(this.db.prepare(`SELECT ${summaryColumns} FROM client c WHERE lower(c.email) = lower(?) AND c.email <> ''`).all(fields.email) as ClientRow[], 'email');
    }
    return [...found.values()].slice(0, 10);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM client').get() as { n: number }).n;
  }

  private rowidOf(id: string): number | bigint {
    return (this.db.prepare('SELECT rowid FROM client WHERE id = ?').get(id) as { rowid: number }).rowid;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function changedFields(before: Client, after: ClientFields): string[] {
  return (Object.keys(after) as (keyof ClientFields)[]).filter(
    (key) => JSON.stringify(before[key as keyof Client]) !== JSON.stringify(after[key]),
  );
}
