import { createHash } from 'node:crypto';
import { archiveMagic, type ArchiveHeader } from './archive-format';
import { deriveArchiveKeys, unlockArchive, wipeKeys, type ArchiveUnlock } from './archive-keys';
import { assertHeaderAuthentic, decryptParts, openArchive } from './archive-reader';
import { memberMatches, PlainStream, walkBody, type MemberVisitor, type SeenMember } from './archive-body';
import { backupMessages, damaged } from './backup-messages';
import { databaseMemberPath, keySlotsMemberPath, type BackupManifest } from './manifest';
import { openBackupFile, readTarArchive, readTarStart } from './tar-reader';

export interface ReadArchiveOptions {
  visitor?: MemberVisitor;
  /** Bytes of the file read so far, of its size. */
  onProgress?: (done: number, total: number) => void;
}

/** What both formats say about a backup without a key. */
export type BackupInfo = Pick<ArchiveHeader, 'archiveId' | 'storeId' | 'createdAt' | 'appVersion' | 'schemaVersion'>;

export interface ReadArchive {
  header: BackupInfo;
  manifest: BackupManifest;
  /** The backup's data key: the caller wipes it. */
  dataKey: Buffer;
  /** Whose password opened it, if a password did. */
  staffId: string | null;
  sizeBytes: number;
}

/**
 * Reads a whole backup through, in whichever format it was written: the tar format
 * (tar-reader.ts), or the sealed-parts format of SkinLedger before it, which still verifies and
 * restores. Nothing is written unless the visitor writes it; a visitor sees members before the
 * list that vouches for them, so restore runs this once without one first.
 */
export async function readArchive(path: string, unlock: ArchiveUnlock, options: ReadArchiveOptions = {}): Promise<ReadArchive> {
  if (await isVersion1(path)) return readVersion1Archive(path, unlock, options);
  const read = await readTarArchive(path, unlock, options);
  return { header: read.description, manifest: read.manifest, dataKey: read.dataKey, staffId: read.staffId, sizeBytes: read.sizeBytes };
}

/** The description of a backup file in either format, read with no key. */
export async function describeBackupFile(path: string): Promise<BackupInfo> {
  if (await isVersion1(path)) {
    const archive = await openArchive(path);
    await archive.close();
    return archive.header;
  }
  return (await readTarStart(path)).description;
}

async function isVersion1(path: string): Promise<boolean> {
  const handle = await openBackupFile(path);
  try {
    const head = Buffer.alloc(archiveMagic.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(archiveMagic);
  } finally {
    await handle.close();
  }
}

/**
 * The format before the tar one. Reads a whole backup through: the key, the header's MAC, every part in order, every member
 * against the list of contents. Nothing is written unless the visitor writes it; a visitor sees
 * members before the list that vouches for them, so restore runs this once without one first.
 */
async function readVersion1Archive(path: string, unlock: ArchiveUnlock, options: ReadArchiveOptions): Promise<ReadArchive> {
  const archive = await openArchive(path);
  try {
    const { dataKey, staffId } = await unlockArchive(archive.header, unlock);
    const keys = deriveArchiveKeys(dataKey, archive.header);
    try {
      assertHeaderAuthentic(archive, keys);
      options.onProgress?.(archive.bodyStart, archive.size);
      const parts = decryptParts(archive, keys, (read) => options.onProgress?.(read, archive.size));
      const { seen, manifest } = await walkBody(new PlainStream(parts), options.visitor);
      checkContents(archive.header, manifest, seen);
      return { header: archive.header, manifest, dataKey, staffId, sizeBytes: archive.size };
    } catch (error) {
      dataKey.fill(0);
      throw error;
    } finally {
      wipeKeys(keys);
    }
  } finally {
    await archive.close();
  }
}

/**
 * The list of contents against the header and the members walked: the same backup, every member
 * in its place with its name and size (and hash, unless `compareHashes` is false), the database
 * and the key file there once each, the key file the header's, no name twice.
 */
export function checkContents(header: ArchiveHeader, manifest: BackupManifest, seen: SeenMember[], compareHashes = true): void {
  const sameBackup = manifest.archiveId === header.archiveId && manifest.storeId === header.storeId && manifest.createdAt === header.createdAt && manifest.schemaVersion === header.schemaVersion;
  if (!sameBackup) throw damaged(backupMessages.contentsMismatch('the list of contents belongs to another backup'));
  if (manifest.members.length !== seen.length) {
    throw damaged(backupMessages.contentsMismatch(`${seen.length} members found, ${manifest.members.length} listed`));
  }
  manifest.members.forEach((listed, index) => {
    const found = seen[index]!;
    if (!memberMatches(listed, found, compareHashes)) throw damaged(backupMessages.contentsMismatch(`${found.path} is not what the list says`));
  });
  const database = manifest.members.filter((member) => member.kind === 'database');
  const keySlots = manifest.members.filter((member) => member.kind === 'key-slots');
  if (database.length !== 1 || database[0]!.path !== databaseMemberPath) throw damaged(backupMessages.contentsMismatch('the database is missing'));
  if (keySlots.length !== 1 || keySlots[0]!.path !== keySlotsMemberPath) throw damaged(backupMessages.contentsMismatch('the key file is missing'));
  const headerSlots = createHash('sha256').update(header.keySlots, 'utf8').digest('hex');
  if (keySlots[0]!.sha256 !== headerSlots) throw damaged(backupMessages.contentsMismatch('the key file differs from the header'));
  const paths = new Set(seen.map((member) => member.path.toLowerCase()));
  // Case-folded: on Windows and macOS two names differing only in case would overwrite each other.
  if (paths.size !== seen.length) throw damaged(backupMessages.contentsMismatch('a member appears twice'));
}
