import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { generateDataKey } from '../../../main/crypto/key-slots';
import { checkMigrationOrder, latestSchemaVersion, migrate, migrations } from '../../../main/store/migrations';
import type { Migration } from '../../../main/store/migrations/migration';
import { openDatabase } from '../../../main/store/open-database';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.remove());

function freshDatabase() {
  return openDatabase(join(folder.path, 'skinledger.db'), generateDataKey(), { create: true });
}

describe('migrations', () => {
  it('bring a new database to the latest version and record it in user_version', () => {
    const db = freshDatabase();
    expect(migrate(db)).toEqual({ from: 0, to: latestSchemaVersion });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(migrate(db)).toEqual({ from: latestSchemaVersion, to: latestSchemaVersion });
    db.close();
  });

  it('refuse a registry that is out of order', () => {
    const shuffled: Migration[] = [
      { version: 2, name: 'b', sql: '' },
      { version: 1, name: 'a', sql: '' },
    ];
    expect(() => checkMigrationOrder(shuffled)).toThrow(/numbered 2, expected 1/);
  });

  it('land all pending steps or none: a failing step leaves the database as it was', () => {
    const db = freshDatabase();
    migrate(db);
    const broken: Migration[] = [
      ...migrations,
      { version: migrations.length + 1, name: 'adds a table', sql: 'CREATE TABLE half_done (x INTEGER) STRICT;' },
      { version: migrations.length + 2, name: 'fails', sql: 'CREATE TABLE half_done (y INTEGER) STRICT;' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('open the database in WAL mode with full sync and foreign keys on', () => {
    const db = freshDatabase();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});

describe('freed space', () => {
  it('is zeroed (secure_delete): a backup copies the file page for page, free pages included', () => {
    const db = freshDatabase();
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    db.close();
  });
});

describe('temporary data', () => {
  it('stays in memory: SQLite3MultipleCiphers would write temp files unencrypted', () => {
    const db = freshDatabase();
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    db.close();
  });
});

describe('the audit trail', () => {
  it('keeps one index by staff, which the trail screen filtered by staff, newest first, still uses', () => {
    const db = freshDatabase();
    migrate(db);
    const indexes = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_event' AND name LIKE '%staff%'`).all() as { name: string }[]).map((row) => row.name);
    expect(indexes).toEqual(['audit_event_by_staff_seq']);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT seq FROM audit_event e WHERE e.staff_id = ? AND e.at >= ? ORDER BY e.seq DESC LIMIT 50`).all('s', '2026-01-01') as { detail: string }[])
      .map((row) => row.detail)
      .join(' | ');
    expect(plan).toContain('audit_event_by_staff_seq');
    expect(plan).not.toContain('TEMP B-TREE');
    db.close();
  });
});
