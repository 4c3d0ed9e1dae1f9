import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDataKey } from '../../../main/crypto/key-slots';
import { openDatabase, type SqliteDatabase } from '../../../main/store/open-database';
import { openShellLog } from '../../../main/shell/shell-log';
import { reportSlowStatements, slowStatementsTo, statementName } from '../../../main/store/slow-statements';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let db: SqliteDatabase;
beforeEach(() => {
  folder = tempFolder();
  db = openDatabase(join(folder.path, 'skinledger.db'), generateDataKey(), { create: true });
  db.exec(`CREATE TABLE client (id TEXT PRIMARY KEY, notes TEXT NOT NULL) STRICT`);
});
afterEach(() => {
  db.close();
  folder.remove();
});

/** A statement that takes well over a millisecond: a recursive count to a few hundred thousand. */
const slowCount = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) SELECT count(*) AS c FROM n';

describe('slow statements in the log', () => {
  it('are reported by their SQL, never with the values bound to them or the rows they read', () => {
    const reports: { name: string; milliseconds: number }[] = [];
    reportSlowStatements(db, (name, milliseconds) => reports.push({ name, milliseconds }), 1);
    db.prepare('INSERT INTO client (id, notes) VALUES (?, ?)').run('c1', 'ALLERGY: lidocaine — DO NOT USE');
    expect(db.prepare(slowCount).get(300_000)).toEqual({ c: 300_000 });
    const slow = reports.filter((report) => report.name.startsWith('WITH RECURSIVE'));
    expect(slow).toHaveLength(1);
    expect(slow[0]!.milliseconds).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(reports)).not.toMatch(/lidocaine|300000|c1/);
  });

  it('are not reported when quicker than the threshold, and results pass through unchanged', () => {
    const reports: string[] = [];
    reportSlowStatements(db, (name) => reports.push(name), 60_000);
    db.prepare('INSERT INTO client (id, notes) VALUES (?, ?)').run('c1', 'note');
    expect(db.prepare('SELECT id, notes FROM client').all()).toEqual([{ id: 'c1', notes: 'note' }]);
    expect(db.prepare('SELECT notes FROM client WHERE id = ?').get('c1')).toEqual({ notes: 'note' });
    expect(reports).toEqual([]);
  });

  it('wrap a kept statement once, however often it is handed out', () => {
    const reports: string[] = [];
    reportSlowStatements(db, (name) => reports.push(name), 0);
    for (let i = 0; i < 3; i++) db.prepare('SELECT 1 AS one').get();
    expect(reports).toEqual(['SELECT 1 AS one', 'SELECT 1 AS one', 'SELECT 1 AS one']);
  });

  it('reach the shell log by name, with none of the values bound to them', () => {
    const logs = join(folder.path, 'logs');
    reportSlowStatements(db, slowStatementsTo(openShellLog(logs)), 1);
    db.prepare('INSERT INTO client (id, notes) VALUES (?, ?)').run('client-7f3a', 'ALLERGY: lidocaine');
    db.prepare(slowCount).get(250_000);
    db.prepare('SELECT count(*) FROM client WHERE notes = ? AND id <> ?').get('ALLERGY: lidocaine', 'client-7f3a');
    const log = readFileSync(join(logs, 'skinledger.log'), 'utf8');
    expect(log).toMatch(/ slow-statement name="WITH RECURSIVE n\(i\) .*" milliseconds="\d+"\n/);
    expect(log).not.toMatch(/lidocaine|client-7f3a|250000/);
  });

  it('are named by the start and the end of a long statement', () => {
    const columns = Array.from({ length: 20 }, (_, i) => `c.column_${i}`).join(', ');
    const name = statementName(`SELECT ${columns}\n  FROM client c\n  WHERE c.sort_key = ? ORDER BY c.rowid`);
    expect(name.length).toBe(100);
    expect(name.startsWith('SELECT c.column_0, c.column_1')).toBe(true);
    expect(name.endsWith('FROM client c WHERE c.sort_key = ? ORDER BY c.rowid')).toBe(true);
    expect(statementName('SELECT 1 AS one')).toBe('SELECT 1 AS one');
  });
});
