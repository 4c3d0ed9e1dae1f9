import { randomInt } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Services } from '../app';
import { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { ScryptParams } from '../crypto/kdf';
import { keySlotFileName, newKeySlotFile, readKeySlotFile, writeKeySlotFile, type KeySlotFileBody } from '../crypto/key-slot-file';
import { generateDataKey, wrapForRecovery, wrapForStaff } from '../crypto/key-slots';
import { generateRecoveryKey } from '../crypto/recovery-key';
import { clearRestoreJournal, finishInterruptedRestore, writeRestoreJournal } from '../backup/restore-journal';
import { syncFolder, syncFolderOf } from '../files/durable-file';
import { PhotoFileError, PhotoFileStore } from '../photos/photo-file-store';
import { photoFileKinds, photosFolderName } from '../photos/photo-file-names';
import { databaseFileName, dataFolder, inspectDataFolder } from '../store/data-folder';
import { openDatabase, type SqliteDatabase } from '../store/open-database';
import { StoreError } from '../store/store-error';
import { Vault } from '../vault/vault';
import { rekeyMessages } from './rekey-messages';
import { copyReencrypted } from './reencrypt-database';

/** The points a re-key passes, in order; a test stops it at any one to leave what a crash there would. */
export const rekeySteps = ['photos', 'database', 'key-file', 'proven', 'journal', 'moved-aside', 'placed', 'old-removed'] as const;
export type RekeyStep = (typeof rekeySteps)[number];

export interface RekeyProgress {
  phase: 'photos' | 'database' | 'finishing';
  done: number;
  total: number;
}

export interface OneTimePassword {
  staffId: string;
  name: string;
  password: string;
}

export interface RekeyRequest {
  /** The open store: read, copied and left exactly as it was until the folders swap. */
  services: Services;
  admin: { id: string; name: string; password: string };
  clock: Clock;
  /** Cost of the new password slots: the vault's own. */
  scrypt: ScryptParams;
  onProgress?: (progress: RekeyProgress) => void;
  /**
   * Runs once the re-keyed store is complete and proven, just before the folders move: the app
   * closes its open store here (without writing to it: a row now would be lost with the old key).
   */
  beforeMoving?: () => void;
  /** Runs straight after the new store is in place, before any await: the app opens it here. */
  afterMoving?: (dataKey: Buffer) => void;
  /** Tests only: throws right after this step, as a crash there would stop it. */
  stopAfter?: RekeyStep;
}

export interface RekeyedStore {
  /** The new data key, for opening the re-keyed store at once; the caller wipes it. */
  dataKey: Buffer;
  recoveryKey: string;
  oneTimePasswords: OneTimePassword[];
  photosResealed: number;
}

/** In the folder being built: without the journal, a folder with this in it is a leftover to clear. */
export const rekeyingMarker = '.skinledger-rekeying';

export function rekeyingFolder(dataDir: string): string {
  return `${resolve(dataDir)}.rekeying`;
}

const oldStorePrefix = (dataDir: string) => `${basename(resolve(dataDir))}.before-rekey-`;

/** Thrown by `stopAfter`: a test's stand-in for the process dying there. */
export class RekeyStopped extends Error {
  constructor(readonly step: RekeyStep) {
    super(`Re-key stopped after ${step}`);
  }
}

/**
 * Changes the data key: a new store is built beside the live one (`<data>.rekeying`), the
 * database copied and re-encrypted under a fresh random key, every photo file re-sealed under
 * keys derived from it, and a new key file written with a slot for the acting admin (from the
 * password just typed), one per other active member of staff under a one-time password, and a
 * recovery slot under a new recovery key. Nothing the old key file held (slots, recovery key,
 * passwords) opens the new key. The folders then swap under the restore journal, so a crash
 * leaves the old store or the new one, whole; the old folder is deleted once the new one is in.
 */
export async function rekeyStore(dataDir: string, request: RekeyRequest): Promise<RekeyedStore> {
  const target = resolve(dataDir);
  const { services, admin, clock } = request;
  finishInterruptedRekey(target);
  if (services.backup.progress()) throw new StoreError('CONFLICT', rekeyMessages.backupRunning);
  // The password must open the admin's own slot: this is also how the old key is obtained.
  const opened = await services.vault.unlockWithPassword(admin.name, admin.password, { upgrade: false }).catch((error: unknown) => {
    if (error instanceof StoreError && error.code === 'WRONG_PASSWORD') throw new StoreError('WRONG_PASSWORD', rekeyMessages.wrongPassword);
    throw error;
  });
  const oldKey = opened.dataKey;
  if (opened.staffId !== admin.id) {
    oldKey.fill(0);
    throw new StoreError('WRONG_PASSWORD', rekeyMessages.wrongPassword);
  }
  const building = rekeyingFolder(target);
  const newKey = generateDataKey();
  let finished = false;
  try {
    mkdirSync(building, { mode: 0o700 });
    writeFileSync(join(building, rekeyingMarker), 'A SkinLedger data key change was in progress here. Safe to delete.\n', { mode: 0o600 });

    const oldFile = readKeySlotFile(services.vault.folder.keySlots);
    const staff = services.staff.list().filter((member) => member.active);
    const slots = await newSlots(oldFile, staff, admin, newKey, request.scrypt);

    // Photos first and slowly (they are most of the bytes), with the store still in use.
    const photoIds = () => new Set(services.db.prepare('SELECT id FROM photo').pluck().all() as string[]);
    const fromFiles = new PhotoFileStore(target, oldKey);
    const toFiles = new PhotoFileStore(building, newKey);
    const resealed = new Set<string>();
    const database = join(building, databaseFileName);
    const ids = [...photoIds()];
    try {
      for (const [index, id] of ids.entries()) {
        resealPhoto(fromFiles, toFiles, id);
        resealed.add(id);
        request.onProgress?.({ phase: 'photos', done: index + 1, total: ids.length });
        // Lets the window's requests (progress, other screens) through between photos.
        await new Promise((next) => setImmediate(next));
      }
      stopIf(request, 'photos');

      // From here to the swap nothing awaits: no other request can write to the live store
      // between the copy and the moment it closes, so nothing saved meanwhile is left behind.
      request.onProgress?.({ phase: 'database', done: 0, total: 1 });
      copyReencrypted(services.db, database, oldKey, newKey);
      stopIf(request, 'database');
      // Photos imported or deleted while the others were being re-sealed.
      const current = photoIds();
      for (const id of current) if (!resealed.has(id)) resealPhoto(fromFiles, toFiles, id);
      for (const id of resealed) if (!current.has(id)) toFiles.remove(id);
    } finally {
      fromFiles.close();
      toFiles.close();
    }

    const file: KeySlotFileBody = { ...newKeySlotFile(clock.now()), storeId: oldFile.storeId, slots: [...slots.slots] };
    const recovery = generateRecoveryKey();
    file.slots.push(wrapForRecovery(file, recovery.key, newKey));
    recovery.key.fill(0);
    const db = openDatabase(database, newKey);
    let photosResealed = 0;
    try {
      assertSameStaff(db, slots.staff);
      writeKeySlotFile(join(building, keySlotFileName), file, newKey, { mustNotExist: true });
      stopIf(request, 'key-file');
      photosResealed = db.prepare('SELECT count(*) FROM photo').pluck().get() as number;
      recordRekey(building, db, newKey, clock, {
        adminId: admin.id,
        storeId: file.storeId,
        photos: photosResealed,
        oneTimePasswords: slots.oneTimePasswords.map((p) => p.staffId),
      });
      proveCopy(services.db, db);
    } finally {
      db.close();
    }
    const throttle = join(target, '.login-throttle.json');
    if (existsSync(throttle)) copyFileSync(throttle, join(building, '.login-throttle.json'));
    // A clinic without photos has no photos folder.
    if (existsSync(join(building, photosFolderName))) syncFolder(join(building, photosFolderName));
    syncFolder(building);
    stopIf(request, 'proven');

    request.onProgress?.({ phase: 'finishing', done: 0, total: 1 });
    request.beforeMoving?.();
    swapFolders(target, building, clock, request);
    finished = true;
    request.afterMoving?.(newKey);
    return { dataKey: newKey, recoveryKey: recovery.text, oneTimePasswords: slots.oneTimePasswords, photosResealed };
  } catch (error) {
    // Before the journal the folder being built is only a leftover; after it the journal owns it.
    if (error instanceof RekeyStopped) throw error;
    if (existsSync(join(building, rekeyingMarker))) rmSync(building, { recursive: true, force: true });
    throw error;
  } finally {
    oldKey.fill(0);
    if (!finished) newKey.fill(0);
  }
}

/**
 * At every start, after any journalled folder moves are finished: a folder being built when
 * the process died (never journalled) is cleared, and an old store a finished swap left
 * behind is deleted. Both only once the data folder holds a store.
 */
export function finishInterruptedRekey(dataDir: string): void {
  const target = resolve(dataDir);
  finishInterruptedRestore(target);
  // Killed between the journal and the marker's removal: the journal moved the marker in too.
  rmSync(join(target, rekeyingMarker), { force: true });
  const building = rekeyingFolder(target);
  if (existsSync(join(building, rekeyingMarker))) rmSync(building, { recursive: true, force: true });
  if (inspectDataFolder(dataFolder(target)) !== 'store') return;
  const prefix = oldStorePrefix(target);
  let names: string[];
  try {
    names = readdirSync(dirname(target)).filter((name) => name.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) rmSync(join(dirname(target), name), { recursive: true, force: true });
}

async function newSlots(
  oldFile: KeySlotFileBody,
  staff: { id: string; name: string }[],
  admin: RekeyRequest['admin'],
  dataKey: Buffer,
  scrypt: ScryptParams,
): Promise<{ slots: KeySlotFileBody['slots']; oneTimePasswords: OneTimePassword[]; staff: Map<string, string> }> {
  const slots: KeySlotFileBody['slots'] = [];
  const oneTimePasswords: OneTimePassword[] = [];
  for (const member of staff) {
    const password = member.id === admin.id ? admin.password : oneTimePassword();
    const slot = await wrapForStaff(oldFile, member.id, member.name, password, dataKey, scrypt);
    slots.push(member.id === admin.id ? slot : { ...slot, oneTime: true });
    if (member.id !== admin.id) oneTimePasswords.push({ staffId: member.id, name: member.name, password });
  }
  if (!staff.some((member) => member.id === admin.id)) throw new StoreError('CONFLICT', rekeyMessages.adminNotActive);
  return { slots, oneTimePasswords, staff: new Map(staff.map((member) => [member.id, member.name])) };
}

/** Four groups of four from an alphabet with nothing to misread: about 80 bits, easy to read out. */
export function oneTimePassword(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += alphabet[randomInt(alphabet.length)];
    groups.push(group);
  }
  return groups.join('-');
}

function resealPhoto(from: PhotoFileStore, to: PhotoFileStore, id: string): void {
  for (const kind of photoFileKinds) {
    let plaintext: Buffer;
    try {
      plaintext = from.read(id, kind);
    } catch (error) {
      // A missing file stays missing (verify reports it); a damaged one stops the change, so
      // nothing is silently lost.
      if (error instanceof PhotoFileError && error.problem === 'missing') continue;
      throw new StoreError('CONFLICT', rekeyMessages.photoDamaged, { cause: error });
    }
    to.write(id, kind, plaintext);
    plaintext.fill(0);
  }
}

/**
 * A member of staff added, deactivated, reactivated or renamed while the slots were made (a slot
 * is found by name at sign-in): start again.
 */
function assertSameStaff(db: SqliteDatabase, slotted: Map<string, string>): void {
  const active = db.prepare('SELECT id, name FROM staff WHERE active = 1').all() as { id: string; name: string }[];
  if (active.length !== slotted.size || active.some((member) => slotted.get(member.id) !== member.name)) throw new StoreError('CONFLICT', rekeyMessages.staffChanged);
}

/** The change is the first row the new store's trail gets past the copy, and the head is anchored after it. */
function recordRekey(building: string, db: SqliteDatabase, dataKey: Buffer, clock: Clock, what: { adminId: string; storeId: string; photos: number; oneTimePasswords: string[] }): void {
  const vault = new Vault(building, { clock });
  vault.holdDataKey(dataKey);
  try {
    const audit = new AuditLog(db, clock, vault);
    db.transaction(() => {
      audit.append({
        staffId: what.adminId,
        action: 'store.rekey',
        entity: 'store',
        entityId: what.storeId,
        detail: `photos=${what.photos} one-time-passwords=${what.oneTimePasswords.length}`,
      });
    })();
    audit.anchorHead();
  } finally {
    vault.forgetDataKey();
  }
}

/** The copy opens under the new key, passes SQLite's check and holds every row the live store does. */
function proveCopy(live: SqliteDatabase, copy: SqliteDatabase): void {
  const check = copy.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new StoreError('SAVE_FAILED', rekeyMessages.copyFailed);
  const tables = live.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  for (const table of tables) {
    const count = (db: SqliteDatabase) =>
      db
        .prepare(`SELECT count(*) FROM "${table.replace(/"/g, '""')}"`)
        .pluck()
        .get() as number;
    const expected = count(live) + (table === 'audit_event' ? 1 : 0);
    if (count(copy) !== expected) throw new StoreError('SAVE_FAILED', rekeyMessages.copyFailed);
  }
}

/**
 * The journalled swap the restore uses: the proven folder goes to `<data>`, the old one aside
 * first; a crash between the moves is finished at the next start (finishInterruptedRekey).
 */
function swapFolders(target: string, building: string, clock: Clock, request: RekeyRequest): void {
  const stamp = clock.now().toISOString().slice(0, 19).replace(/:/g, '-');
  const aside = join(dirname(target), `${oldStorePrefix(target)}${stamp}Z`);
  rmSync(aside, { recursive: true, force: true });
  writeRestoreJournal(target, { restoring: building, aside });
  rmSync(join(building, rekeyingMarker), { force: true });
  syncFolder(building);
  stopIf(request, 'journal');
  try {
    renameSync(target, aside);
  } catch (error) {
    // Nothing moved (a file held open by another program): the live store stays as it was.
    clearRestoreJournal(target);
    rmSync(building, { recursive: true, force: true });
    throw new StoreError('SAVE_FAILED', rekeyMessages.couldNotMove, { cause: error });
  }
  stopIf(request, 'moved-aside');
  try {
    renameSync(building, target);
  } catch (error) {
    renameSync(aside, target);
    clearRestoreJournal(target);
    rmSync(building, { recursive: true, force: true });
    throw new StoreError('SAVE_FAILED', rekeyMessages.couldNotMove, { cause: error });
  }
  syncFolderOf(target);
  clearRestoreJournal(target);
  stopIf(request, 'placed');
  // Its data key is the one being retired: the copy goes as soon as the new store is in place.
  rmSync(aside, { recursive: true, force: true });
  stopIf(request, 'old-removed');
}

function stopIf(request: RekeyRequest, step: RekeyStep): void {
  if (request.stopAfter === step) throw new RekeyStopped(step);
}
