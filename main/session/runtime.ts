import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppStatus, SetupInput } from '../../shared/contract';
import type { NetworkShareKind } from '../../shared/contract/channels';
import { networkShareOf } from '../store/network-folder';
import type { SignedInStaff } from '../../shared/staff';
import type { z } from 'zod';
import { assembleServices, openServices, vaultOptions, type ServiceOptions, type Services, type SignedIn } from '../app';
import { systemClock, type Clock } from '../clock';
import type { ScryptLimits } from '../crypto/kdf';
import { renderRecoveryKit } from '../recovery-kit/recovery-kit-pdf';
import { finishInterruptedRekey } from '../rekey/rekey-store';
import { storageFailure } from '../store/storage-failure';
import { StoreError, storeMessages } from '../store/store-error';
import { Vault } from '../vault/vault';
import { LoginThrottle, loginThrottleFileName } from './login-throttle';
import { warmPdfFontsSoon } from '../pdf/warm-fonts';

export interface RuntimeOptions extends ServiceOptions {
  dataDir: string;
  appVersion: string;
  /** Which network filesystem the data folder is on, if any; the real mount table when absent. */
  networkShareOf?: (dataDir: string) => NetworkShareKind | null;
}

interface FailedSignIn {
  at: string;
  /** The member of staff the typed name belongs to; null when it matched nobody. */
  staffId: string | null;
}

/**
 * One running SkinLedger: which store is open, who is signed in, whether the screen is locked.
 * The bridge asks it who is at the keyboard before any channel runs.
 */
export class SkinLedgerRuntime {
  private services: Services | null = null;
  private staff: SignedInStaff | null = null;
  private locked = false;
  private pendingRecoveryKey: string | null = null;
  private readonly failedSignIns: FailedSignIn[] = [];
  private readonly throttle: LoginThrottle;
  /** The clock of this app: the system's, or a test's. */
  readonly clock: Clock;
  private readonly vault: Vault;
  private readonly dataFolderOnNetwork: NetworkShareKind | null;
  /**
   * Damage only opening the database can find (the key file is sound but the database does not
   * open with its key, or a page read later fails; or the key file's MAC does not match),
   * remembered for the file it was found in, so the window shows the store-error screen (with
   * restore) instead of a sign-in form that can never work. A new file in its place (a restore, a repair) is looked at afresh.
   */
  private damageFound: { code: 'DATABASE_UNREADABLE' | 'DATABASE_DAMAGED' | 'KEY_FILE_ALTERED'; message: string; file: string } | null = null;
  /**
   * The services of a session whose database was found damaged: they write nothing more, and
   * their connection stays open until the process ends, so that no checkpoint on close touches
   * the damaged file (closing them later only forgets their key).
   */
  private readonly stoppedOnDamage: Services[] = [];
  /** The data folder was put back from an older copy: told to admins for as long as the store is open. */
  private rollbackNotice: string | null = null;

  constructor(private readonly options: RuntimeOptions) {
    this.clock = options.clock ?? systemClock;
    // A restore or data key change cut off between its folder moves is finished before the folder is looked at.
    finishInterruptedRekey(options.dataDir);
    // Counted per name and kept in the data folder, so a restart does not clear the wait.
    this.throttle = new LoginThrottle(this.clock, join(options.dataDir, loginThrottleFileName));
    this.vault = new Vault(options.dataDir, vaultOptions(options));
    // Looked up once: the folder does not move while the app runs.
    this.dataFolderOnNetwork = (options.networkShareOf ?? networkShareOf)(options.dataDir);
  }

  /** The data folder this runtime opens: where a restore on a fresh install goes. */
  get dataDir(): string {
    return this.options.dataDir;
  }

  status(): AppStatus {
    const base = {
      appVersion: this.options.appVersion,
      clinicName: this.services ? this.services.settings.get().clinicName : null,
      staff: this.staff ? { ...this.staff, mustChangePassword: this.mustChangePassword(this.staff.id) } : null,
      idleLockMinutes: this.services ? this.services.settings.get().idleLockMinutes : 5,
      storeError: null,
      recoveryKeyPending: this.pendingRecoveryKey !== null,
      dataFolderOnNetwork: this.dataFolderOnNetwork,
      adminNotice: this.adminNotice(),
    };
    if (this.services && this.staff) return { ...base, state: this.locked ? 'locked' : 'signed-in' };
    const folderState = this.vault.state();
    if (folderState === 'empty') return { ...base, state: 'needs-setup' };
    try {
      this.vault.assertOpenable();
      const damage = this.currentDamage();
      if (damage) return { ...base, state: 'store-error', storeError: { code: damage.code, message: damage.message } };
      return { ...base, state: 'signed-out' };
    } catch (error) {
      const storeError = error instanceof StoreError ? { code: error.code, message: error.message } : { code: 'INTERNAL' as const, message: storeMessages.databaseUnreadable };
      return { ...base, state: 'store-error', storeError };
    }
  }

