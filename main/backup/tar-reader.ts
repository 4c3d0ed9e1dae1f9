import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { extract as tarExtract, type Extract } from 'tar-stream';
import { verifyKeySlotFile } from '../crypto/key-slot-file';
import { chosenFileFlags } from '../files/read-chosen-file';
import { StoreError } from '../store/store-error';
import { isSafeMemberPath, type MemberVisitor, type SeenMember } from './archive-body';
import { keySlotsOf, unlockKeySlots, type ArchiveUnlock } from './archive-keys';
import { backupMessages, damaged } from './backup-messages';
import { BackupManifest, databaseMemberPath, keySlotsMemberPath } from './manifest';
import {
  BackupDescription,
  descriptionMemberPath,
  manifestMacKey,
  manifestMacMatches,
  manifestMacMemberPath,
  manifestMemberPath,
  maxDescriptionBytes,
  maxKeySlotsBytes,
  maxManifestBytes,
  tarBlocks,
  tarFormatVersion,
} from './tar-format';

export interface ReadTarOptions {
  visitor?: MemberVisitor;
  onProgress?: (done: number, total: number) => void;
}

export interface ReadTarArchive {
  description: BackupDescription;
  manifest: BackupManifest;
  dataKey: Buffer;
  staffId: string | null;
  sizeBytes: number;
}

const readPieceBytes = 1024 * 1024;

/**
 * Reads a tar backup through, front to back, once: the description; the key file, which unwraps
 * the data key (the only member used before the MAC is checked, and only to unwrap: its own MAC
 * under the data key is checked at once); every member, hashed as it streams past the visitor;
 * the manifest and its MAC. Then, in this order: the MAC (nobody without the key changed the
 * description or the manifest), the file ends where the tar ends, every member is the listed one
 * with its size and hash, in the listed order. Nothing a visitor wrote may be used before this
 * returns: restore runs it once without writing first.
 */
export async function readTarArchive(path: string, unlock: ArchiveUnlock, options: ReadTarOptions = {}): Promise<ReadTarArchive> {
  const start = await readTarStart(path);
  const size = start.fileSize;
  const extract = tarExtract();
  let stopped = false;
  const feeding = feed(
    path,
    extract,
    () => stopped,
    (read) => options.onProgress?.(read, size),
  );
  feeding.catch(() => undefined);

  let description: BackupDescription | null = null;
  let descriptionBytes: Buffer | null = null;
  let unlocked: { dataKey: Buffer; staffId: string | null } | null = null;
  let manifestBytes: Buffer | null = null;
  /** Set only once the manifest's MAC is checked and the file ends where the tar does. */
  let sealed = false;
  const seen: SeenMember[] = [];
  const layout: { offset: number; size: number }[] = [];
  try {
    let index = 0;
    try {
      for await (const entry of extract) {
        const { name, size: entrySize, type } = entry.header;
        // SkinLedger writes plain ustar headers only; anything else is not its file.
        if (entry.header.pax) throw damaged(backupMessages.damagedStructure);
        layout.push({ offset: entry.offset, size: entrySize });
        if (index === 0) {
          // readTarStart has checked the name; the JSON is held to its schema.
          descriptionBytes = await readSmall(entry, maxDescriptionBytes);
          description = start.description;
          if (!descriptionBytes.equals(start.descriptionBytes)) throw damaged(backupMessages.headerAltered);
        } else if (manifestBytes === null && name === manifestMemberPath) {
          manifestBytes = await readSmall(entry, maxManifestBytes);
        } else if (manifestBytes !== null) {
          if (name !== manifestMacMemberPath || type !== 'file') throw damaged(backupMessages.contentsMismatch('the seal of the list of contents is missing'));
          const mac = Buffer.from((await readSmall(entry, 128)).toString('utf8'), 'hex');
          const key = manifestMacKey(unlocked!.dataKey, description!);
          const authentic = manifestMacMatches(key, descriptionBytes!, manifestBytes, mac);
          key.fill(0);
          if (!authentic) throw damaged(backupMessages.headerAltered);
          const end = entry.offset + tarBlocks(entrySize) + 1024;
          if (size > end) throw damaged(backupMessages.trailingData);
          if (size < end) throw damaged(backupMessages.incomplete);
          await checkLayout(path, layout, end);
          sealed = true;
          break;
        } else {
          if (type !== 'file' || !isSafeMemberPath(name)) throw damaged(backupMessages.contentsMismatch('a member whose name points outside the data folder'));
          if (index === 1) {
            if (name !== keySlotsMemberPath) throw damaged(backupMessages.contentsMismatch('the key file is missing'));
            const keySlots = await readSmall(entry, maxKeySlotsBytes);
            unlocked = await unlockKeySlots(keySlots.toString('utf8'), description!.storeId, unlock);
            checkKeyFileMac(keySlots, description!.storeId, unlocked.dataKey);
            await visitWhole(options.visitor, name, keySlots);
            seen.push({ path: name, size: keySlots.length, sha256: sha256(keySlots) });
          } else {
            seen.push(await visitMember(options.visitor, name, entrySize, entry));
          }
        }
        index++;
      }
    } catch (error) {
      throw asReadFailure(error);
    }
    if (!unlocked || !description) throw damaged(backupMessages.incomplete);
    if (!sealed || manifestBytes === null) throw damaged(backupMessages.incomplete);
    const manifest = parseManifest(manifestBytes);
    checkTarContents(description, manifest, seen);
    return { description, manifest, dataKey: unlocked.dataKey, staffId: unlocked.staffId, sizeBytes: size };
  } catch (error) {
    unlocked?.dataKey.fill(0);
    throw error;
  } finally {
    stopped = true;
    extract.destroy();
    await feeding.catch(() => undefined);
  }
}

