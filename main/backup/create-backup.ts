import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { link, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BackupProgress } from '../../shared/contract/backup-channels';
import type { AuditLog } from '../audit/audit-log';
import { countRecords, type RecordCounts } from '../store/record-counts';
import type { Clock } from '../clock';
import { readKeySlotFile } from '../crypto/key-slot-file';
import type { SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import type { Vault } from '../vault/vault';
import { backupMessages } from './backup-messages';
import { dataFilesToBackUp } from './data-files';
import { holdDatabaseFile } from './live-database';
import { databaseMemberPath, keySlotsMemberPath, type BackupManifest, type ManifestMember } from './manifest';
import { removeLeftoverSnapshots } from './snapshot';
import { syncFolderOf } from '../files/durable-file';
import { TarWriter } from './tar-writer';
import { descriptionMemberPath, manifestMac, manifestMacKey, manifestMacMemberPath, manifestMemberPath, tarFormatVersion, type BackupDescription } from './tar-format';

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

/** Files are read in pieces of this size: few system calls, little memory. */
const readPieceBytes = 1024 * 1024;

/**
 * Writes one backup file at `targetPath` (see tar-format.ts): the description, the anchored key
 * file, the live database file streamed as it is (held still, see holdDatabaseFile), every other
 * file of the data folder, then the manifest and its MAC. All goes to `<file>.partial`, flushed
 * to the disk, and only then gets its real name; any failure removes the .partial.
 *
 * The file is not read back here: right after writing it would come from the page cache and
 * prove only this writer. verify-backup (and Settings → Backups → Check) read it from the disk.
 */
export async function writeBackup(source: BackupSource, targetPath: string, onProgress?: (progress: BackupProgress) => void): Promise<CreatedBackup> {
  removeLeftoverSnapshots(source.vault.folder.root);
  await outsideTransaction(source.db);
  if (existsSync(targetPath)) throw new StoreError('SAVE_FAILED', backupMessages.targetExists);
  const partialPath = `${targetPath}.partial`;
  onProgress?.({ activity: 'backup', phase: 'snapshot', done: 0, total: 1 });

  // One synchronous turn, so nothing this process writes can land in between: the audit head is
  // anchored, the key file read (before the database is held, so its anchor is never ahead of the
  // copied trail), the database file held still, and the counts, head and file list taken from it.
  source.audit.anchorHead();
  const { storeId } = readKeySlotFile(source.vault.folder.keySlots);
  const keySlots = readFileSync(source.vault.folder.keySlots);
  const held = holdDatabaseFile(source.db);
  let handle: FileHandle | null = null;
  try {
    const counts = countRecords(source.db);
    const auditHead = (source.db.prepare('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? null;
    const schemaVersion = source.db.pragma('user_version', { simple: true }) as number;
    const files = dataFilesToBackUp(source.vault.folder.root);
    const createdAt = source.clock.now().toISOString();
    const description: BackupDescription = {
      format: 'skinledger-backup',
      version: tarFormatVersion,
      archiveId: randomUUID(),
      storeId,
      createdAt,
      appVersion: source.appVersion,
      schemaVersion,
      kdf: { name: 'hkdf-sha256', salt: randomBytes(32).toString('base64') },
    };
    const mtime = new Date(createdAt);

    // 'wx': a .partial of the same name is another run's, never ours to overwrite.
    handle = await open(partialPath, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
    const tar = new TarWriter(handle);
    const total = held.size + keySlots.length + files.reduce((sum, file) => sum + file.size, 0);
    let done = 0;
    const advance = (bytes: number) => {
      done += bytes;
      onProgress?.({ activity: 'backup', phase: 'writing', done, total });
    };
    const descriptionBytes = Buffer.from(JSON.stringify(description), 'utf8');
    await tar.member(descriptionMemberPath, descriptionBytes, mtime);
    await tar.member(keySlotsMemberPath, keySlots, mtime);
    const members: ManifestMember[] = [{ path: keySlotsMemberPath, kind: 'key-slots', size: keySlots.length, sha256: createHash('sha256').update(keySlots).digest('hex') }];
    advance(keySlots.length);
    members.push(await addFile(tar, databaseMemberPath, 'database', held.path, held.size, mtime, advance));
    held.assertUnchanged();
    held.release();
    for (const file of files) members.push(await addFile(tar, file.path, 'file', file.absolute, file.size, mtime, advance));

    const manifest: BackupManifest = {
      format: 'skinledger-backup-manifest',
      version: 1,
      archiveId: description.archiveId,
      storeId,
      createdAt,
      appVersion: source.appVersion,
      schemaVersion,
      counts,
      auditHead,
      members,
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    const key = manifestMacKey(source.dataKey, description);
    const mac = manifestMac(key, descriptionBytes, manifestBytes);
    key.fill(0);
    await tar.member(manifestMemberPath, manifestBytes, mtime);
    await tar.member(manifestMacMemberPath, Buffer.from(mac.toString('hex'), 'utf8'), mtime);
    await tar.finish();
    await handle.sync();
    const sizeBytes = (await handle.stat()).size;
    await handle.close();
    handle = null;
    await commit(partialPath, targetPath);
    return { path: targetPath, file: basename(targetPath), createdAt, sizeBytes, counts };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    if (handle) await unlink(partialPath).catch(() => undefined);
    throw asBackupFailure(error);
  } finally {
    held.release();
  }
}

/**
 * One file into the archive as it is, hashed on the way. Read here in pieces (a local file: each
 * read is short) while the run before is written; a file that changed size fails the backup.
 */
async function addFile(tar: TarWriter, name: string, kind: ManifestMember['kind'], absolute: string, size: number, mtime: Date, advance: (bytes: number) => void): Promise<ManifestMember> {
  let fd: number;
  try {
    fd = openSync(absolute, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoreError('CONFLICT', backupMessages.changedDuringBackup, { cause: error });
    throw error;
  }
  const hash = createHash('sha256');
  try {
    await tar.header(name, size, mtime);
    for (let position = 0; position < size; ) {
      // A new buffer each time: it waits in the run until the run is written.
      const piece = Buffer.allocUnsafe(Math.min(readPieceBytes, size - position));
      const read = readSync(fd, piece, 0, piece.length, position);
      // Files under the data folder are written once and never changed; one that shrank is being replaced.
      if (read === 0) throw new StoreError('CONFLICT', backupMessages.changedDuringBackup);
      const bytes = read === piece.length ? piece : piece.subarray(0, read);
      hash.update(bytes);
      position += read;
      advance(read);
      await tar.add(bytes);
    }
    await tar.pad(size);
    // One that grew is being replaced too.
    if (fstatSync(fd).size !== size) throw new StoreError('CONFLICT', backupMessages.changedDuringBackup);
  } finally {
    closeSync(fd);
  }
  return { path: name, kind, size, sha256: hash.digest('hex') };
}

/**
 * Gives the flushed file its real name, never over another file: a hard link fails if the name
 * is taken. FAT and exFAT drives (most USB sticks) have no hard links; there the name is checked
 * first, and a clash in between is as unlikely as two backups in the same second.
 */
async function commit(partialPath: string, finalPath: string): Promise<void> {
  try {
    await link(partialPath, finalPath);
    await unlink(partialPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || existsSync(finalPath)) {
      await unlink(partialPath).catch(() => undefined);
      throw new StoreError('SAVE_FAILED', backupMessages.targetExists);
    }
    await rename(partialPath, finalPath);
  }
  syncFolderOf(finalPath);
}

/** better-sqlite3 transactions are synchronous: one open now is held across turns, so wait it out briefly. */
export async function outsideTransaction(db: SqliteDatabase): Promise<void> {
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
