import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Older versions copied the database to a hidden file in the data folder while backing up. */
const snapshotPrefix = '.backup-snapshot-';
const sqlitePlainHeader = Buffer.from('SQLite format 3\0', 'latin1');

export function isPlainSqliteHeader(bytes: Buffer): boolean {
  return bytes.length >= sqlitePlainHeader.length && bytes.subarray(0, sqlitePlainHeader.length).equals(sqlitePlainHeader);
}

/** Snapshots left by a backup that was killed half-way (encrypted, but no longer needed). */
export function removeLeftoverSnapshots(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    if (name.startsWith(snapshotPrefix)) rmSync(join(dataDir, name), { force: true });
  }
}
