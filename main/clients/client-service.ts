import { randomUUID } from 'node:crypto';
import { ClientInput, clientInputOf, type Client, type ClientFields, type ClientSummary } from '../../shared/clients/client';
import { clientContactFields, type ClientContactField } from '../../shared/contract/client-channels';
import { foldForSearch, phoneDigits } from '../../shared/clients/client-search-fields';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import { assertDateOfBirthConfirmed } from './date-of-birth-confirmation';
import { summaryColumns, toClient, toParams, toSummary, type ClientRow } from './client-rows';
import { ClientSearchIndex, clientMatch } from './client-search-index';

export interface ClientPage {
  total: number;
  clients: ClientSummary[];
}

/** Contact fields to change; a field left out (or undefined) keeps its stored value. */
export type ClientContactChange = Partial<Pick<ClientFields, ClientContactField>>;
const contactFieldSet: ReadonlySet<string> = new Set(clientContactFields);

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
/** Up to this many matches a search sorts them; above, it walks the alphabetical index (see pageQuery). */
const sortAtMost = 8000;

export class ClientService {
  private readonly search: ClientSearchIndex;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {
    this.search = new ClientSearchIndex(db);
  }

  create(by: string, input: ClientInput, options: { allowDuplicate?: boolean; dateOfBirthConfirmed?: boolean } = {}): Client {
    const fields = ClientInput.parse(input);
    assertDateOfBirthConfirmed(fields.dateOfBirth, null, options.dateOfBirthConfirmed ?? false, this.clock.now());
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
  update(by: string, id: string, input: ClientInput, options: { dateOfBirthConfirmed?: boolean } = {}): Client {
    const before = this.get(id);
    const fields = ClientInput.parse(input);
    assertDateOfBirthConfirmed(fields.dateOfBirth, before.dateOfBirth, options.dateOfBirthConfirmed ?? false, this.clock.now());
    const changed = changedFields(before, fields);
    this.db.transaction(() => {
      this.db.prepare(updateSql).run({ ...toParams(fields), id, sort_key: clientSortKey(fields), now: this.now() });
      this.search.put(this.rowidOf(id), fields, clientSortKey(fields), before.archived);
      this.audit.append({ staffId: by, action: 'client.update', entity: 'client', entityId: id, detail: changed.join(',') });
    })();
    return this.get(id);
  }

  /**
   * Changes only the contact details given, leaving every other field (the clinical ones above
   * all) as stored: the front desk's edit cannot wipe what it never saw. Audited like update.
   */
  updateContact(by: string, id: string, patch: ClientContactChange, options: { dateOfBirthConfirmed?: boolean } = {}): Client {
    const before = this.get(id);
    const sent = Object.fromEntries(Object.entries(patch).filter(([key, value]) => value !== undefined && contactFieldSet.has(key)));
    return this.update(by, id, { ...clientInputOf(before), ...sent }, options);
  }

  setArchived(by: string, id: string, archived: boolean): Client {
    const client = this.get(id);
    this.db.transaction(() => {
      this.db.prepare('UPDATE client SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, this.now(), id);
      this.search.put(this.rowidOf(id), client, clientSortKey(client), archived);
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
    const includeArchived = page.includeArchived ?? false;
    const match = clientMatch(text, includeArchived);
    if (!match) {
      const archived = includeArchived ? '' : 'AND c.archived = 0';
      const total = (this.db.prepare(`SELECT count(*) AS n FROM client c WHERE 1 ${archived}`).get() as { n: number }).n;
      const rows = this.db.prepare(`SELECT ${summaryColumns} FROM client c WHERE 1 ${archived} ORDER BY c.archived, c.sort_key, c.rowid LIMIT ? OFFSET ?`).all(page.limit, page.offset) as ClientRow[];
      return { total, clients: rows.map(toSummary) };
    }
    // The index counts its matches without reading a row per match (archived ones are excluded
    // inside the query), so the total costs the same for "s" as for "smith".
    const total = (this.db.prepare('SELECT count(*) AS n FROM client_search WHERE client_search MATCH ?').get(match) as { n: number }).n;
    if (total <= page.offset) return { total, clients: [] };
    const rowids = this.db.prepare(this.pageQuery(total, page)).all(match, page.limit, page.offset) as { r: number }[];
    // Only the page shown is read from the (wide) client table.
    const byRowid = this.db.prepare(`SELECT ${summaryColumns} FROM client c WHERE c.rowid = ?`);
    return { total, clients: rowids.map(({ r }) => toSummary(byRowid.get(r) as ClientRow)) };
  }

  /**
   * Two ways to the page of matches in alphabetical order, chosen by how many there are. Few
   * (a surname typed out, or a few thousand for two letters): look each match up in client_order
   * and sort them, about a microsecond a match. Very many (one letter): walk client_order in
   * order and stop at the end of the page. The walk cannot be priced by the share of matches:
   * name prefixes cluster in the alphabet ("wil" matches sit under W, so the walk passes most of
   * the clinic before its first match); measured on 100,000 clients the sort wins up to about
   * 8,000 matches and the walk above. When most of the clinic matches, the walk is short at any
   * size (every other entry it passes is a match). Both break ties of name by rowid (the index's own last
   * column), so pages never repeat or skip a namesake.
   */
  private pageQuery(matches: number, page: { offset: number; limit: number; includeArchived?: boolean }): string {
    const span = (this.db.prepare('SELECT max(client_rowid) AS n FROM client_order').get() as { n: number | null }).n ?? 0;
    if (matches > Math.min(sortAtMost, span / 2)) {
      const archived = page.includeArchived ? '' : 'k.archived = 0 AND';
      return `SELECT k.client_rowid AS r FROM client_order k INDEXED BY client_order_by_key
              WHERE ${archived} k.client_rowid IN (SELECT rowid FROM client_search WHERE client_search MATCH ?)
              ORDER BY k.archived, k.sort_key, k.client_rowid LIMIT ? OFFSET ?`;
    }
    return `SELECT k.client_rowid AS r FROM client_search f JOIN client_order k ON k.client_rowid = f.rowid
            WHERE client_search MATCH ? ORDER BY k.archived, k.sort_key, k.client_rowid LIMIT ? OFFSET ?`;
  }

  /**
   * Clients opened most recently by anyone, newest first. The database keeps each client's newest
   * open (or creation or change) as its audit row is appended, so this walks that small index
   * from the newest end and stops at `limit`, however long the trail has grown.
   */
  recent(limit: number): ClientSummary[] {
    const rows = this.db
      .prepare(
        `SELECT ${summaryColumns} FROM recent_client r INDEXED BY recent_client_by_seq JOIN client c ON c.id = r.client_id
         WHERE c.archived = 0 ORDER BY r.last_seq DESC LIMIT ?`,
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
      add(this.db.prepare(`SELECT ${summaryColumns} FROM client c WHERE c.sort_key = ? AND c.date_of_birth = ?`).all(clientSortKey(fields), fields.dateOfBirth) as ClientRow[], 'name-and-birth');
    }
    const digits = phoneDigits(fields.phone);
    if (digits.length >= 6) {
      // The index finds candidates by digits; the exact comparison is done here.
      const candidates = this.db
        .prepare(`SELECT ${summaryColumns} FROM client c WHERE c.rowid IN (SELECT rowid FROM client_search WHERE client_search MATCH ?)`)
        .all(`contact : "${digits}"`) as ClientRow[];
      add(
        candidates.filter((row) => phoneDigits(row.phone) === digits),
        'phone',
      );
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
  return (Object.keys(after) as (keyof ClientFields)[]).filter((key) => JSON.stringify(before[key as keyof Client]) !== JSON.stringify(after[key]));
}
