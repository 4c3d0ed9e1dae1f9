import type { RekeyProgress, RekeyResult } from '../../shared/contract/rekey-channels';
import { writeChosenFile } from '../files/write-chosen-file';
import { renderRecoveryKit } from '../recovery-kit/recovery-kit-pdf';
import { rekeyMessages } from '../rekey/rekey-messages';
import { rekeyStore } from '../rekey/rekey-store';
import type { SkinLedgerRuntime } from '../session/runtime';
import { StoreError } from '../store/store-error';
import type { DesktopPorts } from './ports';

/**
 * The data key change for one running app. It outlives the store it replaces (the runtime's
 * store is closed and the new one opened half-way), so it lives beside the runtime. The new
 * recovery key is kept in memory only until the admin says it is recorded.
 */
export class RekeyDesk {
  private progress: RekeyProgress | null = null;
  private busy = false;
  private recoveryKey: string | null = null;

  constructor(
    private readonly runtime: SkinLedgerRuntime,
    private readonly ports: DesktopPorts,
  ) {}

  async run(password: string): Promise<RekeyResult> {
    const runtime = this.runtime;
    const { services, staff } = runtime.current();
    if (this.busy) throw new StoreError('CONFLICT', rekeyMessages.alreadyRunning);
    this.busy = true;
    this.recoveryKey = null;
    let locked = false;
    try {
      const result = await rekeyStore(services.vault.folder.root, {
        services,
        admin: { id: staff.id, name: staff.name, password },
        clock: services.clock,
        scrypt: services.vault.slotCost(),
        onProgress: (progress) => {
          this.progress = progress;
        },
        beforeMoving: () => {
          locked = runtime.isLocked();
          runtime.closeWithoutWriting();
        },
        afterMoving: (dataKey) => runtime.reopenAfterRekey(staff, dataKey, locked),
      });
      result.dataKey.fill(0);
      this.recoveryKey = result.recoveryKey;
      return { recoveryKey: result.recoveryKey, oneTimePasswords: result.oneTimePasswords, photosResealed: result.photosResealed };
    } finally {
      this.busy = false;
      this.progress = null;
    }
  }

  progressNow(): RekeyProgress | null {
    return this.progress;
  }

  /** The new Recovery Kit, made and saved as at set-up. */
  async saveRecoveryKit(): Promise<{ saved: boolean }> {
    const runtime = this.runtime;
    if (!this.recoveryKey) throw new StoreError('CONFLICT', rekeyMessages.noRecoveryKey);
    const path = await this.ports.chooseSavePath({
      title: 'Save the new Recovery Kit',
      defaultName: 'SkinLedger Recovery Kit (new key).pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (!path) return { saved: false };
    // Asked again after the dialog: the screen may have locked while it was open.
    const { services, staff } = runtime.current();
    const settings = services.settings.get();
    const pdf = await renderRecoveryKit({
      clinicName: settings.clinicName,
      clinicAddress: settings.clinicAddress,
      recoveryKey: this.recoveryKey,
      createdAt: services.clock.now(),
      paperSize: settings.paperSize,
    });
    writeChosenFile(path, pdf, 'The Recovery Kit');
    services.audit.append({ staffId: staff.id, action: 'recovery-kit.save', entity: 'store' });
    return { saved: true };
  }

  acknowledge(): void {
    const { services, staff } = this.runtime.current();
    if (!this.recoveryKey) return;
    this.recoveryKey = null;
    services.audit.append({ staffId: staff.id, action: 'recovery-key.acknowledge', entity: 'store' });
  }
}
