import { basename } from 'node:path';
import type { BackupProgress, BackupSettings, ChosenBackup, RestoreKey, RestoreResult } from '../../shared/contract/backup-channels';
import type { Services, SignedIn } from '../app';
import type { Clock } from '../clock';
import type { SkinLedgerRuntime } from '../session/runtime';
import { StoreError } from '../store/store-error';
import { Vault } from '../vault/vault';
import type { ArchiveUnlock } from '../backup/archive-keys';
import { describeBackupFile, type BackupInfo } from '../backup/read-archive';
import { backupMessages } from '../backup/backup-messages';
import { deleteKeptAsideStore, listKeptAsideStores, type KeptAsideStore } from '../backup/kept-aside-stores';
import { replaceStoreFromBackup, restoreIntoEmptyFolder, type RestoredStore } from '../backup/restore-backup';
import type { DesktopPorts } from './ports';

export interface BackupDeskOptions {
  /** The running app: its data folder is where a fresh install restores to; its clock dates the restore. */
  runtime: SkinLedgerRuntime;
  ports: DesktopPorts;
}

/**
 * The restore side of the backup channels, for one running app. A restore outlives the store it
 * replaces (it closes the runtime's store half-way), so it lives beside the runtime rather than
 * in its services. The file to restore is picked through the desktop's dialog and kept here:
 * the window never sends a path.
 */
export class BackupDesk {
  private chosen: { path: string; header: BackupInfo } | null = null;
  private progress: BackupProgress | null = null;
  private busy = false;
  private readonly clock: Clock;

  constructor(private readonly options: BackupDeskOptions) {
    this.clock = options.runtime.clock;
  }

  /** Opens the desktop's folder dialog and makes the folder picked the backup folder (if SkinLedger can write there). */
  async chooseFolder(): Promise<{ chosen: boolean; settings: BackupSettings }> {
    const runtime = this.options.runtime;
    const current = runtime.current().services.backup.settings().folder;
    const folder = await this.options.ports.chooseFolder({ title: 'Choose where SkinLedger keeps its backups', ...(current ? { defaultPath: current } : {}) });
    // Asked again after the dialog: the screen may have locked while it was open.
    const { services, staff } = runtime.current();
    if (!folder) return { chosen: false, settings: services.backup.settings() };
    return { chosen: true, settings: services.backup.setFolder(staff.id, folder) };
  }

  /** Opens the desktop's file dialog and describes the backup picked, from its header alone. */
  async chooseFile(): Promise<ChosenBackup> {
    const runtime = this.options.runtime;
    const startIn = runtime.signedIn() && !runtime.isLocked() ? runtime.current().services.backup.settings().folder : null;
    const path = await this.options.ports.chooseOpenPath({
      title: 'Choose a SkinLedger backup',
      filters: [{ name: 'SkinLedger backup', extensions: ['slbackup'] }],
      ...(startIn ? { defaultPath: startIn } : {}),
    });
    if (!path) return { chosen: false };
    return this.pick(path);
  }

  /** Picks a file the main process already trusts (one listed in the backup folder). */
  async pick(path: string): Promise<ChosenBackup> {
    this.chosen = null;
    const header = await describeBackupFile(path);
    this.chosen = { path, header };
    const openStore = this.openStoreId();
    return {
      chosen: true,
      file: basename(path),
      createdAt: header.createdAt,
      appVersion: header.appVersion,
      sameStore: openStore === null ? null : openStore === header.storeId,
    };
  }

  progressNow(): BackupProgress | null {
    return this.progress;
  }

  /**
   * Before anyone can sign in: on a fresh install (the set-up screen) into the empty data folder,
   * or over a store that cannot be opened because a file of it is missing or damaged (the
   * store-error screen), which is then kept aside, never deleted. Refused while a usable store is
   * there, and while another SkinLedger has the folder open.
   */
  async restoreWithoutSignIn(key: RestoreKey): Promise<RestoreResult> {
    const runtime = this.options.runtime;
    const status = runtime.signedIn() ? null : runtime.status();
    const fresh = status?.state === 'needs-setup';
    const broken = status?.state === 'store-error' && status.storeError !== null && replaceableDamage.has(status.storeError.code);
    if (!fresh && !broken) throw new StoreError('CONFLICT', backupMessages.storeExists);
    const chosen = this.requireChosen();
    const request = {
      archivePath: chosen.path,
      unlock: unlockFor(key, runtime),
      clock: this.clock,
      via: 'app' as const,
      onProgress: this.track,
      // A session stopped on damage still holds the old database open: closed before the swap.
      beforeWriting: () => runtime.releaseDataFolder(),
    };
    const restored = await this.exclusively(() => (fresh ? restoreIntoEmptyFolder(this.options.runtime.dataDir, request) : replaceStoreFromBackup(this.options.runtime.dataDir, request)));
    return this.result(restored);
  }

