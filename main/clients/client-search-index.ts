import { foldForSearch, phoneDigits } from '../../shared/clients/client-search-fields';
import type { ClientFields } from '../../shared/clients/client';
import type { SqliteDatabase } from '../store/open-database';

/** Keeps the FTS5 index in step with the client table (same transaction as the write). */
export class ClientSearchIndex {
  constructor(private readonly db: SqliteDatabase) {}

  put(rowid: number | bigint, fields: ClientFields, sortKey: string, archived: boolean): void {
    this.db.prepare('DELETE FROM client_search WHERE rowid = ?').run(rowid);
    this.db
      .prepare('INSERT INTO client_search (rowid, names, contact, birth) VALUES (?, ?, ?, ?)')
      .run(rowid, ...searchColumns(fields));
    this.db
      .prepare('INSERT INTO client_order (client_rowid, sort_key, archived) VALUES (?, ?, ?) ON CONFLICT (client_rowid) DO UPDATE SET sort_key = excluded.sort_key, archived = excluded.archived')
      .run(rowid, sortKey, archived ? 1 : 0);
  }

  setArchived(rowid: number | bigint, archived: boolean): void {
    this.db.prepare('UPDATE client_order SET archived = ? WHERE client_rowid = ?').run(archived ? 1 : 0, rowid);
  }
}

export function searchColumns(fields: Pick<ClientFields, 'firstName' | 'lastName' | 'preferredName' | 'phone' | 'email' | 'dateOfBirth'>): [string, string, string] {
  const names = foldForSearch([fields.firstName, fields.lastName, fields.preferredName].join(' '));
  const contact = foldForSearch([fields.email, fields.phone, phoneDigits(fields.phone)].join(' '));
  const birth = birthTokens(fields.dateOfBirth);
  return [names, contact, birth];
}

/** A date of birth as people type it: 1990-05-17, 17/05/1990, 05/17/1990, 17051990. */
function birthTokens(dateOfBirth: string | null): string {
  if (!dateOfBirth) return '';
  const [y, m, d] = dateOfBirth.split('-');
  return `${y} ${m} ${d} ${d}${m}${y} ${m}${d}${y} ${y}${m}${d}`;
}
