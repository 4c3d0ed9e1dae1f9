import type { NoteSnippet } from '../../shared/clinical/note-snippets';
import type { AuditLog } from '../audit/audit-log';
import type { SqliteDatabase } from '../store/open-database';

/**
 * The clinic's note shortcuts (".ee" → "Even erythema reached…"). Clinic wording, not client
 * data: kept in the store so every desk and every backup has the same list.
 */
export class NoteSnippetService {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: AuditLog,
  ) {}

  list(): NoteSnippet[] {
    return this.db.prepare('SELECT code, text FROM note_snippet ORDER BY code').all() as NoteSnippet[];
  }

  /** Replaces the whole list in one step, so a half-saved list is never seen by another desk. */
  replace(by: string, snippets: readonly NoteSnippet[]): NoteSnippet[] {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM note_snippet').run();
      const insert = this.db.prepare('INSERT INTO note_snippet (code, text) VALUES (?, ?)');
      for (const snippet of snippets) insert.run(snippet.code, snippet.text);
      this.audit.append({ staffId: by, action: 'settings.note-snippets', entity: 'settings', entityId: 'note-snippets', detail: `count=${snippets.length}` });
    })();
    return this.list();
  }
}
