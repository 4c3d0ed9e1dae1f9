import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holdDatabaseFile } from '../../../main/backup/live-database';
import { openDatabase } from '../../../main/store/open-database';
import { QuietCheckpoints } from '../../../main/store/quiet-checkpoints';
import { backupClinic, marker, type BackupClinic } from './backup-fixture';

let clinic: BackupClinic;
beforeEach(async () => {
  clinic = await backupClinic({ clients: 3 });
});
afterEach(() => {
  clinic.services.close();
  clinic.folder.remove();
});

const clientsIn = (path: string) => {
  const db = openDatabase(path, clinic.dataKey, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM client').pluck().get() as number;
  } finally {
    db.close();
  }
};

/** The facts about this SQLite build that streaming the live file into a backup rests on. */
describe('the database in a backup', () => {
  it('cannot come from the online backup API through better-sqlite3: an encrypted-to-plain copy is refused', async () => {
    const destination = join(clinic.backupsDir, 'plain-copy.db');
    await expect(clinic.services.db.backup(destination)).rejects.toThrow(/backup is not supported with incompatible source and target databases/);
    if (existsSync(destination)) expect(readFileSync(destination).length).toBe(0);
    rmSync(destination, { force: true });
  });

  it('is the live file held still: one consistent state, encrypted, while writes carry on into the log', () => {
    const { db, clients } = clinic.services;
    // A write still in the write-ahead log: the checkpoint must bring it into the held file.
    clients.create(clinic.admin.id, { firstName: `${marker}-late`, lastName: 'Client', notes: '' }, { allowDuplicate: true });
    const held = holdDatabaseFile(db);
    try {
      const atHold = readFileSync(held.path);
      expect(atHold.length).toBe(held.size);
      expect(atHold.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
      expect(atHold.includes(Buffer.from(marker))).toBe(false);
      // SQLite's own checkpoint inside a commit is off, and the app's waits at a quiet moment.
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      for (let i = 0; i < 40; i++) clients.create(clinic.admin.id, { firstName: `During-${i}`, lastName: 'Client', notes: 'x'.repeat(2000) }, { allowDuplicate: true });
      expect(new QuietCheckpoints(db, { minChanges: 1 }).look()).toBe(false);
      expect(readFileSync(held.path).equals(atHold)).toBe(true);
      expect(() => held.assertUnchanged()).not.toThrow();
      const copy = join(clinic.backupsDir, 'held.db');
      writeFileSync(copy, atHold);
      expect(clientsIn(copy)).toBe(4);
    } finally {
      held.release();
    }
    expect(db.pragma('wal_autocheckpoint', { simple: true })).not.toBe(0);
    expect(db.prepare('SELECT count(*) FROM client').pluck().get()).toBe(44);
  });
});
