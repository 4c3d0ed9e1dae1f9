import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { backupMessages, damaged } from './backup-messages';
import { isPlainSqliteHeader } from './snapshot';

const headerLength = 16;

/**
 * Writes one member to a new file. For the database it first holds back the opening bytes and
 * refuses the whole file if they are SQLite's plaintext header: an unencrypted database never
 * reaches the disk, not even in a temp folder.
 */
export class MemberFile {
  private held: Buffer[] = [];
  private heldBytes = 0;
  private checked: boolean;

  private constructor(
    private readonly handle: FileHandle,
    mustBeEncrypted: boolean,
  ) {
    this.checked = !mustBeEncrypted;
  }

  static async create(path: string, mustBeEncrypted: boolean): Promise<MemberFile> {
    const handle = await open(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
    return new MemberFile(handle, mustBeEncrypted);
  }

  async write(piece: Buffer): Promise<void> {
    if (this.checked) return this.put(piece);
    this.held.push(Buffer.from(piece));
    this.heldBytes += piece.length;
    if (this.heldBytes >= headerLength) await this.release();
  }

  /** Flushes to the disk and closes. */
  async finish(): Promise<void> {
    if (!this.checked) await this.release();
    await this.handle.sync();
    await this.handle.close();
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }

  private async release(): Promise<void> {
    const start = Buffer.concat(this.held);
    this.held = [];
    if (isPlainSqliteHeader(start)) throw damaged(backupMessages.plaintextDatabase);
    this.checked = true;
    await this.put(start);
  }

  private async put(bytes: Buffer): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) offset += (await this.handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
  }
}