  /**
   * From Settings: replaces the open store. The backup is checked in full while the store is
   * still open; only then is the runtime closed (everyone is signed out) and the store replaced.
   * The old folder is kept beside it; the window then shows the sign-in screen.
   */
  async replaceStore(key: RestoreKey): Promise<RestoreResult> {
    const runtime = this.options.runtime;
    const { services, staff } = runtime.current();
    if (services.backup.progress()) throw new StoreError('CONFLICT', backupMessages.alreadyRunning);
    const chosen = this.requireChosen();
    const dataDir = services.vault.folder.root;
    const restored = await this.exclusively(() =>
      replaceStoreFromBackup(dataDir, {
        archivePath: chosen.path,
        unlock: unlockFor(key, runtime),
        clock: this.clock,
        staffId: staff.id,
        via: 'app',
        onProgress: this.track,
        beforeWriting: () => runtime.releaseDataFolder(),
      }),
    );
    return this.result(restored);
  }

  private result(restored: RestoredStore): RestoreResult {
    this.chosen = null;
    return {
      backupCreatedAt: restored.backupCreatedAt,
      counts: restored.counts,
      replacedFolderName: restored.replacedFolder ? basename(restored.replacedFolder) : null,
    };
  }

  private requireChosen(): { path: string; header: BackupInfo } {
    if (!this.chosen) throw new StoreError('CONFLICT', backupMessages.noFileChosen);
    return this.chosen;
  }

  private openStoreId(): string | null {
    const runtime = this.options.runtime;
    if (runtime.signedIn() && !runtime.isLocked()) return runtime.current().services.vault.storeId();
    try {
      return new Vault(this.options.runtime.dataDir, { clock: this.clock }).storeId();
    } catch {
      return null;
    }
  }

  private readonly track = (progress: BackupProgress) => {
    this.progress = progress;
  };

  private async exclusively<T>(job: () => Promise<T>): Promise<T> {
    if (this.busy) throw new StoreError('CONFLICT', backupMessages.alreadyRunning);
    this.busy = true;
    try {
      return await job();
    } finally {
      this.busy = false;
      this.progress = null;
    }
  }
}

/** Damage the store-error screen reports that a restore may replace (not "in use", not a folder of other files). */
const replaceableDamage: ReadonlySet<string> = new Set(['KEY_FILE_MISSING', 'KEY_FILE_DAMAGED', 'KEY_FILE_ALTERED', 'DATABASE_MISSING', 'DATABASE_UNREADABLE', 'DATABASE_DAMAGED']);

/** A password opens a backup's slot only at a cost the app's own key file would accept. */
function unlockFor(key: RestoreKey, runtime: SkinLedgerRuntime): ArchiveUnlock {
  return key.kind === 'recovery' ? { kind: 'recovery', recoveryKey: key.recoveryKey } : { kind: 'password', name: key.name, password: key.password, slotCost: runtime.acceptedSlotCost() };
}

/** The stores earlier restores moved aside, beside the open store's folder. */
export function keptAsideStores(services: Services): KeptAsideStore[] {
  return listKeptAsideStores(services.vault.folder.root);
}

/**
 * Deletes one kept-aside store for good (admins only, by the contract) and records who did,
 * with its name and size: the audit row is written once the folder is gone.
 */
export function deleteKeptAside({ services, staff }: SignedIn, name: string): KeptAsideStore[] {
  const dataDir = services.vault.folder.root;
  const deleted = deleteKeptAsideStore(dataDir, name);
  services.audit.append({ staffId: staff.id, action: 'backup.kept-aside.delete', entity: 'store', entityId: deleted.name, detail: `bytes=${deleted.sizeBytes}` });
  return listKeptAsideStores(dataDir);
}
