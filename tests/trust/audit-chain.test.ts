import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog, type AuditEntry } from '../../main/audit/audit-log';
import { readKeySlotFile } from '../../main/crypto/key-slot-file';
import type { SqliteDatabase } from '../../main/store/open-database';
import { StoreError } from '../../main/store/store-error';
import { createTestStore, TestClock } from '../support/store';
import { tempFolder } from '../support/temp-folder';
import { deleteRow, dropTriggers, editAndRehashRow, editRow, insertRow, rewriteChainFrom, swapRows, truncateTail } from './support/audit-attacks';

const rowCount = 100_000;

type Store = Awaited<ReturnType<typeof createTestStore>>;

/** Runs an attack inside a transaction and rolls it back, so one 100,000-row trail serves every case. */
function underAttack<T>(db: SqliteDatabase, attack: () => void, check: () => T): T {
  db.exec('BEGIN');
  try {
    dropTriggers(db);
    attack();
    return check();
  } finally {
    db.exec('ROLLBACK');
  }
}

describe('the audit trail over 100,000 rows names the first row an attacker touched', () => {
  let folder: ReturnType<typeof tempFolder>;
  let store: Store;
  let audit: AuditLog;
  let last: number;

  beforeAll(async () => {
    folder = tempFolder();
    const clock = new TestClock();
    store = await createTestStore(folder.path, clock);
    audit = new AuditLog(store.services.db, clock, store.vault);
    const staff = store.admin.id;
    store.services.db.transaction(() => {
      for (let i = audit.count(); i < rowCount; i++) {
        audit.append({ staffId: staff, action: 'client.view', entity: 'client', entityId: `client-${i % 977}`, detail: `n=${i}` });
      }
    })();
    audit.anchorHead();
    last = audit.count();
  }, 120_000);
  afterAll(() => {
    store.services.close();
    folder.remove();
  });

  // How long the walk takes is the benchmark's "audit verify" entry, not a test.
  it('holds untouched, read to the end and anchored at its last row', () => {
    const result = audit.verify();
    expect(result).toMatchObject({ firstBrokenSeq: null, problem: null, rows: rowCount, tableRows: rowCount, anchor: { seq: rowCount } });
    expect(result.summary).toBe(`every link holds; audit head anchored at seq ${rowCount}; table has ${rowCount} rows`);
    expect(audit.verifyChain()).toEqual({ rows: rowCount, firstBrokenSeq: null });
  });

  const db = () => store.services.db;
  const verifyAfter = (attack: () => void) => underAttack(db(), attack, () => audit.verify());

  it.each([1, 2, 50_000, rowCount])('an edited row %i', (seq) => {
    expect(verifyAfter(() => editRow(db(), seq))).toMatchObject({ firstBrokenSeq: seq, problem: 'changed' });
  });

  it.each([1, 50_000, rowCount - 1])('an edited and re-hashed row %i breaks the link of the row after it', (seq) => {
    expect(verifyAfter(() => editAndRehashRow(db(), seq))).toMatchObject({ firstBrokenSeq: seq + 1, problem: 'unlinked' });
  });

  it('an edited last row with a fresh hash is caught by the anchor', () => {
    expect(verifyAfter(() => editAndRehashRow(db(), last))).toMatchObject({ firstBrokenSeq: last, problem: 'rewritten' });
  });

  it.each([1, 50_000])('a chain recomputed from row %i on is caught by the anchor', (seq) => {
    const result = verifyAfter(() => rewriteChainFrom(db(), seq));
    expect(result).toMatchObject({ firstBrokenSeq: last, problem: 'rewritten' });
    expect(result.summary).toContain('the trail was rewritten');
  });

  it.each([1, 2, 50_000, rowCount - 1])('a deleted row %i', (seq) => {
    expect(verifyAfter(() => deleteRow(db(), seq))).toMatchObject({ firstBrokenSeq: seq, problem: 'missing' });
  });

  // Renumbering rows is slow for SQLite (every index entry moves), so forged rows go in near the
  // end here; the same attacks at the first row run on the smaller trail below.
  it.each([rowCount - 1_000, rowCount])('a forged row slipped in at %i, hash and all', (seq) => {
    // The forged row is self-consistent: the first row that cannot be is the genuine one it pushed along.
    expect(verifyAfter(() => insertRow(db(), seq))).toMatchObject({ firstBrokenSeq: seq + 1, problem: 'changed' });
  });

  it('a carelessly forged row slipped in', () => {
    const seq = rowCount - 10;
    expect(verifyAfter(() => insertRow(db(), seq, { carelessHash: true }))).toMatchObject({ firstBrokenSeq: seq, problem: 'changed' });
  });

  it('a row numbered before the first', () => {
    const result = verifyAfter(() => db().prepare(`INSERT INTO audit_event (seq, at, action, prev_hash, hash) VALUES (0, 'x', 'client.view', ?, ?)`).run('0'.repeat(64), '0'.repeat(64)));
    expect(result).toMatchObject({ firstBrokenSeq: 0, problem: 'unexpected' });
  });

  it.each([1, 50_000, rowCount - 1])('rows %i and the next swapped', (seq) => {
    expect(verifyAfter(() => swapRows(db(), seq))).toMatchObject({ firstBrokenSeq: seq, problem: 'changed' });
  });

  it.each([1, 10, 50_000, rowCount])('the last %i rows cut off', (count) => {
    const result = verifyAfter(() => truncateTail(db(), count));
    expect(result).toMatchObject({ firstBrokenSeq: rowCount - count + 1, problem: 'truncated', tableRows: rowCount - count });
    expect(result.summary).toContain(`audit head anchored at seq ${rowCount}; table has ${rowCount - count} rows`);
  });
});

