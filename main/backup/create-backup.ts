import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BackupProgress } from '../../shared/contract/backup-channels';
import type { AuditLog } from '../audit/audit-log';
import { countRecords, type RecordCounts } from '../store/record-counts';
import type { Clock } from '../clock';
import { readKeySlotFile } from '../crypto/key-slot-file';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import type { Vault } from '../vault/vault';
import { defaultPartSize, type ArchiveHeader } from './archive-format';
import { recordHead } from './archive-body';
import { checkWrittenArchive } from './archive-check';
import { deriveArchiveKeys, wipeKeys } from './archive-keys';
import { ArchiveWriter, newArchiveSalt } from './archive-writer';
import { backupMessages } from './backup-messages';
import { dataFilesToBackUp } from './data-files';
import { databaseMemberPath, keySlotsMemberPath, type BackupManifest, type ManifestMember } from './manifest';
import { PartWorker } from './part-worker';
import { removeLeftoverSnapshots, takeSnapshot } from './snapshot';

/** The live store a backup is taken from. */
export interface BackupSource {
  db: SqliteDatabase;
  vault: Vault;
  dataKey: Buffer;
  audit: AuditLog;
  clock: Clock;
  appVersion: string;
}

export interface CreatedBackup {
  path: string;
  file: string;
  createdAt: string;
  sizeBytes: number;
  counts: RecordCounts;
}

/**
 * Writes one backup file at `targetPath`: the anchored key file, a snapshot of the database and
 * every other file of the data folder, then the list of contents, all sealed part by part. The
 * file is read back and checked in full under its .partial name before it gets the real one.
 */
export async function writeBackup(source: BackupSource, targetPath: string, onProgress?: (progress: BackupProgress) => void): Promise<CreatedBackup> {
  removeLeftoverSnapshots(source.vault.folder.root);
  await outsideTransaction(source.db);
  // One part worker seals the parts and opens them again for the check; it boots (about a tenth
  // of a second) while the snapshot is taken, and is ended, its key and buffers wiped, on every path.
  const archive = { archiveId: randomUUID(), kdf: { name: 'hkdf-sha256' as const, salt: newArchiveSalt() } };
  const keys = deriveArchiveKeys(source.dataKey, archive);
  const worker = PartWorker.start(keys.body);
  wipeKeys(keys);
  try {
    return await writeBackupWith(worker, archive, source, targetPath, onProgress);
  } finally {
    await worker.close();
  }
}