/** Hands the file to the tar reader piece by piece, as fast as it takes them, until told to stop. */
async function feed(path: string, extract: Extract, stopped: () => boolean, onRead: (bytes: number) => void): Promise<void> {
  const handle = await openBackupFile(path);
  try {
    for (let position = 0; !stopped();) {
      const piece = Buffer.allocUnsafe(readPieceBytes);
      const { bytesRead } = await handle.read(piece, 0, piece.length, position);
      if (stopped()) return;
      if (bytesRead === 0) {
        (extract as unknown as { end(): void }).end();
        return;
      }
      position += bytesRead;
      onRead(position);
      if (!extract.write(bytesRead === piece.length ? piece : piece.subarray(0, bytesRead))) {
        await new Promise<void>((resolve) => {
          const go = () => resolve();
          extract.once('drain', go);
          extract.once('close', go);
        });
      }
    }
  } finally {
    await handle.close();
  }
}

/**
 * The bytes of the tar that hold no member data and that tar readers skip: the padding after each
 * member, the two bytes that end each header's checksum, and the two empty blocks at the end.
 * The MAC and the hashes vouch for everything else (every other header byte is under its
 * checksum), so with these as SkinLedger writes them (zeros; a space and a zero) no byte of the
 * file can change unseen. One read per member.
 */
async function checkLayout(path: string, layout: { offset: number; size: number }[], end: number): Promise<void> {
  const handle = await openBackupFile(path);
  try {
    let from = 0;
    const zeroUpTo = async (to: number, header: boolean) => {
      const bytes = Buffer.alloc(to - from);
      const { bytesRead } = await handle.read(bytes, 0, bytes.length, from);
      if (bytesRead !== bytes.length) throw damaged(backupMessages.incomplete);
      const padding = header ? bytes.subarray(0, bytes.length - 512) : bytes;
      if (padding.some((byte) => byte !== 0)) throw damaged(backupMessages.damagedStructure);
      if (header) {
        const block = bytes.subarray(bytes.length - 512);
        if (block[154] !== 0x20 || block[155] !== 0 || !/^[0-7]{6}$/.test(block.subarray(148, 154).toString('latin1'))) throw damaged(backupMessages.damagedStructure);
      }
    };
    for (const { offset, size } of layout) {
      if (offset < from) throw damaged(backupMessages.damagedStructure);
      await zeroUpTo(offset + 512, true);
      from = offset + 512 + size;
    }
    await zeroUpTo(end, false);
  } finally {
    await handle.close();
  }
}

/** The description at the head of a tar backup, read with no key: for lists and the restore screen. */
export async function readTarStart(path: string): Promise<{ description: BackupDescription; descriptionBytes: Buffer; fileSize: number }> {
  const handle = await openBackupFile(path);
  try {
    const stat = await handle.stat();
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, 512, 0);
    const nameBytes = Buffer.from(descriptionMemberPath + '\0', 'latin1');
    if (bytesRead < nameBytes.length || !head.subarray(0, nameBytes.length).equals(nameBytes)) throw damaged(backupMessages.notABackup);
    if (bytesRead < 512) throw damaged(backupMessages.incomplete);
    const length = parseInt(head.subarray(124, 136).toString('latin1').replace(/\0.*$/, '').trim(), 8);
    if (!Number.isInteger(length) || length <= 0 || length > maxDescriptionBytes) throw damaged(backupMessages.headerAltered);
    const json = Buffer.alloc(length);
    const rest = await handle.read(json, 0, length, 512);
    if (rest.bytesRead < length) throw damaged(backupMessages.incomplete);
    return { description: parseDescription(json), descriptionBytes: json, fileSize: stat.size };
  } finally {
    await handle.close();
  }
}

/** Opens a backup file chosen from anywhere: never blocks on a pipe, refuses what is not a plain file. */
export async function openBackupFile(path: string) {
  let handle;
  try {
    handle = await open(path, chosenFileFlags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new StoreError('NOT_FOUND', backupMessages.backupMissing, { cause: error });
    throw error;
  }
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    throw damaged(backupMessages.notABackup);
  }
  return handle;
}

