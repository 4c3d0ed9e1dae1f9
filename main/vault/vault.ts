import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import type { Clock } from '../clock';
import { productionScrypt, scryptLimitsFor, type ScryptLimits, type ScryptParams } from '../crypto/kdf';
import { newKeySlotFile, readKeySlotFile, verifyKeySlotFile, writeKeySlotFile, type AuditHead, type KeySlotFileBody, type StaffSlot } from '../crypto/key-slot-file';
import { generateDataKey, nameTagFor, openStaffSlot, resealStaffSlot, slotNeedsResealing, unwrapRecoverySlot, wrapForRecovery, wrapForStaff } from '../crypto/key-slots';
import { generateRecoveryKey, parseRecoveryKey } from '../crypto/recovery-key';
import { dataFolder, inspectDataFolder, type DataFolder } from '../store/data-folder';
import { openDatabase, type SqliteDatabase } from '../store/open-database';
import { migrate } from '../store/migrations';
import { databaseDamage } from '../store/storage-failure';
import { StoreError, storeMessages } from '../store/store-error';

export interface VaultOptions {
  clock: Clock;
  /**
   * KDF cost for new password slots; existing slots keep the parameters they were made with. A
   * test cost here (below the production range) is also the one way to make the vault accept slots at a
   * test cost (testScryptLimits); otherwise only productionScryptLimits open. Never from the file.
   */
  scrypt?: ScryptParams;
}

export interface CreatedStore {
  db: SqliteDatabase;
  dataKey: Buffer;
  recoveryKey: string;
  adminStaffId: string;
}

const altered = () => new StoreError('KEY_FILE_ALTERED', storeMessages.keyFileAltered);

/**
 * The key slots of one data folder (LUKS-style): the data key exists on disk only wrapped, once
 * per staff password and once under the recovery key. Opening, creating and re-keying slots
 * all happen here; nothing else reads or writes the key file.
 *
 * The file is authenticated by a MAC under the data key (key-slot-file.ts), so every write needs
 * the key: the services hand it over while the store is open (holdDataKey) and take it back
 * when they close.
 */
export class Vault {
  readonly folder: DataFolder;
  private readonly clock: Clock;
  private readonly scrypt: ScryptParams;
  private readonly limits: ScryptLimits;
  private dataKey: Buffer | null = null;

  constructor(root: string, options: VaultOptions) {
    this.folder = dataFolder(root);
    this.clock = options.clock;
    this.scrypt = options.scrypt ?? productionScrypt;
    this.limits = scryptLimitsFor(this.scrypt);
  }

  /** The slot costs this vault opens, for any other key file read on its behalf (a backup's). */
  acceptedSlotCost(): ScryptLimits {
    return this.limits;
  }

  /** The scrypt cost this vault gives new password slots (a re-keyed store's slots get the same). */
  slotCost(): ScryptParams {
    return this.scrypt;
  }

  state() {
    return inspectDataFolder(this.folder);
  }

  /** Keeps a copy of the data key while the store is open, so the key file can be re-MACed. */
  holdDataKey(dataKey: Buffer): void {
    this.forgetDataKey();
    this.dataKey = Buffer.from(dataKey);
  }

  forgetDataKey(): void {
    this.dataKey?.fill(0);
    this.dataKey = null;
  }

  /** Throws the StoreError that explains why this folder cannot be unlocked, if any. */
  assertOpenable(): void {
    switch (this.state()) {
      case 'store':
        // An emptied key file (a sync tool or a full disk truncated it) says so, not just "damaged".
        if (statSync(this.folder.keySlots).size === 0) throw new StoreError('KEY_FILE_DAMAGED', storeMessages.keyFileEmpty);
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
      writeKeySlotFile(this.folder.keySlots, file, dataKey, { mustNotExist: true });
    } catch (error) {
      db.close();
      throw error;
    }
    return { db, dataKey, recoveryKey: recovery.text, adminStaffId };
  }

