import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoClinic } from '../../../main/demo/demo-seeder';
import { searchColumns } from '../../../main/clients/client-search-index';
import { foldForSearch, searchTokens } from '../../../shared/clients/client-search-fields';
import { searchEmailWords } from '../../../main/store/migrations/006-search-email-words';
import { searchLatinSpellings } from '../../../main/store/migrations/011-search-latin-spellings';
import { createTestStore } from '../../support/store';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let store: Awaited<ReturnType<typeof createTestStore>>;
beforeEach(async () => {
  folder = tempFolder();
  store = await createTestStore(folder.path);
});
afterEach(() => {
  store.services.close();
  folder.remove();
});

interface StoredClient {
  rowid: number;
  id: string;
  first_name: string;
  last_name: string;
  preferred_name: string;
  phone: string;
  email: string;
  date_of_birth: string | null;
  archived: number;
  sort_key: string;
}

/**
 * What search must find, worked out from the client table alone (not from the index): every
 * typed word prefixes a word of the names, contact details or birth date; alphabetical, archived
 * last, namesakes in the order they were added.
 */
function expected(text: string, includeArchived: boolean): string[] {
  const typed = searchTokens(text);
  const rows = store.services.db.prepare('SELECT rowid, * FROM client').all() as StoredClient[];
  return rows
    .filter((row) => includeArchived || row.archived === 0)
    .filter((row) => {
      const columns = searchColumns(
        { firstName: row.first_name, lastName: row.last_name, preferredName: row.preferred_name, phone: row.phone, email: row.email, dateOfBirth: row.date_of_birth },
        false,
      );
      const words = columns.join(' ').match(/[\p{L}\p{N}]+/gu) ?? [];
      return typed.every((t) => words.some((w) => w.startsWith(t)));
    })
    .sort((a, b) => a.archived - b.archived || (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : a.rowid - b.rowid))
    .map((row) => row.id);
}

function expectSameAsTable(queries: string[]): void {
  for (const text of queries) {
    for (const includeArchived of [false, true]) {
      const want = expected(text, includeArchived);
      for (const offset of [0, 50, 300]) {
        const page = store.services.clients.find(text, { offset, limit: 50, includeArchived });
        expect({ text, includeArchived, offset, total: page.total, ids: page.clients.map((c) => c.id) }).toEqual({
          text,
          includeArchived,
          offset,
          total: want.length,
          ids: want.slice(offset, offset + 50),
        });
      }
    }
  }
}

// "0" matches most of the demo clinic (every phone starts 07700), so these cover both the walk
// along the alphabetical order and the sort of a few matches. "example" and "com" are e-mail
// domain words, which are not indexed; a whole address typed is.
const queries = ['c', 'e', '0', 's', 'ma', 'ng', 'zoe', 'kie', '19', 'client1', 'z n', 'quenby zoe', 'sorensenx', 'xq', 'example', 'com', 'client12@example.com'];

