import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackupProgress, RecordCounts } from '../../shared/contract/backup-channels';
import type { ArchiveUnlock } from './archive-keys';
import type { MemberVisitor } from './archive-body';
import { backupMessages, damaged } from './backup-messages';
import { checkDatabaseCopy } from './database-copy-check';
import { MemberFile } from './encrypted-file-sink';
import { databaseMemberPath } from './manifest';
import { readArchive } from './read-archive';

export interface VerifiedBackup {
  storeId: string;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  counts: RecordCounts;
  members: number;
  sizeBytes: number;
}

/**
 * The whole check of one backup file, writing nothing but an encrypted copy of its database in a
 * private temporary folder (removed after): every part, every member's hash, the list of
 * contents, then the database opened with the key, its integrity check and its counts.
 */
export async function verifyBackupFile(path: string, unlock: ArchiveUnlock, onProgress?: (progress: BackupProgress) => void): Promise<VerifiedBackup> {
  const scratch = mkdtempSync(join(tmpdir(), 'skinledger-verify-'));
  const copyPath = join(scratch, 'snapshot.db');
  let sink: MemberFile | null = null;
  const visitor: MemberVisitor = {
    start: async (member) => {
      sink = member === databaseMemberPath ? await MemberFile.create(copyPath, true) : null;
    },
    data: (piece) => sink?.write(piece),
    end: async () => {
      await sink?.finish();
      sink = null;
    },
  };
  try {
    const read = await readArchive(path, unlock, {
      visitor,
      onProgress: (done, total) => onProgress?.({ activity: 'verify', phase: 'reading', done, total }),
    });
    try {
      onProgress?.({ activity: 'verify', phase: 'proving', done: 0, total: 1 });
      const check = checkDatabaseCopy(copyPath, read.dataKey, read.manifest.counts);
      if (!check.ok) throw damaged(backupMessages.databaseUnsound(check.problem));
      onProgress?.({ activity: 'verify', phase: 'proving', done: 1, total: 1 });
      return {
        storeId: read.header.storeId,
        createdAt: read.header.createdAt,
        appVersion: read.header.appVersion,
        schemaVersion: read.header.schemaVersion,
        counts: check.counts,
        members: read.manifest.members.length,
        sizeBytes: read.sizeBytes,
      };
    } finally {
      read.dataKey.fill(0);
    }
  } finally {
    await (sink as MemberFile | null)?.discard();
    rmSync(scratch, { recursive: true, force: true });
  }
}
