import { maxNoteSnippets, type NoteSnippet } from '../../../shared/clinical/note-snippets';

/** One row being edited; `key` keeps React's rows steady while codes are retyped. */
export interface SnippetRow {
  key: number;
  code: string;
  text: string;
}

export type SnippetProblem = 'code' | 'duplicate' | 'text' | 'tooLong';

/** What is wrong with each row (by key), checked as the clinic types, before anything is sent. */
export function snippetProblems(rows: readonly SnippetRow[]): Map<number, SnippetProblem> {
  const problems = new Map<number, SnippetProblem>();
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(normalCode(row.code), (counts.get(normalCode(row.code)) ?? 0) + 1);
  for (const row of rows) {
    const code = normalCode(row.code);
    if (!/^[a-z0-9]{1,12}$/.test(code)) problems.set(row.key, 'code');
    else if ((counts.get(code) ?? 0) > 1) problems.set(row.key, 'duplicate');
    else if (!row.text.trim()) problems.set(row.key, 'text');
    else if (row.text.trim().length > 1000) problems.set(row.key, 'tooLong');
  }
  return problems;
}

/** A leading full stop is how the code is typed in notes, so people write it here too. */
export function normalCode(code: string): string {
  return code.trim().replace(/^\./, '').toLowerCase();
}

export function toSnippets(rows: readonly SnippetRow[]): NoteSnippet[] {
  return rows.map((row) => ({ code: normalCode(row.code), text: row.text.trim() }));
}

export function tooMany(rows: readonly SnippetRow[]): boolean {
  return rows.length > maxNoteSnippets;
}
