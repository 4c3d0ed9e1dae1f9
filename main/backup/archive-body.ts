import { createHash } from 'node:crypto';
import { backupMessages, damaged } from './backup-messages';
import { BackupManifest, type ManifestMember } from './manifest';

/**
 * The plaintext inside the sealed parts: a run of records, each
 *   kind (u8: 1 member, 2 list of contents)  name length (u16)  name  size (u64)  bytes
 * with the list of contents (the manifest) last. Only ever held in memory, a part at a time.
 */
const memberKind = 1;
const manifestKind = 2;
const maxManifestBytes = 16 * 1024 * 1024;
const pieceSize = 1024 * 1024;

export function recordHead(kind: 'member' | 'manifest', name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const head = Buffer.alloc(1 + 2 + nameBytes.length + 8);
  head.writeUInt8(kind === 'member' ? memberKind : manifestKind, 0);
  head.writeUInt16BE(nameBytes.length, 1);
  nameBytes.copy(head, 3);
  head.writeBigUInt64BE(BigInt(size), 3 + nameBytes.length);
  return head;
}

/**
 * A member's name becomes a path under the restored data folder, so it is held to the shape
 * SkinLedger writes: forward slashes, no empty, "." or ".." segment, nothing absolute, no
 * drive letter, backslash, colon or control character. A crafted backup cannot write outside
 * the folder it is restored into.
 */
export function isSafeMemberPath(name: string): boolean {
  if (name.length === 0 || name.length > 1024) return false;
  if (/[\\:]/.test(name) || [...name].some((char) => char.charCodeAt(0) < 0x20)) return false;
  return name.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** Reads the decrypted parts as one stream of bytes. */
export class PlainStream {
  private current: Buffer = Buffer.alloc(0);
  private ended = false;

  constructor(private readonly parts: AsyncIterator<Buffer>) {}

  async readExact(length: number): Promise<Buffer> {
    const pieces: Buffer[] = [];
    let needed = length;
    while (needed > 0) {
      const piece = await this.readUpTo(needed);
      if (piece.length === 0) throw damaged(backupMessages.contentsMismatch('the contents end early'));
      pieces.push(piece);
      needed -= piece.length;
    }
    return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
  }

  /** Up to `length` bytes; empty only at the end. */
  async readUpTo(length: number): Promise<Buffer> {
    if (this.current.length === 0 && !(await this.fill())) return Buffer.alloc(0);
    const piece = this.current.subarray(0, length);
    this.current = this.current.subarray(piece.length);
    return piece;
  }

  async atEnd(): Promise<boolean> {
    return this.current.length === 0 && !(await this.fill());
  }

  private async fill(): Promise<boolean> {
    while (this.current.length === 0 && !this.ended) {
      const next = await this.parts.next();
      if (next.done) this.ended = true;
      else this.current = next.value;
    }
    return this.current.length > 0;
  }
}

/** What to do with each member as it streams past: restore writes it, verify looks at it. */
export interface MemberVisitor {
  start?(path: string, size: number): Promise<void> | void;
  /** A piece of the member; its buffer is never reused, so it may be kept. */
  data?(piece: Buffer): Promise<void> | void;
  end?(): Promise<void> | void;
}

export interface SeenMember {
  path: string;
  size: number;
  /** Null when the walk was told not to hash (see checkWrittenArchive). */
  sha256: string | null;
}

/**
 * Walks every record, hashing each member unless `hashMembers` is false, and returns what was
 * seen with the manifest that ends the body.
 */
export async function walkBody(stream: PlainStream, visitor: MemberVisitor = {}, { hashMembers = true }: { hashMembers?: boolean } = {}): Promise<{ seen: SeenMember[]; manifest: BackupManifest }> {
  const seen: SeenMember[] = [];
  for (;;) {
    if (await stream.atEnd()) throw damaged(backupMessages.contentsMismatch('the list of contents is missing'));
    const head = await stream.readExact(3);
    const kind = head.readUInt8(0);
    const name = (await stream.readExact(head.readUInt16BE(1))).toString('utf8');
    const bigSize = (await stream.readExact(8)).readBigUInt64BE(0);
    if (bigSize > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged(backupMessages.contentsMismatch('a member of impossible size'));
    const size = Number(bigSize);
    if (kind === manifestKind) {
      if (size > maxManifestBytes) throw damaged(backupMessages.contentsMismatch('a list of contents of impossible size'));
      const manifest = parseManifest(await stream.readExact(size));
      if (!(await stream.atEnd())) throw damaged(backupMessages.contentsMismatch('data after the list of contents'));
      return { seen, manifest };
    }
    if (kind !== memberKind) throw damaged(backupMessages.contentsMismatch('an entry of unknown kind'));
    if (!isSafeMemberPath(name)) throw damaged(backupMessages.contentsMismatch('a member whose name points outside the data folder'));
    await visitor.start?.(name, size);
    const hash = hashMembers ? createHash('sha256') : null;
    let remaining = size;
    while (remaining > 0) {
      const piece = await stream.readUpTo(Math.min(remaining, pieceSize));
      if (piece.length === 0) throw damaged(backupMessages.contentsMismatch('the contents end inside a member'));
      hash?.update(piece);
      await visitor.data?.(piece);
      remaining -= piece.length;
    }
    await visitor.end?.();
    seen.push({ path: name, size, sha256: hash ? hash.digest('hex') : null });
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
 * The member is the one listed: same name and size, and the same hash. Only a caller that walked
 * without hashing, on purpose, passes `compareHashes` false (see checkWrittenArchive); a member
 * walked without a hash never matches otherwise.
 */
export function memberMatches(listed: ManifestMember, seen: SeenMember, compareHashes = true): boolean {
  return listed.path === seen.path && listed.size === seen.size && (!compareHashes || (seen.sha256 !== null && listed.sha256 === seen.sha256));
}
