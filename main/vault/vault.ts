import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import type { Clock } from '../clock';
import { productionScrypt, type ScryptParams } from '../crypto/kdf';
import { newKeySlotFile, readKeySlotFile, writeKeySlotFile, type AuditHead, type KeySlotFileBody, type StaffSlot } from '../crypto/key-slot-file';
import {
  generateDataKey,
  nameTagFor,
  unwrapRecoverySlot,
  unwrapStaffSlot,
  wrapForRecovery,
  wrapForStaff,
} from '../crypto/key-slots';
import { generateRecoveryKey, parseRecoveryKey } from '../crypto/recovery-key';
import { dataFolder, inspectDataFolder, type DataFolder } from '../store/data-folder';
import { openDatabase, type SqliteDatabase } from '../store/open-database';
import { migrate } from '../store/migrations';
import { StoreError, storeMessages } from '../store/store-error';

export interface VaultOptions {
  clock: Clock;
  /** KDF cost for new password slots; existing slots keep the parameters they were made with. */
  scrypt?: ScryptParams;
}

export interface CreatedStore {
  db: SqliteDatabase;
  dataKey: Buffer;
  recoveryKey: string;
  adminStaffId: string;
}

/**
 * The key slots of one data folder (LUKS-style): the data key exists on disk only wrapped, once
 * per staff password and once under the recovery key. Opening, creating and re-keying slots
 * all happen here; nothing else reads or writes the key file.
 */
export class Vault {
  readonly folder: DataFolder;
  private readonly clock: Clock;
  private readonly scrypt: ScryptParams;

  constructor(root: string, options: VaultOptions) {
    this.folder = dataFolder(root);
    this.clock = options.clock;
    this.scrypt = options.scrypt ?? productionScrypt;
  }

  state() {
    return inspectDataFolder(this.folder);
  }

  /** Throws the StoreError that explains why this folder cannot be unlocked, if any. */
  assertOpenable(): void {
    switch (this.state()) {
      case 'store':
        readKeySlotFile(this.folder.keySlots);
        return;
      case 'key-file-missing':
        throw new StoreError('KEY_FILE_MISSING', storeMessages.keyFileMissing);
      case 'database-missing':
        throw new StoreError('DATABASE_MISSING', storeMessages.databaseMissing);
      case 'empty':
      case 'not-empty':
        throw new StoreError('STORE_NOT_SET_UP', storeMessages.notSetUp);
    }
  }

  /** Throws unless the folder is empty or absent: a store is never made over anything. */
  assertCanCreate(): void {
    const state = this.state();
    if (state === 'not-empty') throw new StoreError('STORE_ALREADY_EXISTS', storeMessages.folderNotEmpty);
    if (state !== 'empty') throw new StoreError('STORE_ALREADY_EXISTS', storeMessages.alreadyExists);
  }

  /**
   * Creates a new store in an empty folder. The database is created and migrated first; the key
   * file is written last and exclusively, so a crash half-way leaves no key file and the folder
   * is recognised as not set up rather than as a store.
   */
  async create(admin: { name: string; password: string }): Promise<CreatedStore> {
    this.assertCanCreate();
    mkdirSync(this.folder.root, { recursive: true, mode: 0o700 });
    const dataKey = generateDataKey();
    const recovery = generateRecoveryKey();
    const file = newKeySlotFile(this.clock.now());
    const adminStaffId = randomUUID();
    file.slots.push(await wrapForStaff(file, adminStaffId, admin.name, admin.password, dataKey, this.scrypt));
    file.slots.push(wrapForRecovery(file, recovery.key, dataKey));
    recovery.key.fill(0);
    const db = openDatabase(this.folder.database, dataKey, { create: true });
    try {
      migrate(db);
      // Encrypted either way, but nobody else on the PC needs to read it.
      chmodSync(this.folder.database, 0o600);
      writeKeySlotFile(this.folder.keySlots, file, { mustNotExist: true });
    } catch (error) {
      db.close();
      throw error;
    }
    return { db, dataKey, recoveryKey: recovery.text, adminStaffId };
  }

  /** The data key and the staff id the password belongs to; WRONG_PASSWORD otherwise. Writes nothing. */
  async unlockWithPassword(name: string, password: string): Promise<{ dataKey: Buffer; staffId: string }> {
    this.assertOpenable();
    const file = readKeySlotFile(this.folder.keySlots);
    const tag = nameTagFor(file.storeId, name);
    for (const slot of file.slots) {
      if (slot.kind !== 'staff' || slot.nameTag !== tag) continue;
      const dataKey = await unwrapStaffSlot(file, slot, password);
      if (dataKey) return { dataKey, staffId: slot.staffId };
    }
    throw new StoreError('WRONG_PASSWORD', storeMessages.wrongPassword);
  }

