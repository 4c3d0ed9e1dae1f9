import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { open, sealPieces } from '../crypto/aead';
import { replaceFileDurably } from '../files/durable-file';
import { StoreError } from '../store/store-error';
import { photoFileContext, photoFileKinds, photoFilePath, type PhotoFileKind } from './photo-file-names';
import { photoFileKey } from './photo-key';

/** Marks a SkinLedger photo file and its layout: magic, then nonce, tag and ciphertext. */
const magic = Buffer.from('SLPHOTO1', 'ascii');
const nonceLength = 12;
const tagLength = 16;

export type PhotoFileProblem = 'missing' | 'damaged';

export class PhotoFileError extends Error {
  constructor(
    readonly problem: PhotoFileProblem,
    readonly kind: PhotoFileKind,
  ) {
    super(problem === 'missing' ? `The photo's ${kind} file is missing.` : `The photo's ${kind} file is damaged or belongs to another photo.`);
    this.name = 'PhotoFileError';
  }
}

/**
 * Photo files, each sealed with AES-256-GCM under the photo key, a fresh nonce per write and the
 * photo id and kind as associated data. Nothing is written in the clear: the bytes reach the
 * disk already encrypted, under a `.partial` name that backups skip, and get their final name
 * only after they are flushed.
 */
export class PhotoFileStore {
  private readonly key: Buffer;

  constructor(
    private readonly dataDir: string,
    dataKey: Buffer,
  ) {
    this.key = photoFileKey(dataKey);
  }

  write(id: string, kind: PhotoFileKind, plaintext: Uint8Array): void {
    const path = photoFilePath(this.dataDir, id, kind);
    // In slices: a 24 MP original is sealed without a second 12 MB copy of it in one piece.
    const sealed = sealPieces(this.key, Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength), photoFileContext(id, kind));
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    replaceFileDurably(path, [magic, sealed.nonce, sealed.tag, ...sealed.ciphertext], { sibling: `${path}.partial` });
  }

  /** The decrypted bytes; a PhotoFileError when the file is missing, altered or another photo's. */
  read(id: string, kind: PhotoFileKind): Buffer {
    let bytes: Buffer;
    try {
      bytes = readFileSync(photoFilePath(this.dataDir, id, kind));
    } catch {
      throw new PhotoFileError('missing', kind);
    }
    const header = magic.length + nonceLength + tagLength;
    if (bytes.length < header || !bytes.subarray(0, magic.length).equals(magic)) throw new PhotoFileError('damaged', kind);
    const plaintext = open(
      this.key,
      {
        nonce: bytes.subarray(magic.length, magic.length + nonceLength),
        tag: bytes.subarray(magic.length + nonceLength, header),
        ciphertext: bytes.subarray(header),
      },
      photoFileContext(id, kind),
    );
    if (!plaintext) throw new PhotoFileError('damaged', kind);
    return plaintext;
  }

  /** For the screens: a missing or damaged file is a clear message, not a crash. */
  readForScreen(id: string, kind: PhotoFileKind): Buffer {
    try {
      return this.read(id, kind);
    } catch (error) {
      if (error instanceof PhotoFileError) {
        throw new StoreError('NOT_FOUND', `This photo cannot be shown: ${error.message} Run a check (verify) and restore it from a backup.`);
      }
      throw error;
    }
  }

  /** Removes every file of a photo (and any half-written one); absent files are fine. */
  remove(id: string): void {
    for (const kind of photoFileKinds) {
      const path = photoFilePath(this.dataDir, id, kind);
      rmSync(path, { force: true });
      rmSync(`${path}.partial`, { force: true });
    }
  }

  close(): void {
    this.key.fill(0);
  }
}