describe('every attack at any row of a smaller trail', () => {
  const smallCount = 3_000;
  let folder: ReturnType<typeof tempFolder>;
  let store: Store;
  let audit: AuditLog;
  let last: number;

  beforeAll(async () => {
    folder = tempFolder();
    const clock = new TestClock();
    store = await createTestStore(folder.path, clock);
    audit = new AuditLog(store.services.db, clock, store.vault);
    store.services.db.transaction(() => {
      for (let i = audit.count(); i < smallCount; i++) audit.append({ staffId: store.admin.id, action: 'client.view', entity: 'client', entityId: `c-${i}` });
    })();
    audit.anchorHead();
    last = audit.count();
  });
  afterAll(() => {
    store.services.close();
    folder.remove();
  });

  const db = () => store.services.db;
  const verifyAfter = (attack: () => void) => underAttack(db(), attack, () => audit.verify());

  it('a forged row slipped in at the very first row', () => {
    expect(verifyAfter(() => insertRow(db(), 1))).toMatchObject({ firstBrokenSeq: 2, problem: 'changed' });
    expect(verifyAfter(() => insertRow(db(), 1, { carelessHash: true }))).toMatchObject({ firstBrokenSeq: 1, problem: 'changed' });
  });

  it('is named at the row it first shows', () => {
    const attacks = {
      edit: (seq: number) => ({ run: () => editRow(db(), seq), expected: seq }),
      rehash: (seq: number) => ({ run: () => editAndRehashRow(db(), seq), expected: seq === last ? last : seq + 1 }),
      rewrite: (seq: number) => ({ run: () => rewriteChainFrom(db(), seq), expected: last }),
      delete: (seq: number) => ({ run: () => deleteRow(db(), seq), expected: seq }),
      swap: (seq: number) => ({ run: () => swapRows(db(), Math.min(seq, last - 1)), expected: Math.min(seq, last - 1) }),
      insert: (seq: number) => ({ run: () => insertRow(db(), seq), expected: seq + 1 }),
      truncate: (seq: number) => ({ run: () => truncateTail(db(), last - seq + 1), expected: seq }),
    };
    const detected: Record<string, number> = {};
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(attacks) as (keyof typeof attacks)[])), fc.integer({ min: 1, max: smallCount }), (kind, seq) => {
        const attack = attacks[kind](seq);
        expect(verifyAfter(attack.run).firstBrokenSeq, `${kind} at ${seq}`).toBe(attack.expected);
        detected[kind] = (detected[kind] ?? 0) + 1;
      }),
      { numRuns: 200 },
    );
    console.log(`[trust] audit attacks at random rows of ${smallCount}: ${JSON.stringify(detected)}, every one named at its first row`);
  });
});