  /** The emergency door: the printed recovery key opens the store. Writes nothing. */
  unlockWithRecoveryKey(text: string): Buffer {
    this.assertOpenable();
    const parsed = parseRecoveryKey(text);
    if (!parsed.ok) throw new StoreError('WRONG_RECOVERY_KEY', storeMessages.wrongRecoveryKey);
    const file = readKeySlotFile(this.folder.keySlots);
    for (const slot of file.slots) {
      if (slot.kind !== 'recovery') continue;
      const dataKey = unwrapRecoverySlot(file, slot, parsed.key);
      if (dataKey) return dataKey;
    }
    throw new StoreError('WRONG_RECOVERY_KEY', storeMessages.wrongRecoveryKey);
  }

  /** Checks a password against one staff member's own slot without touching anything. */
  async passwordOpensSlotOf(staffId: string, password: string): Promise<boolean> {
    const file = readKeySlotFile(this.folder.keySlots);
    for (const slot of file.slots) {
      if (slot.kind === 'staff' && slot.staffId === staffId && (await unwrapStaffSlot(file, slot, password))) return true;
    }
    return false;
  }

  /** Gives a staff member a (new) password slot, replacing any slot they had. */
  async setStaffPassword(staffId: string, name: string, password: string, dataKey: Buffer): Promise<void> {
    const file = readKeySlotFile(this.folder.keySlots);
    const slot = await wrapForStaff(file, staffId, name, password, dataKey, this.scrypt);
    this.rewrite(file, (slots) => [...slots.filter((s) => !(s.kind === 'staff' && s.staffId === staffId)), slot]);
  }

  /** Follows a rename: the slot is found by name at sign-in. */
  renameStaff(staffId: string, name: string): void {
    const file = readKeySlotFile(this.folder.keySlots);
    const tag = nameTagFor(file.storeId, name);
    this.rewrite(file, (slots) =>
      slots.map((s) => (s.kind === 'staff' && s.staffId === staffId ? ({ ...s, nameTag: tag } satisfies StaffSlot) : s)),
    );
  }

  /** A deactivated member of staff can no longer unwrap the data key. */
  removeStaffSlots(staffId: string): void {
    const file = readKeySlotFile(this.folder.keySlots);
    this.rewrite(file, (slots) => slots.filter((s) => !(s.kind === 'staff' && s.staffId === staffId)));
  }

  /** Whose slot a typed name points at, if anyone's: lets a failed sign-in be audited without the text typed. */
  staffIdForName(name: string): string | null {
    const file = readKeySlotFile(this.folder.keySlots);
    const tag = nameTagFor(file.storeId, name);
    const slot = file.slots.find((s) => s.kind === 'staff' && s.nameTag === tag);
    return slot?.kind === 'staff' ? slot.staffId : null;
  }

  hasSlotFor(staffId: string): boolean {
    return readKeySlotFile(this.folder.keySlots).slots.some((s) => s.kind === 'staff' && s.staffId === staffId);
  }

  storeId(): string {
    return readKeySlotFile(this.folder.keySlots).storeId;
  }

  // Issue 6, audit trail anchor: the key file is the one file beside the database that the
  // services rewrite atomically anyway, so the audit head is kept there (see main/audit/audit-anchor.ts).

  /** The audit trail's head as last anchored here; null for a store that was never anchored. */
  readAuditHead(): AuditHead | null {
    return readKeySlotFile(this.folder.keySlots).auditHead ?? null;
  }

  /**
   * Anchors the audit trail's head; the slots and their dates are written back unchanged. The
   * rename is not waited for: a power cut straight after can only leave the previous anchor,
   * which is still true of the trail (every anchored row was committed to the disk first), and
   * the wait was a third of what an anchored save cost.
   */
  writeAuditHead(head: AuditHead): void {
    const file = readKeySlotFile(this.folder.keySlots);
    writeKeySlotFile(this.folder.keySlots, { ...file, auditHead: { seq: head.seq, hash: head.hash } }, { durableRename: false });
  }

  private rewrite(file: KeySlotFileBody, change: (slots: KeySlotFileBody['slots']) => KeySlotFileBody['slots']): void {
    const next: KeySlotFileBody = { ...file, slots: change(file.slots), updatedAt: this.clock.now().toISOString() };
    if (!next.slots.some((s) => s.kind === 'recovery')) throw new Error('The recovery slot must never be removed');
    writeKeySlotFile(this.folder.keySlots, next);
  }
}

/**
 * Opens and migrates the store's database. `check` runs first, on the database as found: a
 * refusal there leaves the store exactly as it was (the audit anchor check, at every open).
 */
export function openStoreDatabase(vault: Vault, dataKey: Buffer, check?: (db: SqliteDatabase) => void): SqliteDatabase {
  const db = openDatabase(vault.folder.database, dataKey);
  try {
    check?.(db);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
