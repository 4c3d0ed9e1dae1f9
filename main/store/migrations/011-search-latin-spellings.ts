import { reindexAllClients } from '../../clients/client-search-index';
import type { Migration } from './migration';

/**
 * The search index holds the Latin spellings of names written in another script ("ivanova" for
 * Иванова, "sapfo" for Ψάπφω), as front desks type what they hear. Every client's entry is
 * rebuilt from the client table.
 */
export const searchLatinSpellings: Migration = {
  version: 11,
  name: 'search index: Latin spellings of Cyrillic and Greek names',
  run: (db) => reindexAllClients(db),
};
