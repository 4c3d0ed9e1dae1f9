import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export function tempFolder(prefix = 'skinledger-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function filesUnder(root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const full = join(root, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}

/** Every file under a folder with its SHA-256: equal snapshots mean not one byte changed. */
export function snapshotFolder(root: string): Record<string, string> {
  const snapshot: Record<string, string> = {};
  for (const file of filesUnder(root)) {
    snapshot[relative(root, file)] = `${statSync(file).size}:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
  }
  return snapshot;
}

/** Where a marker text appears in any file under root, in the encodings SQLite or JSON could use. */
export function findMarker(root: string, marker: string): string[] {
  const needles = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le'), Buffer.from(marker.toLowerCase(), 'utf8')];
  const hits: string[] = [];
  for (const file of filesUnder(root)) {
    const bytes = readFileSync(file);
    if (needles.some((needle) => bytes.includes(needle))) hits.push(relative(root, file));
  }
  return hits;
}