  /** The services of the signed-in, unlocked member of staff. */
  current(): SignedIn {
    if (!this.services || !this.staff) throw new StoreError('NOT_SIGNED_IN', 'Please sign in.');
    if (this.locked) throw new StoreError('LOCKED', 'The screen is locked. Enter your password to carry on.');
    return { services: this.services, staff: this.staff };
  }

  /** The key-slot costs this app opens: the production range, unless built with a test cost. */
  acceptedSlotCost(): ScryptLimits {
    return this.vault.acceptedSlotCost();
  }

  signedIn(): SignedInStaff | null {
    return this.staff;
  }

  isLocked(): boolean {
    return this.locked;
  }

  async setup(input: z.output<typeof SetupInput>): Promise<{ recoveryKey: string }> {
    const created = await this.vault.create({ name: input.adminName, password: input.password });
    const services = assembleServices(this.vault, created.db, created.dataKey, this.clock, this.options);
    created.dataKey.fill(0);
    const admin = services.staff.recordFounder(created.adminStaffId, input.adminName);
    services.settings.update(admin.id, {
      ...services.settings.get(),
      clinicName: input.clinicName,
      clinicAddress: input.clinicAddress,
    });
    services.audit.append({ staffId: admin.id, action: 'store.create', entity: 'store', entityId: this.vault.storeId() });
    this.services = services;
    this.staff = { id: admin.id, name: admin.name, role: admin.role };
    this.locked = false;
    this.pendingRecoveryKey = created.recoveryKey;
    return { recoveryKey: created.recoveryKey };
  }

  /**
   * The Recovery Kit, while the recovery key is still held: it lives in memory only until the
   * admin says it is safely recorded. `render` makes the PDF; `saved` records that it was saved.
   */
  recoveryKit(): { render: () => Promise<Buffer>; saved: () => void } {
    const { services, staff } = this.current();
    const recoveryKey = this.pendingRecoveryKey;
    if (!recoveryKey) {
      throw new StoreError('CONFLICT', 'The recovery key is shown only once, at set-up. It can no longer be printed.');
    }
    return {
      render: () => {
        const settings = services.settings.get();
        return renderRecoveryKit({
          clinicName: settings.clinicName,
          clinicAddress: settings.clinicAddress,
          recoveryKey,
          createdAt: this.clock.now(),
          paperSize: settings.paperSize,
        });
      },
      saved: () => services.audit.append({ staffId: staff.id, action: 'recovery-kit.save', entity: 'store' }),
    };
  }

  acknowledgeRecoveryKey(): void {
    const { services, staff } = this.current();
    this.pendingRecoveryKey = null;
    services.audit.append({ staffId: staff.id, action: 'recovery-key.acknowledge', entity: 'store' });
  }