describe('the client search index', () => {
  it('finds exactly what the client table says, on every page, for clients the demo seeder wrote', async () => {
    await seedDemoClinic(store.services, store.admin.id, { clients: 700, seed: 11, batchSize: 200, sessionsPerClient: 0 });
    expectSameAsTable(queries);
  });

  it('stays in step when clients are created, renamed, archived and brought back', async () => {
    await seedDemoClinic(store.services, store.admin.id, { clients: 400, seed: 4, batchSize: 200, sessionsPerClient: 0 });
    const clients = store.services.clients;
    const by = store.admin.id;
    const zoe = clients.create(by, { firstName: 'Zoë', lastName: 'Qüenby', dateOfBirth: '1990-05-17', phone: '07700 900123', email: 'zoe@example.com' });
    const soren = clients.create(by, { firstName: 'Søren', lastName: 'Kierkegaard' });
    expect(clients.find('zoe quen', { offset: 0, limit: 50 }).clients.map((c) => c.id)).toEqual([zoe.id]);

    clients.update(by, soren.id, { firstName: 'Søren', lastName: 'Sørensenx', email: 'soren@example.com' });
    expect(clients.find('kie', { offset: 0, limit: 50 }).total).toBe(expected('kie', false).length);
    expect(clients.find('sorensenx', { offset: 0, limit: 50 }).clients.map((c) => c.id)).toEqual([soren.id]);

    const someone = clients.find('c', { offset: 10, limit: 1 }).clients[0]!;
    clients.setArchived(by, zoe.id, true);
    clients.setArchived(by, someone.id, true);
    expect(clients.find('quenby', { offset: 0, limit: 50 }).clients).toEqual([]);
    expect(clients.find('quenby', { offset: 0, limit: 50, includeArchived: true }).clients.map((c) => c.id)).toEqual([zoe.id]);
    expectSameAsTable(queries);

    clients.setArchived(by, zoe.id, false);
    expect(clients.find('quenby', { offset: 0, limit: 50 }).clients.map((c) => c.id)).toEqual([zoe.id]);
    expectSameAsTable(queries);
  });

  it('a letter finds names, not e-mail domains; a whole address finds its client; an index from before is rebuilt that way', () => {
    const clients = store.services.clients;
    const by = store.admin.id;
    const ada = clients.create(by, { firstName: 'Ada', lastName: 'Byron', email: 'countess.lovelace@gmail.com' });
    const grace = clients.create(by, { firstName: 'Grace', lastName: 'Hopper', email: '' });
    const ids = (text: string) => clients.find(text, { offset: 0, limit: 50 }).clients.map((c) => c.id);
    expect(ids('g')).toEqual([grace.id]);
    expect(ids('gmail')).toEqual([]);
    expect(ids('countess')).toEqual([ada.id]);
    expect(ids('lovelace')).toEqual([ada.id]);
    expect(ids('countess.lovelace@gmail.com')).toEqual([ada.id]);
    expect(ids('Countess.Lovelace@Gmail')).toEqual([ada.id]);

    // A store indexed the old way (the domain's words in it) is reindexed by the migration.
    const db = store.services.db;
    const rowid = (db.prepare('SELECT rowid AS r FROM client WHERE id = ?').get(ada.id) as { r: number }).r;
    db.prepare('DELETE FROM client_search WHERE rowid = ?').run(rowid);
    db.prepare("INSERT INTO client_search (rowid, names, contact, birth, state) VALUES (?, 'ada byron', 'countess lovelace gmail com', '', '')").run(rowid);
    expect(ids('g')).toEqual([ada.id, grace.id]);
    searchEmailWords.run!(db);
    expect(ids('g')).toEqual([grace.id]);
    expect(ids('countess.lovelace@gmail.com')).toEqual([ada.id]);
  });

  it('finds Cyrillic and Greek names by their Latin spelling; an index from before is rebuilt that way', () => {
    const clients = store.services.clients;
    const by = store.admin.id;
    const ivanova = clients.create(by, { firstName: 'Ольга', lastName: 'Иванова' });
    const sappho = clients.create(by, { firstName: 'Ψάπφω', lastName: 'Λεσβία' });
    const smith = clients.create(by, { firstName: 'Anna', lastName: 'Smith' });
    const ids = (text: string) => clients.find(text, { offset: 0, limit: 50 }).clients.map((c) => c.id);
    expect(ids('ivanova')).toEqual([ivanova.id]);
    expect(ids('Olga Ivan')).toEqual([ivanova.id]);
    expect(ids('Иванова')).toEqual([ivanova.id]);
    expect(ids('sapfo')).toEqual([sappho.id]);
    expect(ids('psapfo')).toEqual([sappho.id]);
    expect(ids('smith')).toEqual([smith.id]);

    // A Latin name's index entry holds its own words only; another script's, its spellings too.
    const fields = { preferredName: '', phone: '', email: '', dateOfBirth: null };
    expect(
      searchColumns({ ...fields, firstName: 'Anna', lastName: 'Smith' }, false)[0]
        .split(/\s+/)
        .filter(Boolean),
    ).toEqual(['anna', 'smith']);
    expect(
      searchColumns({ ...fields, firstName: 'Ψάπφω', lastName: 'Smith' }, false)[0]
        .split(/\s+/)
        .filter(Boolean),
    ).toEqual(['ψαπφω', 'smith', 'psapfo', 'sapfo']);

    const db = store.services.db;
    const rowid = (id: string) => (db.prepare('SELECT rowid AS r FROM client WHERE id = ?').get(id) as { r: number }).r;

    // A store indexed before (names in their own script only) is reindexed by the migration.
    for (const client of [ivanova, sappho]) {
      const r = rowid(client.id);
      const own = foldForSearch(`${client.firstName} ${client.lastName}`);
      db.prepare('DELETE FROM client_search WHERE rowid = ?').run(r);
      db.prepare("INSERT INTO client_search (rowid, names, contact, birth, state) VALUES (?, ?, '', '', '')").run(r, own);
    }
    expect(ids('ivanova')).toEqual([]);
    expect(ids('sapfo')).toEqual([]);
    searchLatinSpellings.run!(db);
    expect(ids('ivanova')).toEqual([ivanova.id]);
    expect(ids('sapfo')).toEqual([sappho.id]);
  });
});
