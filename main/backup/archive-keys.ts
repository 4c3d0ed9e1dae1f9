import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AuditHead, KeySlot, type KeySlotFileBody } from '../crypto/key-slot-file';
import { nameTagFor, openStaffSlot, unwrapRecoverySlot } from '../crypto/key-slots';
import { productionScryptLimits, type ScryptLimits } from '../crypto/kdf';
import { parseRecoveryKey } from '../crypto/recovery-key';
import { StoreError } from '../store/store-error';
import type { ArchiveHeader } from './archive-format';
import { backupMessages, damaged } from './backup-messages';

/** What opens a backup: the recovery key, a staff password from the time, or the live store's own key. */
export type ArchiveUnlock =
  | { kind: 'recovery'; recoveryKey: string }
  | {
      kind: 'password';
      name: string;
      password: string;
      /**
       * The slot costs accepted, as for the live key file: the production range unless the
       * caller's own vault was made with a test cost (Vault.acceptedSlotCost), which no shipped
       * entry point does. Never from the backup.
       */
      slotCost?: ScryptLimits;
    }
  | { kind: 'data-key'; dataKey: Buffer; storeId: string };

export interface ArchiveKeys {
  /** Seals the parts. Derived, so a backup never uses the database's own key directly. */
  body: Buffer;
  header: Buffer;
}

/** Own HKDF labels, with this archive's salt and id: every backup file has its own keys. */
export function deriveArchiveKeys(dataKey: Buffer, header: Pick<ArchiveHeader, 'kdf' | 'archiveId'>): ArchiveKeys {
  const salt = Buffer.from(header.kdf.salt, 'base64');
  const derive = (label: string) => Buffer.from(hkdfSync('sha256', dataKey, salt, `${label}:${header.archiveId}`, 32));
  return { body: derive('skinledger-backup-body:v1'), header: derive('skinledger-backup-header:v1') };
}

export function headerMac(keys: ArchiveKeys, headerBytes: Buffer): Buffer {
  return createHmac('sha256', keys.header).update(headerBytes).digest();
}

export function headerMacMatches(keys: ArchiveKeys, headerBytes: Buffer, mac: Buffer): boolean {
  const expected = headerMac(keys, headerBytes);
  return mac.length === expected.length && timingSafeEqual(mac, expected);
}

export function wipeKeys(keys: ArchiveKeys): void {
  keys.body.fill(0);
  keys.header.fill(0);
}

// The key file's own schema is private to the vault; a backup needs only the slots from it. Its
// checksum is checked when the restored store is first opened, and the manifest holds its hash.
const KeySlotsInBackup = z.object({
  format: z.literal('skinledger-keyslots'),
  version: z.union([z.literal(1), z.literal(2)]),
  storeId: z.string().uuid(),
  createdAt: z.string(),
  updatedAt: z.string(),
  slots: z.array(KeySlot),
  auditHead: AuditHead.optional(),
  mac: z.string().optional(),
  checksum: z.string(),
});

export function keySlotsOf(keySlots: string, storeId: string): KeySlotFileBody {
  let raw: unknown;
  try {
    raw = JSON.parse(keySlots);
  } catch {
    throw damaged(backupMessages.headerAltered);
  }
  const parsed = KeySlotsInBackup.safeParse(raw);
  if (!parsed.success || parsed.data.storeId !== storeId) throw damaged(backupMessages.headerAltered);
  const { checksum: _checksum, ...body } = parsed.data;
  return body;
}

export interface UnlockedArchive {
  dataKey: Buffer;
  /** Whose password opened it, for the audit trail; null for the recovery key or the store's own key. */
  staffId: string | null;
}

/** The data key the backup was made with; WRONG_RECOVERY_KEY or WRONG_PASSWORD when it does not open. */
export async function unlockArchive(header: ArchiveHeader, unlock: ArchiveUnlock): Promise<UnlockedArchive> {
  return unlockKeySlots(header.keySlots, header.storeId, unlock);
}

/** The same from the key file's text and the store id the backup names. */
export async function unlockKeySlots(keySlots: string, storeId: string, unlock: ArchiveUnlock): Promise<UnlockedArchive> {
  if (unlock.kind === 'data-key') {
    if (unlock.storeId !== storeId) throw new StoreError('WRONG_RECOVERY_KEY', backupMessages.otherStore);
    return { dataKey: Buffer.from(unlock.dataKey), staffId: null };
  }
  const file = keySlotsOf(keySlots, storeId);
  if (unlock.kind === 'recovery') {
    const parsed = parseRecoveryKey(unlock.recoveryKey);
    if (parsed.ok) {
      for (const slot of file.slots) {
        if (slot.kind !== 'recovery') continue;
        const dataKey = unwrapRecoverySlot(file, slot, parsed.key);
        if (dataKey) {
          parsed.key.fill(0);
          return { dataKey, staffId: null };
        }
      }
      parsed.key.fill(0);
    }
    throw new StoreError('WRONG_RECOVERY_KEY', backupMessages.wrongRecoveryKey);
  }
  const tag = nameTagFor(file.storeId, unlock.name);
  for (const slot of file.slots) {
    if (slot.kind !== 'staff' || slot.nameTag !== tag) continue;
    // The archive's header MAC is checked only after this, with the key the slot gives: a slot
    // whose cost is outside the live key file's range is refused before any scrypt work.
    const opening = await openStaffSlot(file, slot, unlock.password, unlock.slotCost ?? productionScryptLimits);
    if (opening.outcome === 'altered') throw damaged(backupMessages.headerAltered);
    if (opening.outcome === 'opened') {
      opening.kek.fill(0);
      return { dataKey: opening.dataKey, staffId: slot.staffId };
    }
  }
  throw new StoreError('WRONG_PASSWORD', backupMessages.wrongPassword);
}