  /** Sign in, or switch user from the lock screen: one step either way. */
  async login(name: string, password: string): Promise<SignedInStaff> {
    const damage = this.currentDamage();
    if (damage) throw new StoreError(damage.code, damage.message);
    this.refuseWhileThrottled(name);
    let unlocked: { dataKey: Buffer; staffId: string };
    try {
      unlocked = await this.vault.unlockWithPassword(name, password);
    } catch (error) {
      if (error instanceof StoreError && error.code === 'WRONG_PASSWORD') {
        this.failSignIn(name);
        throw new StoreError('WRONG_PASSWORD', error.message, { retryAfterSeconds: this.throttle.waitSeconds(name) });
      }
      // An edited key file is found only once a password unwraps the data key: from then on the
      // store-error screen (with its restore) stands in for a sign-in that cannot work, until
      // the key file is replaced.
      if (error instanceof StoreError && error.code === 'KEY_FILE_ALTERED') {
        this.damageFound = { code: error.code, message: error.message, file: databaseIdentity(this.vault.folder.keySlots) };
      }
      throw error;
    }
    if (this.services && !this.services.holdsKey(unlocked.dataKey)) {
      this.closeServices();
    }
    let services: Services;
    try {
      services = this.services ?? openServices(this.options.dataDir, unlocked.dataKey, { ...this.options, clock: this.clock });
    } catch (error) {
      if (error instanceof StoreError && (error.code === 'DATABASE_UNREADABLE' || error.code === 'DATABASE_DAMAGED')) {
        this.damageFound = { code: error.code, message: error.message, file: databaseIdentity(this.vault.folder.database) };
      }
      throw error;
    } finally {
      unlocked.dataKey.fill(0);
    }
    this.services = services;
    const member = services.staff.find(unlocked.staffId);
    if (!member || !member.active) {
      // A slot without an active staff row (deactivated mid-session): treat as a wrong password.
      this.failSignIn(name);
      throw new StoreError('WRONG_PASSWORD', storeMessages.wrongPassword, { retryAfterSeconds: this.throttle.waitSeconds(name) });
    }
    this.throttle.recordSuccess(name);
    this.noteRollback(services, member.role);
    this.flushFailedSignIns(services);
    const previous = this.staff;
    this.staff = { id: member.id, name: member.name, role: member.role };
    this.locked = false;
    if (previous && previous.id !== member.id) {
      services.audit.append({ staffId: member.id, action: 'session.switch-user', entity: 'staff', entityId: previous.id });
    } else {
      services.audit.append({ staffId: member.id, action: 'session.sign-in', entity: 'staff', entityId: member.id });
    }
    warmPdfFontsSoon();
    return this.staff;
  }

  async unlock(password: string): Promise<SignedInStaff> {
    if (!this.services || !this.staff) throw new StoreError('NOT_SIGNED_IN', 'Please sign in.');
    this.refuseWhileThrottled(this.staff.name);
    if (!(await this.vault.passwordOpensSlotOf(this.staff.id, password))) {
      this.failSignIn(this.staff.name);
      this.flushFailedSignIns(this.services);
      throw new StoreError('WRONG_PASSWORD', 'That password is not right. Check Caps Lock and try again.', {
        retryAfterSeconds: this.throttle.waitSeconds(this.staff.name),
      });
    }
    this.throttle.recordSuccess(this.staff.name);
    this.locked = false;
    this.services.audit.append({ staffId: this.staff.id, action: 'session.unlock', entity: 'staff', entityId: this.staff.id });
    return this.staff;
  }

  lock(reason: 'button' | 'idle' | 'shortcut' = 'button'): void {
    if (!this.services || !this.staff || this.locked) return;
    this.locked = true;
    this.services.audit.append({ staffId: this.staff.id, action: 'session.lock', entity: 'staff', entityId: this.staff.id, detail: reason });
  }

  /**
   * Signs out even when the sign-out cannot be recorded (a full or read-only disk, a damaged
   * file): a session that stays open because the disk is full is worse than a missing row.
   */
  signOut(): void {
    const services = this.services;
    const staff = this.staff;
    this.staff = null;
    this.locked = false;
    this.pendingRecoveryKey = null;
    if (!services || !staff) return;
    try {
      services.audit.append({ staffId: staff.id, action: 'session.sign-out', entity: 'staff', entityId: staff.id });
    } catch (error) {
      const failure = storageFailure(error);
      if (!failure) throw error;
      if (failure.code === 'DATABASE_DAMAGED') this.stopOnDamage(failure);
    }
  }

  /**
   * The database was found damaged in this session (a page failed to read back): the session
   * ends, nothing more is written to the store (no audit row, no anchor, no checkpoint, no
   * backup on close) and the window shows the store-error screen with the way back.
   */
  stopOnDamage(error: StoreError): void {
    if (this.services) {
      this.services.stopWriting();
      this.stoppedOnDamage.push(this.services);
    }
    this.services = null;
    this.staff = null;
    this.locked = false;
    this.pendingRecoveryKey = null;
    this.damageFound = { code: 'DATABASE_DAMAGED', message: error.message, file: databaseIdentity(this.vault.folder.database) };
  }

  /**
   * Backups run on their schedule whether or not the screen is locked: the store stays open while
   * locked, and a backup reads nothing a person sees. Nothing happens while no store is open.
   */
  async runScheduledBackup(trigger: 'close' | 'daily'): Promise<void> {
    if (!this.services) return;
    await this.services.backup.runDueBackups(this.clock.now(), trigger);
  }

  close(): void {
    this.signOut();
    this.closeServices();
  }

