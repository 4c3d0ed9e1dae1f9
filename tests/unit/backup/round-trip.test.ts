import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices } from '../../../main/app';
import { testScryptLimits } from '../../../main/crypto/kdf';
import { readKeySlotFile } from '../../../main/crypto/key-slot-file';
import { latestSchemaVersion } from '../../../main/store/migrations';
import { restoreIntoEmptyFolder } from '../../../main/backup/restore-backup';
import { verifyBackupFile } from '../../../main/backup/verify-backup';
import { adminName, adminPassword } from '../../support/store';
import { filesUnder, findMarker } from '../../support/temp-folder';
import { tarMembers } from './tar-forge';
import { auditActionsOf, auditRowCount, backupClinic, logicalContent, logicalContentOf, marker, type BackupClinic } from './backup-fixture';

let clinic: BackupClinic;
beforeEach(async () => {
  clinic = await backupClinic({ bigFile: true });
});
afterEach(() => {
  clinic.services.close();
  clinic.folder.remove();
});

const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('a backup and its restore', () => {
  it('bring back the same logical content, every file byte for byte, and a trail that verifies', async () => {
    const auditRows = auditRowCount(clinic.services.db);
    const before = logicalContent(clinic.services.db, auditRows);
    const created = await clinic.services.backup.backupToFile(clinic.admin.id, clinic.backupsDir);
    expect(created.counts).toMatchObject({ clients: 5, audit: auditRows });

    const target = join(clinic.folder.path, 'restored');
    const restored = await restoreIntoEmptyFolder(target, {
      archivePath: created.path,
      unlock: { kind: 'recovery', recoveryKey: clinic.recoveryKey },
      clock: clinic.clock,
      via: 'cli',
    });
    expect(restored.counts).toEqual(created.counts);
    expect(restored.replacedFolder).toBeNull();
    for (const file of ['photos/ab/photo-1.enc', 'pdfs/consent-1.enc']) {
      expect(sha256Of(join(target, file)), file).toBe(sha256Of(join(clinic.dataDir, file)));
    }
    // The same key slots (the restore re-anchors the audit head, so the file's bytes move on).
    const slotsOf = (dir: string) => readKeySlotFile(join(dir, 'keyslots.json'));
    expect(slotsOf(target).slots).toEqual(slotsOf(clinic.dataDir).slots);
    expect(slotsOf(target).storeId).toBe(slotsOf(clinic.dataDir).storeId);
    expect(existsSync(`${target}.restoring`)).toBe(false);
    expect(readdirSync(target).sort()).toEqual(['keyslots.json', 'pdfs', 'photos', 'skinledger.db']);
    expect(logicalContentOf(target, clinic.dataKey, auditRows)).toEqual(before);

    // The restore is the restored trail's first new row; the chain and its anchor verify.
    expect(auditActionsOf(target, clinic.dataKey).slice(auditRows)).toEqual(['backup.restore']);
    const reopened = openServices(target, clinic.dataKey, { clock: clinic.clock });
    try {
      expect(reopened.audit.verify().firstBrokenSeq).toBeNull();
      expect(reopened.clients.find(marker, { offset: 0, limit: 10 }).total).toBe(5);
    } finally {
      reopened.close();
    }
  });

  it('opens with a staff password that was valid when it was made, even after it changed', async () => {
    const created = await clinic.services.backup.backupToFile(clinic.admin.id, clinic.backupsDir);
    await clinic.services.staff.changeOwnPassword(clinic.admin.id, adminPassword, 'a brand new password 2');
    const target = join(clinic.folder.path, 'restored');
    await restoreIntoEmptyFolder(target, {
      archivePath: created.path,
      // The fixture's slots are at the test cost: accepted only when asked for, as a test vault does.
      unlock: { kind: 'password', name: adminName, password: adminPassword, slotCost: testScryptLimits },
      clock: clinic.clock,
      via: 'app',
    });
    expect(existsSync(join(target, 'skinledger.db'))).toBe(true);
  });

  it('never contain plaintext: no marker, no SQLite header, in the backup or anything written on the way', async () => {
    const created = await clinic.services.backup.backupToFile(clinic.admin.id, clinic.backupsDir);
    const bytes = readFileSync(created.path);
    for (const needle of [marker, marker.toLowerCase(), 'Test Clinic', '1 Test Street', adminName]) {
      expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
      expect(bytes.includes(Buffer.from(needle, 'utf16le')), needle).toBe(false);
    }
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    // A plain tar: the description (format, dates, versions, ids), the key file (wrapped keys), the
    // encrypted members as they are on disk, the manifest (sizes and hashes) and its MAC.
    const members = await tarMembers(created.path);
    expect(members.map((member) => member.name)).toEqual(['skinledger-backup.json', 'keyslots.json', 'skinledger.db', 'pdfs/consent-1.enc', 'photos/ab/photo-1.enc', 'manifest.json', 'manifest.mac']);
    const header = JSON.parse(members[0]!.bytes.toString('utf8')) as Record<string, unknown>;
    expect(Object.keys(header).sort()).toEqual(['appVersion', 'archiveId', 'createdAt', 'format', 'kdf', 'schemaVersion', 'storeId', 'version']);

    // Nothing else was left behind: no snapshot in the data folder, no .partial beside the backup.
    expect(readdirSync(clinic.backupsDir)).toEqual([created.file]);
    expect(readdirSync(clinic.dataDir).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(findMarker(clinic.folder.path, marker)).toEqual([]);
    for (const file of filesUnder(clinic.folder.path)) expect(readFileSync(file).subarray(0, 15).toString('latin1'), file).not.toBe('SQLite format 3');
  });

  it('verify-backup reads everything, opens the database copy with the key and reports its counts, leaving nothing behind', async () => {
    const created = await clinic.services.backup.backupToFile(clinic.admin.id, clinic.backupsDir);
    const phases = new Set<string>();
    const verified = await verifyBackupFile(created.path, { kind: 'recovery', recoveryKey: clinic.recoveryKey }, (progress) => phases.add(progress.phase));
    expect(verified).toMatchObject({ counts: created.counts, members: 4, createdAt: created.createdAt, schemaVersion: latestSchemaVersion });
    expect([...phases]).toEqual(['reading', 'proving']);
    expect(readdirSync(clinic.backupsDir)).toEqual([created.file]);
  });

  it('leave out hidden and temporary files and never follow anything outside the data folder', async () => {
    writeFileSync(join(clinic.dataDir, '.DS_Store'), 'x');
    writeFileSync(join(clinic.dataDir, 'photos', 'half-written.tmp'), 'x');
    mkdirSync(join(clinic.dataDir, 'exports'));
    writeFileSync(join(clinic.dataDir, 'exports', 'client-export.enc'), 'sealed elsewhere');
    const created = await clinic.services.backup.backupToFile(clinic.admin.id, clinic.backupsDir);
    const target = join(clinic.folder.path, 'restored');
    await restoreIntoEmptyFolder(target, { archivePath: created.path, unlock: { kind: 'recovery', recoveryKey: clinic.recoveryKey }, clock: clinic.clock, via: 'cli' });
    expect(
      filesUnder(target)
        .map((file) => file.slice(target.length + 1))
        .sort(),
    ).toEqual(['exports/client-export.enc', 'keyslots.json', 'pdfs/consent-1.enc', 'photos/ab/photo-1.enc', 'skinledger.db']);
  });
});