async function writeBackupWith(
  worker: PartWorker,
  archive: Pick<ArchiveHeader, 'archiveId' | 'kdf'>,
  source: BackupSource,
  targetPath: string,
  onProgress?: (progress: BackupProgress) => void,
): Promise<CreatedBackup> {
  const dataDir = source.vault.folder.root;
  onProgress?.({ activity: 'backup', phase: 'snapshot', done: 0, total: 1 });

  // One synchronous turn, so nothing this process writes can land in between: the audit head is
  // anchored, the key file read (before the snapshot, so its anchor is never ahead of the copied
  // trail), the database copied, and the counts, head and file list taken from the same state.
  source.audit.anchorHead();
  const { storeId } = readKeySlotFile(source.vault.folder.keySlots);
  const keySlots = readFileSync(source.vault.folder.keySlots);
  const snapshot = takeSnapshot(source.db, dataDir);
  let writer: ArchiveWriter | null = null;
  let checking: Promise<void> | null = null;
  try {
    const counts = countRecords(source.db);
    const auditHead = (source.db.prepare('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? null;
    const schemaVersion = source.db.pragma('user_version', { simple: true }) as number;
    const files = dataFilesToBackUp(dataDir);
    const createdAt = source.clock.now().toISOString();

    const header: ArchiveHeader = {
      format: 'skinledger-backup',
      version: 1,
      archiveId: archive.archiveId,
      storeId,
      createdAt,
      appVersion: source.appVersion,
      schemaVersion,
      partSize: defaultPartSize,
      kdf: archive.kdf,
      keySlots: keySlots.toString('utf8'),
    };
    writer = await ArchiveWriter.create(targetPath, header, source.dataKey, worker);
    // The check reads the file back as it is written, each run once its write has returned, and
    // finishes once the last one is: the whole .partial read back from the file and checked (see
    // checkWrittenArchive) before the backup is named. Its progress shows once the writing is done.
    let checked = 0;
    let writingDone = false;
    checking = checkWrittenArchive(writer.partialPath, source.dataKey, header.storeId, {
      following: writer.progress,
      worker,
      onProgress: (read, size) => {
        checked = read;
        if (writingDone) onProgress?.({ activity: 'backup', phase: 'checking', done: read, total: size });
      },
    });
    // Its failure surfaces below, where it is awaited, whichever fails first.
    checking.catch(() => undefined);
    const total = snapshot.size + keySlots.length + files.reduce((sum, file) => sum + file.size, 0);
    let done = 0;
    const advance = (bytes: number) => {
      done += bytes;
      onProgress?.({ activity: 'backup', phase: 'writing', done, total });
    };
    const members: ManifestMember[] = [];
    members.push(await addFileMember(writer, databaseMemberPath, 'database', snapshot.path, snapshot.size, advance));
    members.push(await addBytesMember(writer, keySlotsMemberPath, 'key-slots', keySlots, advance));
    for (const file of files) members.push(await addFileMember(writer, file.path, 'file', file.absolute, file.size, advance));

    const manifest: BackupManifest = {
      format: 'skinledger-backup-manifest',
      version: 1,
      archiveId: header.archiveId,
      storeId: header.storeId,
      createdAt,
      appVersion: source.appVersion,
      schemaVersion,
      counts,
      auditHead,
      members,
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    await writer.write(recordHead('manifest', '', manifestBytes.length));
    await writer.write(manifestBytes);
    const sizeBytes = await writer.finishWriting();
    writingDone = true;
    onProgress?.({ activity: 'backup', phase: 'checking', done: checked, total: sizeBytes });

    // Every byte is written, and most are on the disk already (the writer flushes as it goes);
    // the check reads the last runs while the disk takes the rest. Only when both are done is it
    // called a backup.
    await bothDone(checking, writer.flushToDisk());
    await writer.commit();
    return { path: targetPath, file: basename(targetPath), createdAt, sizeBytes, counts };
  } catch (error) {
    // The check stops as soon as the writing does, and has let go of the .partial before it goes.
    await writer?.abort(checking ?? undefined);
    throw asBackupFailure(error);
  } finally {
    rmSync(snapshot.path, { force: true });
  }
}

async function addBytesMember(writer: ArchiveWriter, path: string, kind: ManifestMember['kind'], bytes: Buffer, advance: (n: number) => void): Promise<ManifestMember> {
  await writer.write(recordHead('member', path, bytes.length));
  await writer.write(bytes);
  advance(bytes.length);
  return { path, kind, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function addFileMember(
  writer: ArchiveWriter,
  path: string,
  kind: ManifestMember['kind'],
  absolute: string,
  size: number,
  advance: (n: number) => void,
): Promise<ManifestMember> {
  let handle;
  try {
    handle = await open(absolute, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoreError('CONFLICT', backupMessages.changedDuringBackup, { cause: error });
    throw error;
  }
  try {
    await writer.write(recordHead('member', path, size));
    const hash = createHash('sha256');
    // Read straight into the parts that will be sealed, one read ahead. The hash is taken of these
    // very bytes before the writer hands them on: what the list of contents vouches for is what is sealed.
    await writer.writeRead(
      size,
      async (room, position) => {
        const { bytesRead } = await handle.read(room, 0, room.length, position);
        if (bytesRead === 0) throw new StoreError('CONFLICT', backupMessages.changedDuringBackup);
        return bytesRead;
      },
      (bytes) => {
        hash.update(bytes);
        advance(bytes.length);
      },
    );
    // Files under the data folder are written once and never changed; one that grew is being replaced.
    if ((await handle.stat()).size !== size) throw new StoreError('CONFLICT', backupMessages.changedDuringBackup);
    return { path, kind, size, sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}

/** Waits for both, even when the first fails (the file is not closed under a flush), then fails with the first error. */
async function bothDone<A, B>(first: Promise<A>, second: Promise<B>): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
  return [a.value, b.value];
}

/** better-sqlite3 transactions are synchronous: one open now is held across turns, so wait it out briefly. */
async function outsideTransaction(db: SqliteDatabase): Promise<void> {
  for (let tries = 0; db.inTransaction && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (db.inTransaction) throw new StoreError('CONFLICT', backupMessages.snapshotFailed);
}

/** Disk trouble becomes the clinic's message; a typed error passes as it is. */
export function asBackupFailure(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EROFS' || code === 'EIO' || code === 'EACCES' || code === 'EPERM' || code === 'ENOENT' || code === 'ENOTDIR') {
    return new StoreError('SAVE_FAILED', backupMessages.writeFailed, { cause: error });
  }
  return error;
}
