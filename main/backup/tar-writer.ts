import type { FileHandle } from 'node:fs/promises';
import { writeAll } from './write-all';

const block = 512;
/** Runs of this size go to the disk in one call while the next run is read and hashed. */
const runBytes = 4 * 1024 * 1024;

/**
 * Writes a plain ustar archive (POSIX.1-1988, as `tar` and tar-stream read it) to an open file:
 * a 512-byte header per member, its bytes padded to 512, two zero blocks at the end. Members are
 * regular files with ASCII names of at most 100 characters after a split at a slash into a 155
 * character prefix; the backup's names always are (the reader refuses anything else).
 *
 * One run is written while the next is filled, so reading, hashing and the disk overlap; the
 * caller's turn of the event loop ends at least once per run, so requests are answered while a
 * backup runs. Memory stays at two runs whatever the archive's size.
 */
export class TarWriter {
  private run: Buffer[] = [];
  private filled = 0;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly handle: FileHandle) {}

  async header(name: string, size: number, mtime: Date): Promise<void> {
    await this.add(ustarHeader(name, size, mtime));
  }

  async add(bytes: Buffer): Promise<void> {
    this.run.push(bytes);
    this.filled += bytes.length;
    if (this.filled >= runBytes) await this.hand();
  }

  /** The zeros that take a member of `size` bytes to the next block. */
  async pad(size: number): Promise<void> {
    const rest = size % block;
    if (rest !== 0) await this.add(Buffer.alloc(block - rest));
  }

  async member(name: string, bytes: Buffer, mtime: Date): Promise<void> {
    await this.header(name, bytes.length, mtime);
    await this.add(bytes);
    await this.pad(bytes.length);
  }

  /** The end-of-archive blocks, then everything on its way to the file. */
  async finish(): Promise<void> {
    await this.add(Buffer.alloc(2 * block));
    await this.hand();
    await this.writing;
  }

  /** Waits for the run before to be written, hands this one over, and lets other work in. */
  private async hand(): Promise<void> {
    await this.writing;
    const run = this.run;
    this.run = [];
    this.filled = 0;
    const writing = writeAll(this.handle, run);
    writing.catch(() => undefined);
    this.writing = writing;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function ustarHeader(path: string, size: number, mtime: Date): Buffer {
  let name = path;
  let prefix = '';
  if (name.length > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0 || name.length - cut - 1 > 100) throw new Error(`a backup member's name is too long for ustar: ${name.length} characters`);
    prefix = name.slice(0, cut);
    name = name.slice(cut + 1);
  }
  if (!/^[\x20-\x7e]*$/.test(path)) throw new Error('a backup member has a name that is not plain ASCII');
  const header = Buffer.alloc(block);
  header.write(name, 0, 'ascii');
  header.write(octal(0o600, 6), 100, 'ascii');
  header.write(octal(0, 6), 108, 'ascii');
  header.write(octal(0, 6), 116, 'ascii');
  header.write(octal(size, 11), 124, 'ascii');
  header.write(octal(Math.floor(mtime.getTime() / 1000), 11), 136, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\u000000', 257, 'ascii');
  header.write(prefix, 345, 'ascii');
  header.fill(0x20, 148, 156);
  const sum = header.reduce((total, byte) => total + byte, 0);
  // As tar-stream writes it (and the reader checks): six digits, a space, a NUL.
  header.write(octal(sum, 6), 148, 'ascii');
  header[155] = 0;
  return header;
}

/** A field of `digits` octal digits and its terminating space (sizes up to 8 GiB, as ustar has). */
function octal(value: number, digits: number): string {
  const text = value.toString(8);
  if (text.length > digits) throw new Error('a backup member is too large for a ustar header');
  return `${text.padStart(digits, '0')} `;
}
