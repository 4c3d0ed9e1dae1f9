import { z } from 'zod';
import { guessMapping, ImportField, type ColumnMapping } from '../../shared/import/import-fields';
import type { SqliteDatabase } from '../store/open-database';

/** Saved mappings by name: each names a column's field by its header, so it fits the next file from the same system. */
const SavedMappings = z.record(z.string(), z.record(z.string(), ImportField));
type SavedMappings = z.infer<typeof SavedMappings>;

const key = 'import-mappings';

/** The column mappings an admin saved for the systems the clinic imports from, kept in the store's settings. */
export class ImportMappings {
  constructor(private readonly db: SqliteDatabase) {}

  names(): string[] {
    return Object.keys(this.all()).sort((a, b) => a.localeCompare(b));
  }

  /** The saved mapping laid over these headers; a header it does not name keeps its guess. */
  apply(name: string, headers: readonly string[]): ColumnMapping | null {
    const saved = this.all()[name];
    if (!saved) return null;
    const guess = guessMapping(headers);
    return headers.map((header, index) => saved[header] ?? guess[index]!);
  }

  save(name: string, headers: readonly string[], mapping: ColumnMapping): void {
    const all = this.all();
    all[name] = Object.fromEntries(headers.map((header, index) => [header, mapping[index] ?? 'ignore']));
    this.db.prepare(`INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, JSON.stringify(all));
  }

  private all(): SavedMappings {
    const row = this.db.prepare(`SELECT value FROM setting WHERE key = ?`).get(key) as { value: string } | undefined;
    const parsed = row ? SavedMappings.safeParse(JSON.parse(row.value)) : null;
    return parsed?.success ? parsed.data : {};
  }
}
