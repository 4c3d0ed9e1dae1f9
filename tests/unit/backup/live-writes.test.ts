import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreIntoEmptyFolder } from '../../../main/backup/restore-backup';
import { auditRowCount, backupClinic, logicalContent, logicalContentOf, type BackupClinic } from './backup-fixture';

let clinic: BackupClinic;
beforeEach(async () => {
  clinic = await backupClinic({ bigFile: true });
});
afterEach(() => {
  clinic.services.close();
  clinic.folder.remove();
});

describe('a backup taken while the clinic keeps working', () => {
  it('holds exactly the state at its snapshot, consistent, while writes carry on around it', async () => {
    const { services, admin } = clinic;
    let atSnapshot: { content: Record<string, string>; auditRows: number; clients: number } | null = null;
    let writing = true;
    let written = 0;
    // A receptionist registering clients, one per turn of the event loop, for as long as the backup runs.
    const keepWriting = () => {
      if (!writing) return;
      services.clients.create(admin.id, { firstName: `During-${written}`, lastName: 'Backup' }, { allowDuplicate: true });
      services.audit.append({ staffId: admin.id, action: 'client.view', entity: 'client' });
      written++;
      setImmediate(keepWriting);
    };
    setImmediate(keepWriting);
    await new Promise((resolve) => setTimeout(resolve, 20));

    const created = await services.backup.backupToFile(admin.id, clinic.backupsDir, (progress) => {
      // Called in the same synchronous turn as the snapshot: this is the state it copies.
      if (progress.phase === 'snapshot') {
        const auditRows = auditRowCount(services.db);
        atSnapshot = { content: logicalContent(services.db, auditRows), auditRows, clients: services.clients.find('', { offset: 0, limit: 1 }).total };
      }
    });
    writing = false;
    const snapshot = atSnapshot!;
    expect(written).toBeGreaterThan(10);
    expect(created.counts.audit).toBe(snapshot.auditRows);
    expect(created.counts.clients).toBe(snapshot.clients);
    // Writes landed after the snapshot too, and are not in it.
    expect(services.clients.find('', { offset: 0, limit: 1 }).total).toBeGreaterThan(snapshot.clients);

    const target = join(clinic.folder.path, 'restored');
    await restoreIntoEmptyFolder(target, { archivePath: created.path, unlock: { kind: 'recovery', recoveryKey: clinic.recoveryKey }, clock: clinic.clock, via: 'cli' });
    expect(logicalContentOf(target, clinic.dataKey, snapshot.auditRows)).toEqual(snapshot.content);
  });
});
