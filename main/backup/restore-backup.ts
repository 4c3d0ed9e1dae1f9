import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { BackupProgress, RecordCounts } from '../../shared/contract/backup-channels';
import { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { keySlotFileName, readKeySlotFile } from '../crypto/key-slot-file';
import { inspectDataFolder, dataFolder } from '../store/data-folder';
import { migrations } from '../store/migrations';
import { openDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import { Vault } from '../vault/vault';
import type { ArchiveUnlock } from './archive-keys';
import type { MemberVisitor } from './archive-body';
import { backupMessages, damaged } from './backup-messages';
import { readBackupRecord, writeBackupRecord } from './backup-records';
import { checkDatabaseCopy } from './database-copy-check';
import { MemberFile } from './encrypted-file-sink';
import { databaseMemberPath } from './manifest';
import { readArchive, type ReadArchive } from './read-archive';
import { clearRestoreJournal, finishInterruptedRestore, placeRestoredFolder, restoringMarker as marker, writeRestoreJournal, type RestoreJournal } from './restore-journal';
import { isPlainSqliteHeader } from './snapshot';
import { syncFolder, syncFolderOf } from '../files/durable-file';

export interface RestoreRequest {
  archivePath: string;
  unlock: ArchiveUnlock;
  clock: Clock;
  /** Who restores, when someone is signed in; otherwise whose password opened the backup. */
  staffId?: string | null;
  via: 'app' | 'cli';
  onProgress?: (progress: BackupProgress) => void;
  /**
   * Runs once the whole backup has been checked and before anything is written: the app closes
   * its open store here, so nothing is closed for a backup that turns out to be bad.
   */
  beforeWriting?: () => void | Promise<void>;
}

export interface RestoredStore {
  backupCreatedAt: string;
  counts: RecordCounts;
  /** Where the store that was replaced now is; null when the folder was empty. */
  replacedFolder: string | null;
}

/**
 * Restores a backup into an empty or absent folder (a new PC, or `restore --data NEWDIR`). The
 * backup is checked in full first: a wrong key, a damaged, cut-off, reordered or altered file is
 * refused before anything is created. It is then written to `<folder>.restoring`, proven (opens
 * with the key, integrity check, counts equal the list), and only then moved into place. On any
 * failure only the `.restoring` folder is removed.
 */
export async function restoreIntoEmptyFolder(targetDir: string, request: RestoreRequest): Promise<RestoredStore> {
  const target = resolve(targetDir);
  finishInterruptedRestore(target);
  if (inspectDataFolder(dataFolder(target)) !== 'empty') throw new StoreError('STORE_ALREADY_EXISTS', backupMessages.targetNotEmpty);
  const restoring = `${target}.restoring`;
  assertRestoringFolderFree(restoring);
  const checked = await checkBeforeRestore(request);
  try {
    await request.beforeWriting?.();
    const restored = await restoreInto(restoring, checked, request, 'new');
    journalMoves(target, { restoring, aside: null });
    placeRestoredFolder(restoring, target);
    clearRestoreJournal(target);
    return { ...restored, replacedFolder: null };
  } catch (error) {
    rmSync(restoring, { recursive: true, force: true });
    throw error;
  } finally {
    checked.dataKey.fill(0);
  }
}

/**
 * Replaces the store in `dataDir` with a backup (from Settings, or over a damaged store). Call it
 * with the store closed. The backup is checked in full and restored into `<data>.restoring`, and
 * proven there; only then is the live folder moved aside to `<data>.replaced-<time>` and the
 * restored one put in its place. The folder moved aside is deleted only by an admin, from
 * Settings → Backups (it holds records, purged clients' included).
 */
export async function replaceStoreFromBackup(dataDir: string, request: RestoreRequest): Promise<RestoredStore> {
  const target = resolve(dataDir);
  finishInterruptedRestore(target);
  if (inspectDataFolder(dataFolder(target)) === 'empty') return restoreIntoEmptyFolder(target, request);
  const restoring = `${target}.restoring`;
  assertRestoringFolderFree(restoring);
  const checked = await checkBeforeRestore(request);
  try {
    await request.beforeWriting?.();
    const restored = await restoreInto(restoring, checked, request, 'replace');
    const aside = asideName(target, request.clock.now());
    // From here the two moves are journalled: a crash between them is finished at the next start.
    journalMoves(target, { restoring, aside });
    renameSync(target, aside);
    try {
      renameSync(restoring, target);
    } catch (error) {
      renameSync(aside, target);
      clearRestoreJournal(target);
      throw error;
    }
    syncFolderOf(target);
    clearRestoreJournal(target);
    return { ...restored, replacedFolder: aside };
  } catch (error) {
    rmSync(restoring, { recursive: true, force: true });
    throw error;
  } finally {
    checked.dataKey.fill(0);
  }
}

/** Pass one: the whole file, read and checked, nothing written. */
async function checkBeforeRestore(request: RestoreRequest): Promise<ReadArchive> {
  let databaseStart: Buffer | null = null;
  const visitor: MemberVisitor = {
    start: (path) => {
      databaseStart = path === databaseMemberPath ? Buffer.alloc(0) : null;
    },
    data: (piece) => {
      if (databaseStart && databaseStart.length < 16) databaseStart = Buffer.concat([databaseStart, piece.subarray(0, 16)]);
    },
    end: () => {
      if (databaseStart && isPlainSqliteHeader(databaseStart)) throw damaged(backupMessages.plaintextDatabase);
      databaseStart = null;
    },
  };
  const read = await readArchive(request.archivePath, request.unlock, {
    visitor,
    onProgress: (done, total) => request.onProgress?.({ activity: 'restore', phase: 'reading', done, total }),
  });
  if (read.manifest.schemaVersion > migrations.length) {
    read.dataKey.fill(0);
    throw new StoreError('STORE_FROM_NEWER_VERSION', backupMessages.newerSchema);
  }
  return read;
}

/** Pass two: the file again (checked again as it goes), written into the .restoring folder and proven there. */
async function restoreInto(restoring: string, checked: ReadArchive, request: RestoreRequest, mode: 'new' | 'replace'): Promise<Omit<RestoredStore, 'replacedFolder'>> {
  mkdirSync(dirname(restoring), { recursive: true, mode: 0o700 });
  mkdirSync(restoring, { mode: 0o700 });
  writeFileSync(join(restoring, marker), 'A SkinLedger restore was in progress here. Safe to delete.\n');
  let sink: MemberFile | null = null;
  const visitor: MemberVisitor = {
    start: async (path, _size) => {
      const destination = resolve(restoring, ...path.split('/'));
      if (!destination.startsWith(restoring + sep)) throw damaged(backupMessages.contentsMismatch('a member whose name points outside the data folder'));
      mkdirSync(dirname(destination), { recursive: true, mode: 0o700 });
      sink = await MemberFile.create(destination, path === databaseMemberPath);
    },
    data: (piece) => sink?.write(piece),
    end: async () => {
      await sink?.finish();
      sink = null;
    },
  };
  try {
    await readArchive(
      request.archivePath,
      { kind: 'data-key', dataKey: checked.dataKey, storeId: checked.header.storeId },
      { visitor, onProgress: (done, total) => request.onProgress?.({ activity: 'restore', phase: 'restoring', done, total }) },
    ).then((again) => again.dataKey.fill(0));
  } finally {
    await (sink as MemberFile | null)?.discard();
  }

  request.onProgress?.({ activity: 'restore', phase: 'proving', done: 0, total: 1 });
  try {
    readKeySlotFile(join(restoring, keySlotFileName));
  } catch {
    throw damaged(backupMessages.restoredCopyFailed('the key file does not read back'));
  }
  const database = join(restoring, databaseMemberPath);
  const check = checkDatabaseCopy(database, checked.dataKey, checked.manifest.counts);
  if (!check.ok) throw damaged(backupMessages.restoredCopyFailed(check.problem));
  recordRestore(restoring, checked, request, mode);
  // The marker stays until the journal is written (journalMoves): a kill before then leaves a
  // folder the next restore knows it may clear.
  syncFolder(restoring);
  request.onProgress?.({ activity: 'restore', phase: 'proving', done: 1, total: 1 });
  return { backupCreatedAt: checked.header.createdAt, counts: check.counts };
}

/** The restore is the first row the restored trail gets, and the head is anchored after it. */
function recordRestore(restoring: string, checked: ReadArchive, request: RestoreRequest, mode: 'new' | 'replace'): void {
  const vault = new Vault(restoring, { clock: request.clock });
  const db = openDatabase(vault.folder.database, checked.dataKey);
  // Anchoring rewrites the key file, which is MACed under the data key.
  vault.holdDataKey(checked.dataKey);
  try {
    const audit = new AuditLog(db, request.clock, vault);
    const row = audit.append({
      staffId: request.staffId ?? checked.staffId,
      action: 'backup.restore',
      entity: 'store',
      entityId: checked.header.storeId,
      detail: `via=${request.via} mode=${mode} key=${request.unlock.kind} backup-created=${checked.header.createdAt}`,
    });
    // The copied record names the backup before this one (it was written after the snapshot), which
    // rotation may have removed since: Home names the backup the records came back from instead,
    // checked in full just now.
    const record = readBackupRecord(db);
    const file = basename(request.archivePath);
    writeBackupRecord(db, {
      ...record,
      lastSuccessAt: checked.header.createdAt,
      lastSuccessFile: file,
      lastSuccessAuditSeq: row.seq,
      lastError: null,
      verifiedFiles: [...record.verifiedFiles.filter((name) => name !== file), file],
    });
    audit.anchorHead();
  } finally {
    vault.forgetDataKey();
    db.close();
  }
}

/**
 * The journal first, then the marker goes: from here on the proven folder is the journal's to
 * finish, never a leftover to clear.
 */
function journalMoves(target: string, journal: RestoreJournal): void {
  writeRestoreJournal(target, journal);
  rmSync(join(journal.restoring, marker), { force: true });
  syncFolder(journal.restoring);
}

function assertRestoringFolderFree(restoring: string): void {
  if (!existsSync(restoring)) return;
  // Ours from a restore that was killed half-way: it was never put in place, so it can go.
  if (existsSync(join(restoring, marker))) rmSync(restoring, { recursive: true, force: true });
  else throw new StoreError('CONFLICT', backupMessages.leftoverRestore);
}

function asideName(target: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  for (let attempt = 1; ; attempt++) {
    const candidate = join(dirname(target), `${basename(target)}.replaced-${stamp}Z${attempt > 1 ? `-${attempt}` : ''}`);
    if (!existsSync(candidate)) return candidate;
  }
}
