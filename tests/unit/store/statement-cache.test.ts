import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { generateDataKey } from '../../../main/crypto/key-slots';
import { openDatabase, type SqliteDatabase } from '../../../main/store/open-database';
import { keepCompiledStatements } from '../../../main/store/statement-cache';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let db: SqliteDatabase;
beforeEach(() => {
  folder = tempFolder();
  db = openDatabase(join(folder.path, 'skinledger.db'), generateDataKey(), { create: true });
  db.exec(`CREATE TABLE client (id TEXT PRIMARY KEY, name TEXT NOT NULL) STRICT`);
  const insert = db.prepare('INSERT INTO client (id, name) VALUES (?, ?)');
  for (const [id, name] of [
    ['c1', 'Amara Okafor'],
    ['c2', 'Zoë Nguyễn'],
    ['c3', 'Siobhán Kelly'],
  ])
    insert.run(id, name);
});
afterEach(() => {
  db.close();
  folder.remove();
});

describe('kept statements', () => {
  it('hand back the statement compiled before for the same SQL', () => {
    const first = db.prepare('SELECT name FROM client WHERE id = ?');
    expect(db.prepare('SELECT name FROM client WHERE id = ?')).toBe(first);
    expect(db.prepare('SELECT id FROM client WHERE id = ?')).not.toBe(first);
  });

  it('answer with the plain row shape even after a caller switched the statement to pluck or raw', () => {
    const sql = 'SELECT id, name FROM client WHERE id = ?';
    expect(db.prepare(sql).pluck().get('c2')).toBe('c2');
    expect(db.prepare(sql).get('c2')).toEqual({ id: 'c2', name: 'Zoë Nguyễn' });
    expect(db.prepare(sql).raw().get('c3')).toEqual(['c3', 'Siobhán Kelly']);
    expect(db.prepare(sql).get('c3')).toEqual({ id: 'c3', name: 'Siobhán Kelly' });
  });

  it('give a fresh statement while the kept one is still being iterated, so a nested read of the same SQL works', () => {
    const sql = 'SELECT id FROM client ORDER BY id';
    const pairs: string[] = [];
    for (const outer of db.prepare(sql).iterate() as IterableIterator<{ id: string }>) {
      const inner = (db.prepare(sql).all() as { id: string }[]).map((row) => row.id);
      pairs.push(`${outer.id}:${inner.length}`);
    }
    expect(pairs).toEqual(['c1:3', 'c2:3', 'c3:3']);
  });

  it('see rows written after the statement was first compiled, and columns added by a later migration', () => {
    const sql = 'SELECT * FROM client WHERE id = ?';
    expect(db.prepare(sql).get('c4')).toBeUndefined();
    db.prepare('INSERT INTO client (id, name) VALUES (?, ?)').run('c4', 'Priya Shah');
    expect(db.prepare(sql).get('c4')).toEqual({ id: 'c4', name: 'Priya Shah' });
    db.exec(`ALTER TABLE client ADD COLUMN phone TEXT NOT NULL DEFAULT ''`);
    expect(db.prepare(sql).get('c4')).toEqual({ id: 'c4', name: 'Priya Shah', phone: '' });
  });

  it('keep at most the capacity, dropping the statement used longest ago', () => {
    const small = new Database(':memory:');
    try {
      keepCompiledStatements(small, 2);
      const a = small.prepare('SELECT 1');
      const b = small.prepare('SELECT 2');
      expect(small.prepare('SELECT 1')).toBe(a); // now b is the oldest
      small.prepare('SELECT 3');
      expect(small.prepare('SELECT 1')).toBe(a);
      expect(small.prepare('SELECT 2')).not.toBe(b);
    } finally {
      small.close();
    }
  });

  it('still refuse SQL that does not compile, and keep nothing for it', () => {
    expect(() => db.prepare('SELECT FROM nowhere')).toThrow();
    expect(() => db.prepare('SELECT FROM nowhere')).toThrow();
  });
});
