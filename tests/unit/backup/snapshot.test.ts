import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeSnapshot } from '../../../main/backup/snapshot';
import { openDatabase } from '../../../main/store/open-database';
import { backupClinic, marker, type BackupClinic } from './backup-fixture';

let clinic: BackupClinic;
beforeEach(async () => {
  clinic = await backupClinic({ clients: 3 });
});
afterEach(() => {
  clinic.services.close();
  clinic.folder.remove();
});

/** The two facts about this SQLite build that the snapshot's design rests on. */
describe('the database snapshot', () => {
  it('cannot come from the online backup API through better-sqlite3: an encrypted-to-plain copy is refused', async () => {
    const destination = join(clinic.backupsDir, 'plain-copy.db');
    await expect(clinic.services.db.backup(destination)).rejects.toThrow(/backup is not supported with incompatible source and target databases/);
    // Whatever file the attempt opened holds nothing readable.
    if (existsSync(destination)) expect(readFileSync(destination).length).toBe(0);
    rmSync(destination, { force: true });
  });

  it('is the live file checkpointed and copied as it is: encrypted with the data key, unreadable without it, sound with it', () => {
    // A write still in the write-ahead log: the checkpoint must bring it into the copy.
    clinic.services.clients.create(clinic.admin.id, { firstName: `${marker}-late`, lastName: 'Client', notes: '' }, { allowDuplicate: true });
    const snapshot = takeSnapshot(clinic.services.db, clinic.dataDir);
    try {
      const bytes = readFileSync(snapshot.path);
      // Byte for byte the live file: nothing was decrypted and written again on the way.
      expect(bytes.equals(readFileSync(join(clinic.dataDir, 'skinledger.db')))).toBe(true);
      expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
      expect(bytes.includes(Buffer.from(marker))).toBe(false);
      const plain = new Database(snapshot.path, { readonly: true });
      expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
      plain.close();
      const keyed = openDatabase(snapshot.path, clinic.dataKey, { readonly: true });
      expect(keyed.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(keyed.prepare('SELECT count(*) FROM client').pluck().get()).toBe(4);
      keyed.close();
      expect(clinic.services.db.pragma('temp_store', { simple: true })).toBe(2);
    } finally {
      rmSync(snapshot.path, { force: true });
    }
  });

  it('comes from VACUUM INTO, still encrypted with the data key, from a connection that does not hold the file alone', () => {
    const live = join(clinic.dataDir, 'skinledger.db');
    const copy = join(clinic.backupsDir, 'store-copy.db');
    clinic.services.db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(live, copy);
    const shared = openDatabase(copy, clinic.dataKey, { readonly: true });
    const snapshot = takeSnapshot(shared, clinic.backupsDir);
    try {
      const bytes = readFileSync(snapshot.path);
      expect(bytes.equals(readFileSync(copy))).toBe(false);
      expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
      expect(bytes.includes(Buffer.from(marker))).toBe(false);
      const keyed = openDatabase(snapshot.path, clinic.dataKey, { readonly: true });
      expect(keyed.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(keyed.prepare('SELECT count(*) FROM client').pluck().get()).toBe(3);
      keyed.close();
    } finally {
      shared.close();
      rmSync(snapshot.path, { force: true });
    }
  });
});