  /**
   * The data key and the staff id the password belongs to; WRONG_PASSWORD otherwise, and
   * KEY_FILE_ALTERED (nothing written) when the key file was edited without the key. A slot or
   * file from before version 2 is re-sealed and MACed here, the one write a sign-in makes, unless
   * `upgrade` is false (a check that promises to change no file).
   */
  async unlockWithPassword(name: string, password: string, options: { upgrade?: boolean } = {}): Promise<{ dataKey: Buffer; staffId: string; mustChangePassword: boolean }> {
    this.assertOpenable();
    const file = readKeySlotFile(this.folder.keySlots);
    const tag = nameTagFor(file.storeId, name);
    for (const slot of file.slots) {
      if (slot.kind !== 'staff' || slot.nameTag !== tag) continue;
      const opening = await openStaffSlot(file, slot, password, this.limits);
      if (opening.outcome === 'wrong-password') continue;
      if (opening.outcome === 'altered') throw altered();
      const { dataKey, kek } = opening;
      try {
        verifyKeySlotFile(file, dataKey);
        if ((options.upgrade ?? true) && (file.version === 1 || slotNeedsResealing(slot))) this.upgradeAtSignIn(slot, kek, dataKey);
      } catch (error) {
        dataKey.fill(0);
        throw error;
      } finally {
        kek.fill(0);
      }
      return { dataKey, staffId: slot.staffId, mustChangePassword: slot.oneTime === true };
    }
    throw new StoreError('WRONG_PASSWORD', storeMessages.wrongPassword);
  }

