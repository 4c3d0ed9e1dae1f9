import type { Database } from 'better-sqlite3-multiple-ciphers';

/** One numbered step of the schema: plain SQL, or code when data must be reshaped. */
export interface Migration {
  version: number;
  name: string;
  sql?: string;
  run?: (db: Database) => void;
}