describe('the anchor in the key file', () => {
  let folder: ReturnType<typeof tempFolder>;
  let store: Store;
  let clock: TestClock;
  const keyFile = () => join(folder.path, 'keyslots.json');
  const anchored = () => readKeySlotFile(keyFile()).auditHead ?? null;
  const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

  beforeEach(async () => {
    folder = tempFolder();
    clock = new TestClock();
    store = await createTestStore(folder.path, clock);
  });
  afterEach(() => {
    store.services.close();
    folder.remove();
  });

  const auditLog = () => new AuditLog(store.services.db, clock, store.vault);
  const entry: AuditEntry = { staffId: null, action: 'client.view' };
  const mark = () => store.services.db.prepare('SELECT since_seq FROM store_anchor').pluck().get() as number | undefined;

  it('is written with the first committed row, and from then on the database says it is required', () => {
    // The set-up's own rows (the founder, the clinic's name) were the first commits.
    expect(anchored()).toEqual({ seq: auditLog().count(), hash: auditLog().recent(1)[0]!.hash });
    expect(mark()).toBe(1);
    const result = auditLog().verify();
    expect(result.firstBrokenSeq).toBeNull();
    expect(result.summary).toMatch(/^every link holds; audit head anchored at seq \d+; table has \d+ rows$/);
  });

  it('follows every committed append at once, checkpoint or not', () => {
    const audit = auditLog();
    for (const action of ['client.view', 'session.lock', 'client.list'] as const) {
      audit.append({ ...entry, action });
      expect(anchored()).toEqual({ seq: audit.count(), hash: audit.recent(1)[0]!.hash });
    }
  });

  it('waits for a transaction to commit, moves before the transaction call returns, and never records a row rolled back', async () => {
    const audit = auditLog();
    audit.append(entry);
    const committed = anchored();
    expect(() =>
      store.services.db.transaction(() => {
        audit.append({ ...entry, action: 'session.sign-out' });
        expect(anchored()).toEqual(committed);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    await nextTurn();
    expect(anchored()).toEqual(committed);
    store.services.db.transaction(() => {
      audit.append(entry);
      audit.append(entry);
      expect(anchored()).toEqual(committed);
    })();
    // No turn of the event loop in between: the screen hears "saved" only after this.
    expect(anchored()?.seq).toBe(audit.count());
    expect(audit.verify().firstBrokenSeq).toBeNull();
  });

  it('is not moved by later appends once the trail no longer matches it, so the evidence stays', () => {
    const audit = auditLog();
    for (let i = 0; i < 10; i++) audit.append(entry);
    const mark = anchored()!;
    dropTriggers(store.services.db);
    truncateTail(store.services.db, 3);
    audit.append({ ...entry, action: 'session.sign-in' });
    expect(anchored()).toEqual(mark);
    expect(audit.verify()).toMatchObject({ problem: 'truncated', firstBrokenSeq: mark.seq - 1 });
    for (let i = 0; i < 5; i++) audit.append(entry);
    expect(anchored()).toEqual(mark);
    expect(audit.verify()).toMatchObject({ problem: 'rewritten', firstBrokenSeq: mark.seq });
  });

  it('survives key slot changes, and sits under the key file checksum', async () => {
    const audit = auditLog();
    audit.append(entry);
    const mark = anchored();
    await store.vault.setStaffPassword(store.admin.id, 'Ada Admin', 'a brand new password', store.dataKey);
    expect(anchored()).toEqual(mark);
    const text = readFileSync(keyFile(), 'utf8');
    writeFileSync(keyFile(), text.replace(`"seq": ${mark!.seq}`, `"seq": ${mark!.seq + 100}`));
    expect(() => readKeySlotFile(keyFile())).toThrow(StoreError);
    // The chain is still walked when the key file cannot be read; the key file check says why.
    expect(audit.verify().summary).toContain('audit head not anchored (the key file could not be read)');
  });

  it('does not fail an action whose row is saved when the key file cannot be written', () => {
    const audit = new AuditLog(store.services.db, clock, {
      readAuditHead: () => null,
      writeAuditHead: () => {
        throw new Error('ENOSPC: no space left on device');
      },
    });
    expect(() => audit.append({ ...entry, action: 'session.lock' })).not.toThrow();
    expect(audit.verify().firstBrokenSeq).toBeNull();
  });
});
