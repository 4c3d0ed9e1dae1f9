import { reindexAllClients } from '../../clients/client-search-index';
import type { Migration } from './migration';

/**
 * The search index stops holding the words of e-mail domains ("example", "com"), which made a
 * one-letter search match most clients; it holds the address whole instead. Every client's
 * entry is rebuilt from the client table.
 */
export const searchEmailWords: Migration = {
  version: 6,
  name: 'search index: e-mail addresses as a whole word, not their domains',
  run: (db) => reindexAllClients(db),
};