  /**
   * Re-seals the signer's slot as version 2 and MACs the file. The file is read again: it may have
   * changed during the scrypt run, and only a slot that is still exactly what was opened is
   * replaced (a rename or a new password meanwhile wins; the next sign-in upgrades that one).
   */
  private upgradeAtSignIn(opened: StaffSlot, kek: Buffer, dataKey: Buffer): void {
    this.change(dataKey, (file) => {
      const resealed = resealStaffSlot(file, opened, kek, dataKey);
      return file.slots.map((s) => (s.kind === 'staff' && s.id === opened.id && sameSlot(s, opened) ? resealed : s));
    });
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
      if (!dataKey) continue;
      try {
        verifyKeySlotFile(file, dataKey);
      } catch (error) {
        dataKey.fill(0);
        throw error;
      }
      return dataKey;
    }
    throw new StoreError('WRONG_RECOVERY_KEY', storeMessages.wrongRecoveryKey);
  }

  /** Checks a password against one staff member's own slot without touching anything. */
  async passwordOpensSlotOf(staffId: string, password: string): Promise<boolean> {
    const file = readKeySlotFile(this.folder.keySlots);
    for (const slot of file.slots) {
      if (slot.kind !== 'staff' || slot.staffId !== staffId) continue;
      const opening = await openStaffSlot(file, slot, password, this.limits);
      if (opening.outcome === 'altered') throw altered();
      if (opening.outcome === 'wrong-password') continue;
      opening.kek.fill(0);
      try {
        verifyKeySlotFile(file, opening.dataKey);
      } finally {
        opening.dataKey.fill(0);
      }
      return true;
    }
    return false;
  }

  /**
   * Gives a staff member a (new) password slot, replacing any slot they had. The slow scrypt run
   * comes first; the file is read after it, so a change made meanwhile (a deactivation) is kept.
   * `onlyIf` is asked at that moment too: false leaves the file as it is and returns false.
   */
  async setStaffPassword(staffId: string, name: string, password: string, dataKey: Buffer, options: { onlyIf?: () => boolean } = {}): Promise<boolean> {
    const slot = await wrapForStaff({ storeId: this.storeId() }, staffId, name, password, dataKey, this.scrypt);
    if (options.onlyIf && !options.onlyIf()) return false;
    this.change(dataKey, (file) => [...file.slots.filter((s) => !(s.kind === 'staff' && s.staffId === staffId)), slot]);
    return true;
  }

  /**
   * Follows a rename: the slot is found by name at sign-in. Re-sealing needs the password, so a
   * version 2 slot keeps the tag it was sealed under until its owner next signs in.
   */
  renameStaff(staffId: string, name: string, dataKey?: Buffer): void {
    this.change(dataKey, (file) => {
      const tag = nameTagFor(file.storeId, name);
      return file.slots.map((s) => {
        if (s.kind !== 'staff' || s.staffId !== staffId) return s;
        const { boundNameTag: _bound, ...rest } = s;
        const bound = s.version === 2 ? (s.boundNameTag ?? s.nameTag) : undefined;
        return bound === undefined || bound === tag ? { ...rest, nameTag: tag } : { ...rest, nameTag: tag, boundNameTag: bound };
      });
    });
  }

  /** A deactivated member of staff can no longer unwrap the data key. */
  removeStaffSlots(staffId: string, dataKey?: Buffer): void {
    this.change(dataKey, (file) => file.slots.filter((s) => !(s.kind === 'staff' && s.staffId === staffId)));
  }

  /** Whose slot a typed name points at, if anyone's: lets a failed sign-in be audited without the text typed. */
  staffIdForName(name: string): string | null {
    const file = readKeySlotFile(this.folder.keySlots);
    const tag = nameTagFor(file.storeId, name);
    const slot = file.slots.find((s) => s.kind === 'staff' && s.nameTag === tag);
    return slot?.kind === 'staff' ? slot.staffId : null;
  }

  /** Whether this person's password is a one-time password an admin handed over (see StaffSlot.oneTime). */
  mustChangePassword(staffId: string): boolean {
    return readKeySlotFile(this.folder.keySlots).slots.some((s) => s.kind === 'staff' && s.staffId === staffId && s.oneTime === true);
  }

  hasSlotFor(staffId: string): boolean {
    return readKeySlotFile(this.folder.keySlots).slots.some((s) => s.kind === 'staff' && s.staffId === staffId);
  }

  /**
   * Reads the key file and checks its MAC with the data key the vault holds: 'legacy' for a file
   * written before version 2 (no MAC yet), KEY_FILE_ALTERED when the MAC does not match.
   */
  verifiedKeyFile(): { file: KeySlotFileBody; mac: 'authentic' | 'legacy' } {
    if (!this.dataKey) throw new Error('The key file MAC can only be checked while the store is open');
    const file = readKeySlotFile(this.folder.keySlots);
    return { file, mac: verifyKeySlotFile(file, this.dataKey) };
  }

  storeId(): string {
    return readKeySlotFile(this.folder.keySlots).storeId;
  }

  // The audit trail anchor: the key file is the one file beside the database that the
  // services rewrite atomically anyway, so the audit head is kept there (see main/audit/audit-anchor.ts).

  /** The audit trail's head as last anchored here; null for a store that was never anchored. */
  readAuditHead(): AuditHead | null {
    const file = readKeySlotFile(this.folder.keySlots);
    // With the key at hand, a head moved by someone without it reads as an altered file.
    if (this.dataKey) verifyKeySlotFile(file, this.dataKey);
    return file.auditHead ?? null;
  }

  /**
   * Anchors the audit trail's head; the slots and their dates are written back unchanged. The
   * rename is not waited for: a power cut straight after can only leave the previous anchor,
   * which is still true of the trail (every anchored row was committed to the disk first), and
   * the wait was a third of what an anchored save cost.
   */
  writeAuditHead(head: AuditHead): void {
    this.change(undefined, (file) => file.slots, { auditHead: { seq: head.seq, hash: head.hash }, durableRename: false, keepUpdatedAt: true });
  }

  /**
   * The one way the key file changes. Read, checked against its MAC, changed and written with
   * no await in between: JavaScript runs this to completion, so every key-file change in the
   * process is serialised here (callers do their slow scrypt work before, never inside). A file
   * altered without the key is refused, never re-MACed over: that would launder the edit.
   */
  private change(
    dataKey: Buffer | undefined,
    slots: (file: KeySlotFileBody) => KeySlotFileBody['slots'],
    options: { auditHead?: AuditHead; durableRename?: boolean; keepUpdatedAt?: boolean } = {},
  ): void {
    const key = dataKey ?? this.dataKey;
    if (!key) throw new Error('The key file can only be changed while the store is open (the vault holds no data key)');
    const file = readKeySlotFile(this.folder.keySlots);
    verifyKeySlotFile(file, key);
    const next: KeySlotFileBody = {
      ...file,
      slots: slots(file),
      ...(options.keepUpdatedAt ? {} : { updatedAt: this.clock.now().toISOString() }),
      ...(options.auditHead ? { auditHead: options.auditHead } : {}),
    };
    if (!next.slots.some((s) => s.kind === 'recovery')) throw new Error('The recovery slot must never be removed');
    writeKeySlotFile(this.folder.keySlots, next, key, { durableRename: options.durableRename ?? true });
  }
}

function sameSlot(a: StaffSlot, b: StaffSlot): boolean {
  return a.nameTag === b.nameTag && a.staffId === b.staffId && a.tag === b.tag && a.boundNameTag === b.boundNameTag;
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
    throw databaseDamage(error) ?? error;
  }
  return db;
}
