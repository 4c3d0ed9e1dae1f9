import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { backupMessages, damaged } from './backup-messages';
import { isPlainSqliteHeader } from './snapshot';
import { writeAll } from './write-all';

const headerLength = 16;
/** Restored files are written in runs of about this size, not one system call per decrypted slice. */
const writeRunBytes = 4 * 1024 * 1024;

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

  /** Keeps `piece` until it is written: the caller hands over a buffer it will not change. */
  async write(piece: Buffer): Promise<void> {
    this.held.push(piece);
    this.heldBytes += piece.length;
    if (!this.checked && this.heldBytes >= headerLength) this.checkStart();
    if (this.checked && this.heldBytes >= writeRunBytes) await this.release();
  }

  /** Flushes to the disk and closes. */
  async finish(): Promise<void> {
    if (!this.checked) this.checkStart();
    await this.release();
    await this.handle.sync();
    await this.handle.close();
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }

  private checkStart(): void {
    if (isPlainSqliteHeader(Buffer.concat(this.held).subarray(0, headerLength))) throw damaged(backupMessages.plaintextDatabase);
    this.checked = true;
  }

  private async release(): Promise<void> {
    const pieces = this.held;
    this.held = [];
    this.heldBytes = 0;
    await writeAll(this.handle, pieces);
  }
}
