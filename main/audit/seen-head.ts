import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { SqliteDatabase } from '../store/open-database';
import type { AuditHead, CheckpointWitness } from './audit-anchor';
import { timeInWords } from './anchor-check';
import { replaceFileDurably } from '../files/durable-file';

/**
 * The audit head as SkinLedger last saw it, kept outside the data folder (the app's own settings
 * folder, and the backup folder when one is set). Putting the whole data folder back from an
 * older copy (database and key file together) cannot be prevented on the PC; with these copies
 * it is noticed. Ids, row numbers and hashes only: nothing about a client.
 */
export const SeenHead = z
  .object({
    storeId: z.string().min(1).max(64),
    seq: z.number().int().min(1),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    /** When that row was written. */
    at: z.string().max(40),
  })
  .strict();
export type SeenHead = z.infer<typeof SeenHead>;

export function seenHeadFile(folder: string, storeId: string): string {
  return join(folder, `skinledger-audit-head-${storeId.replace(/[^A-Za-z0-9-]/g, '')}.json`);
}

/** The furthest head any readable copy remembers for this store; null when none does (a new PC). */
export function readSeenHead(folders: readonly string[], storeId: string): SeenHead | null {
  let furthest: SeenHead | null = null;
  for (const folder of folders) {
    try {
      const parsed = SeenHead.safeParse(JSON.parse(readFileSync(seenHeadFile(folder, storeId), 'utf8')));
      if (parsed.success && parsed.data.storeId === storeId && (!furthest || parsed.data.seq > furthest.seq)) furthest = parsed.data;
    } catch {
      // Missing or unreadable: this folder remembers nothing.
    }
  }
  return furthest;
}

/** Best effort: a folder that cannot be written (a backup drive unplugged) is skipped. */
export function writeSeenHead(folders: readonly string[], head: SeenHead): void {
  for (const folder of folders) {
    const path = seenHeadFile(folder, head.storeId);
    try {
      replaceFileDurably(path, JSON.stringify(head) + '\n');
    } catch {
      // Nothing to do: the copy in the other folder, or the next checkpoint, will do.
    }
  }
}

export interface RollbackNotice {
  /** Audit trail entries SkinLedger saw that this store no longer has (0 when it differs instead). */
  missingEntries: number;
  /** When the last entry this store still has was written. */
  since: string | null;
  message: string;
}

/**
 * Compares the trail with the head last seen (pure; the caller reads the rows). Behind: the
 * difference is named. Same length or longer but another row at the seen number: the trail was
 * replaced by another history from some earlier point on.
 */
export function compareWithSeen(current: { seq: number; at: string | null; hashAtSeen: string | null }, seen: SeenHead | null): RollbackNotice | null {
  if (!seen) return null;
  if (current.seq < seen.seq) {
    const missing = seen.seq - current.seq;
    const since = current.at;
    return {
      missingEntries: missing,
      since,
      message:
        `These records are older than SkinLedger last saw them on this computer: ${missing} audit trail ${missing === 1 ? 'entry' : 'entries'} ` +
        `written after ${since ? timeInWords(since) : 'the store was set up'} (up to ${timeInWords(seen.at)}) ${missing === 1 ? 'is' : 'are'} not in this store. ` +
        'If nobody restored a backup on purpose, the data folder was replaced with an older copy: restore the latest backup, and check who had access to this computer.',
    };
  }
  if (current.hashAtSeen !== seen.hash) {
    return {
      missingEntries: 0,
      since: null,
      message:
        `These records are not the ones SkinLedger last saw on this computer: audit trail entry ${seen.seq} (written ${timeInWords(seen.at)}) is different. ` +
        'If nobody restored a backup on purpose, the data folder was replaced: restore the latest backup, and check who had access to this computer.',
    };
  }
  return null;
}

/** The open store against the copies outside its folder; null when they agree or there are none. */
export function rollbackNotice(db: SqliteDatabase, folders: readonly string[], storeId: string): RollbackNotice | null {
  const seen = readSeenHead(folders, storeId);
  if (!seen) return null;
  const last = db.prepare('SELECT seq, at FROM audit_event ORDER BY seq DESC LIMIT 1').get() as { seq: number; at: string } | undefined;
  const atSeen = db.prepare('SELECT hash FROM audit_event WHERE seq = ?').get(seen.seq) as { hash: string } | undefined;
  return compareWithSeen({ seq: last?.seq ?? 0, at: last?.at ?? null, hashAtSeen: atSeen?.hash ?? null }, seen);
}

/**
 * Writes the copies at each session checkpoint (sign-in, lock, sign-out, …), not at every commit:
 * they live on other disks (a backup drive, a share), so a rollback to before the last
 * checkpoint is found and changes made since it are not. While a rollback notice has not been
 * shown to an admin, the copies are left as they are, so the next admin still sees it.
 */
export class SeenHeadCopies implements CheckpointWitness {
  private held = false;

  /** `settingsFolder` is made if missing; the backup folder is only written when it is there. */
  constructor(
    private readonly settingsFolder: string,
    private readonly backupFolder: () => string | null,
    private readonly storeId: () => string,
  ) {}

  private folders(): string[] {
    let backup: string | null = null;
    try {
      backup = this.backupFolder();
    } catch {
      // Settings unreadable: the settings folder copy still counts.
    }
    return backup ? [this.settingsFolder, backup] : [this.settingsFolder];
  }

  /** Keeps the copies as they are until `release()`: a notice is waiting for an admin. */
  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
  }

  checkpoint(head: AuditHead & { at: string }): void {
    if (this.held) return;
    try {
      mkdirSync(this.settingsFolder, { recursive: true, mode: 0o700 });
    } catch {
      // Written below if it can be; a checkpoint never fails over this.
    }
    writeSeenHead(this.folders(), { storeId: this.storeId(), seq: head.seq, hash: head.hash, at: head.at });
  }

  notice(db: SqliteDatabase): RollbackNotice | null {
    return rollbackNotice(db, this.folders(), this.storeId());
  }
}
