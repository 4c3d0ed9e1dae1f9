import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { generateDataKey } from '../../../main/crypto/key-slots';
import { openDatabase, type SqliteDatabase } from '../../../main/store/open-database';
import { QuietCheckpoints } from '../../../main/store/quiet-checkpoints';
import { tempFolder } from '../../support/temp-folder';

let folder: ReturnType<typeof tempFolder>;
let db: SqliteDatabase;
let dataKey: Buffer;
let checkpoints: QuietCheckpoints;
const path = () => join(folder.path, 'skinledger.db');

beforeEach(() => {
  folder = tempFolder();
  dataKey = generateDataKey();
  db = openDatabase(path(), dataKey, { create: true });
  db.exec(`CREATE TABLE treatment_note (id INTEGER PRIMARY KEY, note TEXT NOT NULL) STRICT`);
  // Long intervals: the test makes each look itself, the timer never fires.
  checkpoints = new QuietCheckpoints(db, { intervalMs: 3_600_000, minChanges: 50, backstopPages: 3000 });
  checkpoints.start();
});
afterEach(() => {
  checkpoints.stop();
  if (db.open) db.close();
  folder.remove();
});

function recordNotes(count: number): void {
  const insert = db.prepare('INSERT INTO treatment_note (note) VALUES (?)');
  for (let i = 0; i < count; i++) insert.run(`even erythema after two passes, note ${i}`);
}

/** Rows in the database file alone, as a copy without its write-ahead log would have them. */
function rowsInDatabaseFile(): number {
  const copy = join(folder.path, `copy-${Math.random().toString(36).slice(2)}.db`);
  copyFileSync(path(), copy);
  // Opened by hand: the store's own open refuses a file that still looks new (user_version 0).
  const copied = new Database(copy, { readonly: true });
  try {
    copied.pragma(`cipher = 'sqlcipher'`);
    copied.pragma('legacy = 4');
    copied.pragma(`key = "x'${dataKey.toString('hex')}'"`);
    const table = copied.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'treatment_note'`).get() as { n: number };
    return table.n === 0 ? 0 : (copied.prepare('SELECT count(*) AS n FROM treatment_note').get() as { n: number }).n;
  } finally {
    copied.close();
  }
}

describe('quiet checkpoints', () => {
  it('copy the log into the database once a whole interval passed without a change', () => {
    recordNotes(80);
    expect(checkpoints.look()).toBe(false); // the notes were written during this interval
    expect(rowsInDatabaseFile()).toBe(0);
    expect(checkpoints.look()).toBe(true);
    expect(rowsInDatabaseFile()).toBe(80);
  });

  it('leave the log alone while the clinic keeps writing', () => {
    for (let round = 0; round < 5; round++) {
      recordNotes(60);
      expect(checkpoints.look()).toBe(false);
    }
    expect(rowsInDatabaseFile()).toBe(0);
  });

  it('skip a quiet moment when too little changed to be worth a flush', () => {
    recordNotes(10);
    checkpoints.look();
    expect(checkpoints.look()).toBe(false);
    expect(rowsInDatabaseFile()).toBe(0);
  });

  it('never checkpoint inside a transaction, or on a closed store', () => {
    recordNotes(80);
    checkpoints.look();
    db.exec('BEGIN');
    expect(checkpoints.look()).toBe(false);
    db.exec('COMMIT');
    db.close();
    expect(checkpoints.look()).toBe(false);
  });

  it("keep SQLite's own checkpoint as a backstop at the larger log", () => {
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(3000);
  });
});
