import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices } from '../../../main/app';
import { backupClinic, type BackupClinic } from './backup-fixture';

let clinic: BackupClinic;
beforeEach(async () => {
  clinic = await backupClinic({ clients: 2 });
});
afterEach(() => {
  clinic.services.close();
  clinic.folder.remove();
});

describe('a backup interrupted by Ctrl+C, a crash or a power cut', () => {
  it('leaves nothing behind once the store is next opened: its .partial and any old snapshot go, other files stay', async () => {
    clinic.services.backup.setFolder(clinic.admin.id, clinic.backupsDir);
    const done = await clinic.services.backup.runNow(clinic.admin.id);
    // What a killed run leaves: its half-written file under a scheduled name, and (an older version) a snapshot.
    const partial = `${done.file.replace('.slbackup', '-2.slbackup')}.partial`;
    copyFileSync(join(clinic.backupsDir, done.file), join(clinic.backupsDir, partial));
    writeFileSync(join(clinic.dataDir, '.backup-snapshot-0a1b.db'), 'encrypted pages');
    writeFileSync(join(clinic.backupsDir, 'notes.txt.partial'), 'not ours');
    // Killed before its first write reached the file.
    writeFileSync(join(clinic.backupsDir, `${done.file.replace('.slbackup', '-3.slbackup')}.partial`), '');
    clinic.services.close();

    clinic.services = openServices(clinic.dataDir, clinic.dataKey, { clock: clinic.clock });
    await clinic.services.backup.cleanedUp;
    expect(readdirSync(clinic.backupsDir).sort()).toEqual(['notes.txt.partial', done.file]);
    expect(readdirSync(clinic.dataDir).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
