import { createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Checks the database file's page MACs directly, the way SQLCipher's cipher_integrity_check
 * does, without SQLite and without decrypting anything. Our cipher build (SQLite3MultipleCiphers)
 * has no such pragma, and PRAGMA integrity_check never reads free pages, so this is the one
 * check that reads every page of the file.
 *
 * SQLCipher 4 page layout (legacy=4, as open-database.ts configures it):
 * - page 1 starts with the 16-byte salt, kept in the clear;
 * - each page ends with an 80-byte reserve: a 16-byte IV, then a 64-byte HMAC-SHA512;
 * - the HMAC covers the page's ciphertext and IV, followed by the page number as 4 bytes
 *   little-endian, so a page cannot be swapped for another;
 * - its key is PBKDF2-HMAC-SHA512 of the raw data key, salted with the file salt XOR 0x3a,
 *   2 iterations, 32 bytes.
 * Reading a file never changes it, so this is safe on a store that may be damaged.
 */
const saltLength = 16;
const macLength = 64;
const hmacSaltMask = 0x3a;
const fastKdfIterations = 2;
/** SQLite never writes the page holding the byte at 1 GiB (its lock bytes live there). */
const pendingByte = 0x40000000;

export interface PageMacReport {
  pages: number;
  /** Page numbers (1-based) whose MAC does not match, at most `maxListed` of them. */
  badPages: number[];
  badCount: number;
  /** True when the file does not end on a page boundary (a truncated copy). */
  partialLastPage: boolean;
}

function macKey(dataKey: Buffer, salt: Buffer): Buffer {
  const masked = Buffer.from(salt.map((byte) => byte ^ hmacSaltMask));
  return pbkdf2Sync(dataKey, masked, fastKdfIterations, 32, 'sha512');
}

function pageAuthenticates(key: Buffer, page: Buffer, pageNumber: number): boolean {
  const start = pageNumber === 1 ? saltLength : 0;
  const number = Buffer.alloc(4);
  number.writeUInt32LE(pageNumber);
  const expected = createHmac('sha512', key)
    .update(page.subarray(start, page.length - macLength))
    .update(number)
    .digest();
  return timingSafeEqual(expected, page.subarray(page.length - macLength));
}

export function checkPageMacs(databasePath: string, dataKey: Buffer, pageSize: number, maxListed = 10): PageMacReport {
  const fd = openSync(databasePath, 'r');
  try {
    const size = fstatSync(fd).size;
    const pages = Math.floor(size / pageSize);
    const page = Buffer.alloc(pageSize);
    const report: PageMacReport = { pages, badPages: [], badCount: 0, partialLastPage: size % pageSize !== 0 };
    if (pages === 0) return report;
    readSync(fd, page, 0, pageSize, 0);
    const key = macKey(dataKey, page.subarray(0, saltLength));
    const lockBytePage = Math.floor(pendingByte / pageSize) + 1;
    for (let number = 1; number <= pages; number++) {
      if (number === lockBytePage) continue;
      readSync(fd, page, 0, pageSize, (number - 1) * pageSize);
      if (pageAuthenticates(key, page, number)) continue;
      report.badCount++;
      if (report.badPages.length < maxListed) report.badPages.push(number);
    }
    key.fill(0);
    return report;
  } finally {
    closeSync(fd);
  }
}

/**
 * Proves that a data key belongs to this database by its first page's MAC, without opening it
 * in SQLite (a read-only SQLite open of a WAL database still creates -wal and -shm files).
 * The page size is not stored in the clear, so each size SQLite allows is tried.
 */
export function firstPageAuthenticates(databasePath: string, dataKey: Buffer): boolean {
  const fd = openSync(databasePath, 'r');
  try {
    const size = fstatSync(fd).size;
    for (let pageSize = 512; pageSize <= 65536 && pageSize <= size; pageSize *= 2) {
      const page = Buffer.alloc(pageSize);
      readSync(fd, page, 0, pageSize, 0);
      const key = macKey(dataKey, page.subarray(0, saltLength));
      const ok = pageAuthenticates(key, page, 1);
      key.fill(0);
      if (ok) return true;
    }
    return false;
  } finally {
    closeSync(fd);
  }
}
