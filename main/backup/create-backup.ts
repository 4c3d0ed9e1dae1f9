import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { constants, existsSync, readFileSync } from 'node:fs';
import { link, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { pack as tarPack, type Pack } from 'tar-stream';
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
import { writeAll } from './write-all';
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
const writeRunBytes = 4 * 1024 * 1024;

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
  let tar: Pack | null = null;
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
    const pack = (tar = tarPack());
    const written = drainInto(pack, handle);
    // Its failure surfaces where it is awaited, whichever fails first.
    written.catch(() => undefined);
    // Once the file cannot be written (a full disk), the tar stops draining: nothing waiting on
    // it would ever go on, so every wait below also ends when the writing fails.
    const stopped = written.then(() => new Promise<never>(() => undefined));
    stopped.catch(() => undefined);
    const unlessStopped = <T>(work: Promise<T>): Promise<T> => Promise.race([work, stopped]);

    const total = held.size + keySlots.length + files.reduce((sum, file) => sum + file.size, 0);
    let done = 0;
    const advance = (bytes: number) => {
      done += bytes;
      onProgress?.({ activity: 'backup', phase: 'writing', done, total });
    };
    const descriptionBytes = Buffer.from(JSON.stringify(description), 'utf8');
    await unlessStopped(addBytes(pack, descriptionMemberPath, descriptionBytes, mtime));
    const members: ManifestMember[] = [];
    members.push(await unlessStopped(addBytes(pack, keySlotsMemberPath, keySlots, mtime, 'key-slots')));
    advance(keySlots.length);
    members.push(await addFile(pack, databaseMemberPath, 'database', held.path, held.size, mtime, advance, stopped));
    held.assertUnchanged();
    held.release();
    for (const file of files) members.push(await addFile(pack, file.path, 'file', file.absolute, file.size, mtime, advance, stopped));

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
    await unlessStopped(addBytes(pack, manifestMemberPath, manifestBytes, mtime));
    await unlessStopped(addBytes(pack, manifestMacMemberPath, Buffer.from(mac.toString('hex'), 'utf8'), mtime));
    pack.finalize();
    await written;
    await handle.sync();
    const sizeBytes = (await handle.stat()).size;
    await handle.close();
    handle = null;
    await commit(partialPath, targetPath);
    return { path: targetPath, file: basename(targetPath), createdAt, sizeBytes, counts };
  } catch (error) {
    tar?.destroy();
    await handle?.close().catch(() => undefined);
    if (handle) await unlink(partialPath).catch(() => undefined);
    throw asBackupFailure(error);
  } finally {
    held.release();
  }
}

function addBytes(pack: Pack, name: string, bytes: Buffer, mtime: Date): Promise<void>;
function addBytes(pack: Pack, name: string, bytes: Buffer, mtime: Date, kind: ManifestMember['kind']): Promise<ManifestMember>;
function addBytes(pack: Pack, name: string, bytes: Buffer, mtime: Date, kind?: ManifestMember['kind']): Promise<ManifestMember | void> {
  return new Promise((resolve, reject) => {
    pack.entry({ name, size: bytes.length, mode: 0o600, mtime }, bytes, (error) => {
      if (error) reject(error);
      else resolve(kind ? { path: name, kind, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } : undefined);
    });
  });
}

/** One file streamed into the tar as it is, hashed on the way; a file that changed size fails the backup. */
async function addFile(
  pack: Pack,
  name: string,
  kind: ManifestMember['kind'],
  absolute: string,
  size: number,
  mtime: Date,
  advance: (bytes: number) => void,
  stopped: Promise<never>,
): Promise<ManifestMember> {
  if (size === 0) return Promise.race([addBytes(pack, name, Buffer.alloc(0), mtime, kind), stopped]);
  let file: FileHandle;
  try {
    file = await open(absolute, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoreError('CONFLICT', backupMessages.changedDuringBackup, { cause: error });
    throw error;
  }
  const hash = createHash('sha256');
  let finished!: Promise<void>;
  let entry!: ReturnType<Pack['entry']>;
  try {
    finished = new Promise<void>((resolve, reject) => {
      entry = pack.entry({ name, size, mode: 0o600, mtime }, (error) => (error ? reject(error) : resolve()));
    });
    finished.catch(() => undefined);
    for (let position = 0; position < size;) {
      // A new buffer each time: the tar holds on to it until it is written.
      const piece = Buffer.allocUnsafe(Math.min(readPieceBytes, size - position));
      const { bytesRead } = await file.read(piece, 0, piece.length, position);
      // Files under the data folder are written once and never changed; one that shrank is being replaced.
      if (bytesRead === 0) throw new StoreError('CONFLICT', backupMessages.changedDuringBackup);
      const bytes = bytesRead === piece.length ? piece : piece.subarray(0, bytesRead);
      hash.update(bytes);
      position += bytesRead;
      advance(bytesRead);
      if (!entry.write(bytes)) await Promise.race([new Promise<void>((resolve) => entry.once('drain', () => resolve())), stopped]);
    }
    (entry as unknown as { end(): void }).end();
    await Promise.race([finished, stopped]);
    // One that grew is being replaced too.
    if ((await file.stat()).size !== size) throw new StoreError('CONFLICT', backupMessages.changedDuringBackup);
  } finally {
    await file.close();
  }
  return { path: name, kind, size, sha256: hash.digest('hex') };
}

/** Writes what the tar gives out to the file in runs of a few MB: few system calls, little memory. */
async function drainInto(pack: Pack, handle: FileHandle): Promise<void> {
  let run: Buffer[] = [];
  let runBytes = 0;
  // The description goes to the file at once: a .partial cut short later still says whose it is.
  let first = true;
  for await (const chunk of pack) {
    run.push(chunk as Buffer);
    runBytes += (chunk as Buffer).length;
    if (runBytes >= writeRunBytes || run.length >= 512 || (first && runBytes >= 4096)) {
      first = false;
      await writeAll(handle, run);
      run = [];
      runBytes = 0;
    }
  }
  if (runBytes > 0) await writeAll(handle, run);
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
