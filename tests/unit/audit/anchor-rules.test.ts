import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { checkTrailAgainstAnchor, recordsMissingMessage, timeInWords } from '../../../main/audit/anchor-check';
import { hashOf } from '../../../main/audit/audit-row';
import { recordWrittenBy } from '../../../main/audit/record-content';
import { compareWithSeen, readSeenHead, seenHeadFile, writeSeenHead, type SeenHead } from '../../../main/audit/seen-head';
import { afterEachCommit } from '../../../main/store/after-commit';
import { appSettingsFolder } from '../../../main/store/app-settings-folder';

const h = (c: string) => c.repeat(64);

function trail(rows: number, options: { marked?: boolean } = {}) {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE audit_event (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, hash TEXT NOT NULL)`);
  if (options.marked !== undefined) db.exec('CREATE TABLE store_anchor (id INTEGER PRIMARY KEY, since_seq INTEGER NOT NULL, recorded_at TEXT NOT NULL)');
  if (options.marked) db.exec(`INSERT INTO store_anchor VALUES (1, 1, '2026-11-25T09:00:00Z')`);
  for (let seq = 1; seq <= rows; seq++) db.prepare('INSERT INTO audit_event VALUES (?, ?, ?)').run(seq, `2026-11-25T09:0${seq}:00.000Z`, h(String(seq % 10)));
  return db;
}

describe('the anchor against the trail at open', () => {
  it('holds when the anchored row is there with its hash, at the end or below it', () => {
    expect(checkTrailAgainstAnchor(trail(3), { seq: 3, hash: h('3') }).mismatch).toBeNull();
    expect(checkTrailAgainstAnchor(trail(3), { seq: 2, hash: h('2') }).mismatch).toBeNull();
  });

  it('finds a trail that ends before the anchor, and says when its last row was written', () => {
    expect(checkTrailAgainstAnchor(trail(2), { seq: 3, hash: h('3') })).toEqual({ mismatch: 'cut-off', lastRowAt: '2026-11-25T09:02:00.000Z' });
    expect(checkTrailAgainstAnchor(trail(0), { seq: 1, hash: h('1') })).toEqual({ mismatch: 'cut-off', lastRowAt: null });
  });

  it('finds another row at the anchored number', () => {
    expect(checkTrailAgainstAnchor(trail(3), { seq: 3, hash: h('9') }).mismatch).toBe('rewritten');
  });

  it('requires an anchor once the database says it has had one; a store never anchored (or not migrated yet) opens without', () => {
    expect(checkTrailAgainstAnchor(trail(3, { marked: true }), null).mismatch).toBe('anchor-removed');
    expect(checkTrailAgainstAnchor(trail(3, { marked: false }), null).mismatch).toBeNull();
    expect(checkTrailAgainstAnchor(trail(3), null).mismatch).toBeNull();
  });

  it('says what is missing in words', () => {
    expect(timeInWords('2026-11-25T09:05:00Z')).toMatch(/^\d{1,2} November 2026 at \d\d:\d\d$/);
    expect(recordsMissingMessage('2026-11-25T09:05:00Z')).toMatch(/^Records written after \d{1,2} November 2026 at \d\d:\d\d are missing — restore from a backup\. .*Nothing was changed\.$/);
    expect(recordsMissingMessage(null)).toMatch(/^Records written after the store was set up are missing — restore from a backup\./);
  });
});

describe('the head last seen outside the data folder', () => {
  const seen: SeenHead = { storeId: 'store-1', seq: 10, hash: h('a'), at: '2026-11-27T16:30:00Z' };

  it('says nothing without a copy (a new PC), or when the trail reaches it with the same row', () => {
    expect(compareWithSeen({ seq: 3, at: '2026-11-25T09:00:00Z', hashAtSeen: null }, null)).toBeNull();
    expect(compareWithSeen({ seq: 10, at: seen.at, hashAtSeen: h('a') }, seen)).toBeNull();
    expect(compareWithSeen({ seq: 12, at: seen.at, hashAtSeen: h('a') }, seen)).toBeNull();
  });

  it('names how many entries are gone and since when', () => {
    const notice = compareWithSeen({ seq: 7, at: '2026-11-25T09:00:00Z', hashAtSeen: null }, seen)!;
    expect(notice).toMatchObject({ missingEntries: 3, since: '2026-11-25T09:00:00Z' });
    expect(notice.message).toContain(`3 audit trail entries written after ${timeInWords('2026-11-25T09:00:00Z')} (up to ${timeInWords(seen.at)}) are not in this store`);
    expect(compareWithSeen({ seq: 9, at: '2026-11-25T09:00:00Z', hashAtSeen: null }, seen)!.message).toContain('1 audit trail entry written after');
  });

  it('finds a trail as long but with another history', () => {
    expect(compareWithSeen({ seq: 10, at: seen.at, hashAtSeen: h('b') }, seen)).toMatchObject({ missingEntries: 0 });
  });

  describe('on disk', () => {
    let folders: string[] = [];
    afterEach(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
    const folder = () => {
      const path = mkdtempSync(join(tmpdir(), 'skinledger-seen-'));
      folders.push(path);
      return path;
    };

    it('keeps the furthest of its copies, ignores damaged or other stores’ copies, and skips a folder it cannot write', () => {
      folders = [];
      const [a, b] = [folder(), folder()];
      writeSeenHead([a, join(a, 'no', 'such', 'folder'), b], seen);
      expect(readSeenHead([a, b], 'store-1')).toEqual(seen);
      writeSeenHead([b], { ...seen, seq: 12 });
      expect(readSeenHead([a, b], 'store-1')?.seq).toBe(12);
      writeFileSync(seenHeadFile(b, 'store-1'), '{ not json');
      expect(readSeenHead([a, b], 'store-1')?.seq).toBe(10);
      expect(readSeenHead([a, b], 'store-2')).toBeNull();
      expect(JSON.parse(readFileSync(seenHeadFile(a, 'store-1'), 'utf8'))).toEqual(seen);
    });
  });
});

describe('which record an audit row writes', () => {
  it.each([
    ['client.update', 'c1', 'notes', { kind: 'client', id: 'c1' }],
    ['client.archive', 'c1', '', { kind: 'client', id: 'c1' }],
    ['medical-history.create', 'c1', 'entry=m1 stops=0 cautions=1', { kind: 'medical-history', id: 'm1' }],
    ['session.create', 'c1', 'session=s1 areas=3 consent=k1 v1.0', { kind: 'session', id: 's1' }],
    ['session.amend', 'c1', 'session=s1', { kind: 'session', id: 's1' }],
    ['course.status', 'c1', 'course=k9 status=stopped', { kind: 'course', id: 'k9' }],
    ['consent.withdraw', 'k1', 'parts=photos', { kind: 'consent', id: 'k1' }],
    ['photo.update', 'p1', 'client=c1 changed=note', { kind: 'photo', id: 'p1' }],
  ] as const)('%s', (action, entityId, detail, expected) => {
    expect(recordWrittenBy(action, entityId, detail)).toEqual(expected);
  });

  it('none for reads, deletions and rows that name no record', () => {
    expect(recordWrittenBy('client.view', 'c1', '')).toBeNull();
    expect(recordWrittenBy('photo.delete', 'p1', 'client=c1')).toBeNull();
    expect(recordWrittenBy('session.create', 'c1', 'areas=3')).toBeNull();
    expect(recordWrittenBy('session.override-consent', 'c1', 'session=s1 consent=missing')).toBeNull();
  });
});

describe('the row hash with a content hash', () => {
  it('is the old hash without one, and another with one', () => {
    const args = [h('0'), 1, 'at', null, 'client.update', 'client', 'c1', ''] as const;
    expect(hashOf(...args)).toBe(hashOf(...args, null));
    expect(hashOf(...args, h('c'))).not.toBe(hashOf(...args));
  });
});

describe('after each commit', () => {
  it('runs after the outermost transaction commits, before the call returns, and not after a rollback', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (n INTEGER)');
    const seen: string[] = [];
    const stop = afterEachCommit(db, () => seen.push(`commit ${db.prepare('SELECT count(*) FROM t').pluck().get() as number}`));
    const insert = db.transaction((n: number) => db.prepare('INSERT INTO t VALUES (?)').run(n));
    const outer = db.transaction(() => {
      insert(1);
      insert(2);
      seen.push('inside');
    });
    outer();
    expect(seen).toEqual(['inside', 'commit 2']);
    expect(() =>
      db.transaction(() => {
        insert(3);
        throw new Error('no');
      })(),
    ).toThrow('no');
    insert.immediate(4);
    expect(seen).toEqual(['inside', 'commit 2', 'commit 3']);
    stop();
    insert(5);
    expect(seen).toHaveLength(3);
  });
});

describe('the app settings folder as the CLI finds it', () => {
  it('follows SKINLEDGER_SETTINGS, else the platform’s per-user folder', () => {
    expect(appSettingsFolder({ SKINLEDGER_SETTINGS: '/tmp/s' })).toBe('/tmp/s');
    expect(appSettingsFolder({}, 'linux', '/home/ada')).toBe('/home/ada/.config/SkinLedger');
    expect(appSettingsFolder({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ada')).toBe('/cfg/SkinLedger');
    expect(appSettingsFolder({}, 'darwin', '/Users/ada')).toBe('/Users/ada/Library/Application Support/SkinLedger');
    expect(appSettingsFolder({ APPDATA: 'C:/Users/ada/AppData/Roaming' }, 'win32', 'C:/Users/ada')).toMatch(/Roaming[\\/]SkinLedger$/);
  });
});