  /**
   * Before a restore moves the data folder aside: signs out and closes every handle into the
   * folder, those of a session stopped on damage included (see Services.release).
   */
  releaseDataFolder(): void {
    this.close();
    for (const stopped of this.stoppedOnDamage.splice(0)) stopped.release();
  }

  /**
   * Closes the open store without writing a row: a data key change has just copied it, and
   * anything written to the old store now would be lost with it.
   */
  closeWithoutWriting(): void {
    this.staff = null;
    this.locked = false;
    this.pendingRecoveryKey = null;
    this.closeServices();
  }

  /**
   * Opens the re-keyed store that has just taken the old one's place, for the admin who changed
   * the key, without a signed-out moment in between (the window keeps its screen).
   */
  reopenAfterRekey(staff: SignedInStaff, dataKey: Buffer, locked: boolean): void {
    this.services = openServices(this.options.dataDir, dataKey, { ...this.options, clock: this.clock });
    this.staff = { id: staff.id, name: staff.name, role: staff.role };
    // A screen the idle lock locked while the key changed stays locked.
    this.locked = locked;
    this.services.audit.append({ staffId: staff.id, action: 'session.sign-in', entity: 'staff', entityId: staff.id });
  }

  /**
   * True while the signed-in member of staff holds a one-time password (given after a data key
   * change): until they choose their own, main answers only the password change, lock and sign-out.
   */
  mustChooseOwnPassword(): boolean {
    return this.staff !== null && this.mustChangePassword(this.staff.id);
  }

  /** Read from the key file each time, so a password just chosen clears it at once. */
  private mustChangePassword(staffId: string): boolean {
    try {
      return this.vault.mustChangePassword(staffId);
    } catch {
      return false;
    }
  }

  /** For an admin: the data folder is older than SkinLedger last saw it (see Services.rollbackNotice). */
  adminNotice(): string | null {
    return this.staff?.role === 'admin' ? this.rollbackNotice : null;
  }

  /**
   * The first admin to sign in is told; from then on the copies outside the folder follow this
   * store again. Until then they wait, so a receptionist's sign-in does not erase the evidence.
   */
  private noteRollback(services: Services, role: SignedInStaff['role']): void {
    if (!services.rollbackNotice || role !== 'admin') return;
    this.rollbackNotice = services.rollbackNotice.message;
    services.seenHeads?.release();
  }

  private closeServices(): void {
    this.services?.close();
    this.services = null;
    this.staff = null;
    // Only forgets their key: the damaged file's connection stays open, so nothing checkpoints into it.
    for (const stopped of this.stoppedOnDamage) stopped.close();
    this.rollbackNotice = null;
  }

  private currentDamage() {
    const damage = this.damageFound;
    const file = damage?.code === 'KEY_FILE_ALTERED' ? this.vault.folder.keySlots : this.vault.folder.database;
    return damage && damage.file === databaseIdentity(file) ? damage : null;
  }

  /** Refused unread while this name (or, after many wrong passwords, everyone) must wait. */
  private refuseWhileThrottled(name: string): void {
    const wait = this.throttle.waitSeconds(name);
    if (wait > 0) {
      throw new StoreError('TOO_MANY_ATTEMPTS', `Too many wrong passwords. Try again in ${wait} second${wait === 1 ? '' : 's'}.`, {
        retryAfterSeconds: wait,
      });
    }
  }

  private failSignIn(nameEntered: string): void {
    this.throttle.recordFailure(nameEntered);
    // Kept in memory until a store is open to write it to; the folder is never touched by a
    // failure. The text typed is never kept: people type passwords into the name field.
    this.failedSignIns.push({ at: this.clock.now().toISOString(), staffId: this.staffIdForName(nameEntered) });
    if (this.failedSignIns.length > 1000) this.failedSignIns.shift();
  }

  private staffIdForName(name: string): string | null {
    try {
      return this.vault.staffIdForName(name);
    } catch {
      // A damaged key file is reported where the store is opened; here it only means "unknown".
      return null;
    }
  }

  private flushFailedSignIns(services: Services): void {
    for (const failure of this.failedSignIns.splice(0)) {
      services.audit.append({
        staffId: null,
        action: 'session.sign-in-failed',
        entity: 'staff',
        entityId: failure.staffId,
        detail: `at=${failure.at} name=${failure.staffId ? 'known' : 'unknown'}`,
      });
    }
  }
}

/** Which file is at a path now: a restore or a copy puts a different file there. */
function databaseIdentity(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}
