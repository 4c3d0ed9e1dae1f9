import { emailSearchWords, foldForSearch, phoneDigits, searchTokens } from '../../shared/clients/client-search-fields';
import type { ClientFields } from '../../shared/clients/client';
import { latinSpellings } from '../../shared/clients/latin-spelling';
import type { SqliteDatabase } from '../store/open-database';

/**
 * What the FTS index holds for one client: folded names (with Latin spellings of names in other
 * scripts), contact details, birth date, state.
 */
export type SearchColumns = [names: string, contact: string, birth: string, state: string];

/** Rebuilds every client's index entry, for a store indexed by an earlier version of searchColumns. */
export function reindexAllClients(db: SqliteDatabase): void {
  db.prepare("INSERT INTO client_search (client_search) VALUES ('delete-all')").run();
  const insert = db.prepare('INSERT INTO client_search (rowid, names, contact, birth, state) VALUES (?, ?, ?, ?, ?)');
  // In batches: a statement cannot write while another is still reading on the same connection.
  const batch = db.prepare(
    'SELECT rowid, first_name AS firstName, last_name AS lastName, preferred_name AS preferredName, phone, email, date_of_birth AS dateOfBirth, archived FROM client WHERE rowid > ? ORDER BY rowid LIMIT 5000',
  );
  let after = 0;
  for (;;) {
    const clients = batch.all(after) as (SearchFields & { rowid: number; archived: number })[];
    if (clients.length === 0) return;
    for (const client of clients) insert.run(client.rowid, ...searchColumns(client, client.archived === 1));
    after = clients[clients.length - 1]!.rowid;
  }
}

/**
 * Keeps the FTS5 index in step with the client table (same transaction as the write). The
 * `state` column marks archived clients, so the index alone answers "how many active clients
 * match" without reading a row per match (a one-letter prefix matches thousands).
 */
export class ClientSearchIndex {
  constructor(private readonly db: SqliteDatabase) {}

  put(rowid: number | bigint, fields: SearchFields, sortKey: string, archived: boolean): void {
    this.db.prepare('DELETE FROM client_search WHERE rowid = ?').run(rowid);
    this.db.prepare('INSERT INTO client_search (rowid, names, contact, birth, state) VALUES (?, ?, ?, ?, ?)').run(rowid, ...searchColumns(fields, archived));
    this.db
      .prepare('INSERT INTO client_order (client_rowid, sort_key, archived) VALUES (?, ?, ?) ON CONFLICT (client_rowid) DO UPDATE SET sort_key = excluded.sort_key, archived = excluded.archived')
      .run(rowid, sortKey, archived ? 1 : 0);
  }
}

type SearchFields = Pick<ClientFields, 'firstName' | 'lastName' | 'preferredName' | 'phone' | 'email' | 'dateOfBirth'>;

export function searchColumns(fields: SearchFields, archived: boolean): SearchColumns {
  const folded = foldForSearch([fields.firstName, fields.lastName, fields.preferredName].join(' '));
  // Names in another script are also found by their Latin spellings ("ivanova" → Иванова).
  const names = [folded, ...latinSpellings(folded)].join(' ');
  const contact = [emailSearchWords(fields.email), foldForSearch(fields.phone), phoneDigits(fields.phone)].join(' ');
  const birth = birthTokens(fields.dateOfBirth);
  return [names, contact, birth, archived ? 'archived' : ''];
}

/**
 * An FTS5 query for what was typed: every word must prefix-match a word of the client's names,
 * contact details or birth date (never the state column); archived clients are left out unless
 * asked for. Null when nothing searchable was typed.
 */
export function clientMatch(typed: string, includeArchived: boolean): string | null {
  const tokens = searchTokens(typed);
  if (tokens.length === 0) return null;
  const words = `{names contact birth} : (${tokens.map((token) => `"${token}"*`).join(' ')})`;
  return includeArchived ? words : `${words} NOT state : archived`;
}

/** A date of birth as people type it: 1990-05-17, 17/05/1990, 05/17/1990, 17051990. */
function birthTokens(dateOfBirth: string | null): string {
  if (!dateOfBirth) return '';
  const [y, m, d] = dateOfBirth.split('-');
  return `${y} ${m} ${d} ${d}${m}${y} ${m}${d}${y} ${y}${m}${d}`;
}