function parseDescription(json: Buffer): BackupDescription {
  let raw: unknown;
  try {
    raw = JSON.parse(json.toString('utf8'));
  } catch {
    throw damaged(backupMessages.headerAltered);
  }
  const version = typeof raw === 'object' && raw !== null && 'version' in raw ? (raw as { version: unknown }).version : undefined;
  if (typeof version === 'number' && version > tarFormatVersion) throw damaged(backupMessages.unsupportedVersion);
  const parsed = BackupDescription.safeParse(raw);
  if (!parsed.success) throw damaged(backupMessages.headerAltered);
  return parsed.data;
}

/** The key file's own MAC under the data key just unwrapped: slots nobody without the key rewrote. */
function checkKeyFileMac(keySlots: Buffer, storeId: string, dataKey: Buffer): void {
  try {
    verifyKeySlotFile(keySlotsOf(keySlots.toString('utf8'), storeId), dataKey);
  } catch {
    dataKey.fill(0);
    throw damaged(backupMessages.headerAltered);
  }
}

function parseManifest(bytes: Buffer): BackupManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damaged(backupMessages.contentsMismatch('the list of contents cannot be read'));
  }
  const parsed = BackupManifest.safeParse(raw);
  if (!parsed.success) throw damaged(backupMessages.contentsMismatch('the list of contents cannot be read'));
  return parsed.data;
}

/**
 * The manifest (already proven by its MAC) against the description and the members read: the
 * same backup, every member in its place with its name, size and hash, the key file first and
 * the database once, no name twice.
 */
export function checkTarContents(description: BackupDescription, manifest: BackupManifest, seen: SeenMember[]): void {
  const sameBackup =
    manifest.archiveId === description.archiveId && manifest.storeId === description.storeId && manifest.createdAt === description.createdAt && manifest.schemaVersion === description.schemaVersion;
  if (!sameBackup) throw damaged(backupMessages.contentsMismatch('the list of contents belongs to another backup'));
  const listedPaths = manifest.members.map((member) => member.path);
  seen.forEach((found, index) => {
    const listed = manifest.members[index];
    if (listed?.path === found.path) return;
    if (listed && listedPaths.includes(found.path)) throw damaged(backupMessages.reorderedMember(found.path, listed.path));
    throw damaged(backupMessages.contentsMismatch(`${found.path} is not listed`));
  });
  if (manifest.members.length !== seen.length) throw damaged(backupMessages.contentsMismatch(`${seen.length} members found, ${manifest.members.length} listed`));
  manifest.members.forEach((listed, index) => {
    const found = seen[index]!;
    if (listed.size !== found.size) throw damaged(backupMessages.contentsMismatch(`${found.path} is not what the list says`));
    if (listed.sha256 !== found.sha256) throw damaged(backupMessages.damagedMember(found.path));
  });
  const database = manifest.members.filter((member) => member.kind === 'database');
  const keySlots = manifest.members.filter((member) => member.kind === 'key-slots');
  if (database.length !== 1 || database[0]!.path !== databaseMemberPath) throw damaged(backupMessages.contentsMismatch('the database is missing'));
  if (keySlots.length !== 1 || keySlots[0]!.path !== keySlotsMemberPath) throw damaged(backupMessages.contentsMismatch('the key file is missing'));
  // Case-folded: on Windows and macOS two names differing only in case would overwrite each other.
  if (new Set(seen.map((member) => member.path.toLowerCase())).size !== seen.length) throw damaged(backupMessages.contentsMismatch('a member appears twice'));
}

async function readSmall(entry: AsyncIterable<unknown>, limit: number): Promise<Buffer> {
  const pieces: Buffer[] = [];
  let length = 0;
  for await (const piece of entry) {
    length += (piece as Buffer).length;
    if (length > limit) throw damaged(backupMessages.contentsMismatch('a member of impossible size'));
    pieces.push(piece as Buffer);
  }
  return Buffer.concat(pieces);
}

async function visitWhole(visitor: MemberVisitor | undefined, name: string, bytes: Buffer): Promise<void> {
  await visitor?.start?.(name, bytes.length);
  if (bytes.length > 0) await visitor?.data?.(bytes);
  await visitor?.end?.();
}

async function visitMember(visitor: MemberVisitor | undefined, name: string, size: number, entry: AsyncIterable<unknown>): Promise<SeenMember> {
  await visitor?.start?.(name, size);
  const hash = createHash('sha256');
  let length = 0;
  for await (const piece of entry) {
    hash.update(piece as Buffer);
    length += (piece as Buffer).length;
    await visitor?.data?.(piece as Buffer);
  }
  await visitor?.end?.();
  return { path: name, size: length, sha256: hash.digest('hex') };
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** tar-stream's own errors, in the clinic's words: a file cut short, or a tar header that does not read. */
function asReadFailure(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const message = (error as Error | undefined)?.message ?? '';
  if (/Unexpected end|premature/i.test(message)) return damaged(backupMessages.incomplete);
  if (/header|checksum|size/i.test(message)) return damaged(backupMessages.damagedStructure);
  return error;
}
