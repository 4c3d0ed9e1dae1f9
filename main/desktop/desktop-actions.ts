import type { AuditFilters } from '../../shared/contract/audit-channels';
import type { SignedIn } from '../app';
import { exportRecordToChosenFolder, exportRecordToEmptyFolder } from '../client-export/export-record-to-chosen-folder';
import { ConsentDesk } from '../consents/consent-desk';
import { DiaryDesk } from '../diary/diary-desk';
import { GpLetterDesk } from '../copies/gp-letter-desk';
import { writeChosenFile } from '../files/write-chosen-file';
import { MedicalHistoryDesk } from '../medical-history/medical-history-desk';
import { ComparisonExporter } from '../photos/comparison-exporter';
import type { SkinLedgerRuntime } from '../session/runtime';
import { SessionDesk } from '../treatments/session-desk';
import { BackupDesk } from './backup-desk';
import { ClientImportDesk } from './client-import-desk';
import { ClinicExportDesk } from './clinic-export-desk';
import { RekeyDesk } from './rekey-desk';
import type { DesktopPorts } from './ports';

export interface DesktopActionsOptions {
  runtime: SkinLedgerRuntime;
  /** The desktop's dialogs and printer: the shell's, the harness's or a test's. */
  ports: DesktopPorts;
}

/**
 * Everything the app does through the desktop around it: save, open and folder dialogs and the
 * print dialog. Built once where the app is put together (main/index.ts; the browser-test
 * harness and the tests build their own) and handed to every handler with the runtime, so a
 * caller that forgets it does not compile. The only places a record leaves the encrypted store
 * are paths the user chose here.
 */
export class DesktopActions {
  readonly ports: DesktopPorts;
  /** Choosing the backup folder, and restores (which outlive the store they replace). */
  readonly backup: BackupDesk;
  readonly consents: ConsentDesk;
  readonly sessions: SessionDesk;
  /** A medical-history answer set printed or saved as PDF. */
  readonly medicalHistory: MedicalHistoryDesk;
  /** A session's letter to the client's GP, for clients who agreed. */
  readonly gpLetters: GpLetterDesk;
  readonly photoComparisons: ComparisonExporter;
  /** Changing the data key, which replaces the store under the running app. */
  readonly rekey: RekeyDesk;
  /** Settings → Import clients: the chosen file, held in memory, and its import. */
  readonly clientImport: ClientImportDesk;
  /** Settings → Export everything. */
  readonly clinicExport: ClinicExportDesk;
  /** The diary's day sheet and calendar file. */
  readonly diary: DiaryDesk;
  private readonly runtime: SkinLedgerRuntime;

  constructor(options: DesktopActionsOptions) {
    this.runtime = options.runtime;
    this.ports = options.ports;
    this.backup = new BackupDesk({ runtime: options.runtime, ports: options.ports });
    this.consents = new ConsentDesk(options.ports);
    this.sessions = new SessionDesk(options.ports);
    this.medicalHistory = new MedicalHistoryDesk(options.ports);
    this.gpLetters = new GpLetterDesk(options.ports);
    this.photoComparisons = new ComparisonExporter(options.ports);
    this.rekey = new RekeyDesk(options.runtime, options.ports);
    this.clientImport = new ClientImportDesk(options.ports);
    this.clinicExport = new ClinicExportDesk(options.ports);
    this.diary = new DiaryDesk(options.ports);
  }

  /** The Recovery Kit PDF, saved where the admin chooses, while the recovery key is still held. */
  async saveRecoveryKit(): Promise<{ saved: boolean }> {
    const kit = this.runtime.recoveryKit();
    const path = await this.ports.chooseSavePath({
      title: 'Save the Recovery Kit',
      defaultName: 'SkinLedger Recovery Kit.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (!path) return { saved: false };
    writeChosenFile(path, await kit.render(), 'The Recovery Kit');
    kit.saved();
    return { saved: true };
  }

  async exportAuditTrail(filters: AuditFilters): Promise<{ saved: boolean; rows: number }> {
    const day = this.runtime.current().services.retention.today();
    const path = await this.ports.chooseSavePath({
      title: 'Export the audit trail',
      defaultName: `SkinLedger audit trail ${day}.csv`,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    if (!path) return { saved: false, rows: 0 };
    // Asked again after the dialog: the screen may have locked while it was open.
    const { services, staff } = this.runtime.current();
    return { saved: true, ...services.auditTrail.writeCsv(staff.id, filters, path) };
  }

  /** Right of access: the client's record into a new folder named in the save dialog. */
  exportClientRecord({ services, staff }: SignedIn, clientId: string) {
    return exportRecordToChosenFolder(services, staff.id, clientId, this.ports);
  }

  /** Right of access: the client's record into an empty folder the user picks. */
  exportClientToFolder({ services, staff }: SignedIn, clientId: string) {
    return exportRecordToEmptyFolder(services, staff.id, clientId, this.ports);
  }
}
