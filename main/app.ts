import { StockService } from './stock/stock-service';
import { hostname } from 'node:os';
import { refuseRolledBackTrail } from './audit/anchor-check';
import { AuditLog } from './audit/audit-log';
import { SeenHeadCopies, type RollbackNotice } from './audit/seen-head';
import { AuditTrailQuery } from './audit/audit-trail-query';
import { BackupService } from './backup/backup-service';
import { ClientProfileService } from './clients/client-profile-service';
import { ClientService } from './clients/client-service';
import { ClientImportService } from './import/client-import-service';
import { CopiesService, eraseSharingChoices } from './copies/copies-service';
import { EmailOutbox, eraseQueuedEmails } from './copies/email-outbox';
import { ConsentService } from './consents/consent-service';
import { eraseClientAppointments } from './diary/appointment-eraser';
import { DiaryService } from './diary/diary-service';
import { DiarySettingsStore } from './diary/diary-settings-store';
import { purgeClientConsents } from './consents/purge-gate';
import { TemplateService } from './consents/template-service';
import { MedicalHistoryService } from './medical-history/medical-history-service';
import { clientRecordErasers } from './retention/client-erasers';
import { RetentionService } from './retention/retention-service';
import { PhotoFileStore } from './photos/photo-file-store';
import { PhotoProcessor } from './photos/photo-processor';
import type { PhotoWorkerLauncher } from './photos/photo-worker-channel';
import { PhotoService } from './photos/photo-service';
import { systemClock, type Clock } from './clock';
import type { ScryptParams } from './crypto/kdf';
import type { AuditHead } from './audit/audit-anchor';
import { SettingsService } from './settings/settings-service';
import { StaffService } from './staff/staff-service';
import { CourseService } from './treatments/course-service';
import { NoteSnippetService } from './treatments/note-snippet-service';
import { SessionService } from './treatments/session-service';
import type { SignedInStaff } from '../shared/staff';
import type { SqliteDatabase } from './store/open-database';
import { Vault, openStoreDatabase } from './vault/vault';
import { QuietCheckpoints } from './store/quiet-checkpoints';
import { databaseDamage } from './store/storage-failure';
import { reportSlowStatements, type SlowStatementReport } from './store/slow-statements';

export interface ServiceOptions {
  clock?: Clock;
  /** KDF cost for password slots made from now on (tests lower it; the default is production). */
  scrypt?: ScryptParams;
  /** Starts the photo process: the Electron shell passes a utility process; by default a Node child. */
  photoWorker?: PhotoWorkerLauncher;
  /** Where statements slower than 40 ms are reported by name (the shell's log); unreported when absent. */
  slowStatement?: SlowStatementReport;
  /**
   * The app's own settings folder (Electron's userData; the CLI's equivalent), where the audit
   * head last seen is kept outside the data folder. Without it no copy is kept or compared.
   */
  settingsDir?: string;
}

/** Everything SkinLedger does with an unlocked store. Built in one place, for every caller. */
export interface Services {
  readonly vault: Vault;
  readonly db: SqliteDatabase;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly staff: StaffService;
  readonly settings: SettingsService;
  readonly clients: ClientService;
  readonly profiles: ClientProfileService;
  readonly medicalHistory: MedicalHistoryService;
  readonly courses: CourseService;
  readonly sessions: SessionService;
  readonly stock: StockService;
  readonly noteSnippets: NoteSnippetService;
  readonly backup: BackupService;
  readonly consentTemplates: TemplateService;
  readonly consents: ConsentService;
  readonly auditTrail: AuditTrailQuery;
  readonly retention: RetentionService;
  readonly photos: PhotoService;
  readonly clientImport: ClientImportService;
  readonly diarySettings: DiarySettingsStore;
  readonly diary: DiaryService;
  /** Sharing choices (GP letter) and the clinic's GP letter wording. */
  readonly copies: CopiesService;
  /** E-mail copies: the clinic's mail account and the outbox inside the store. */
  readonly outbox: EmailOutbox;
  /** The copies of the audit head kept outside the data folder; null without a settings folder. */
  readonly seenHeads: SeenHeadCopies | null;
  /**
   * Set when this store's trail is behind (or other than) the head last seen outside its folder:
   * the whole folder was put back from an older copy. Found at open, before anything is written.
   */
  readonly rollbackNotice: RollbackNotice | null;
  /** True if this data key is the one the services were opened with. */
  holdsKey(dataKey: Buffer): boolean;
  /**
   * The database was found damaged: from now on nothing is written, not a row, not the audit
   * anchor, not a checkpoint. The connection is left open (closing a WAL database checkpoints
   * it into the damaged file) until the process ends; close() then only forgets the key.
   */
  stopWriting(): void;
  close(): void;
  /**
   * Closes every handle into the data folder, the damaged connection's too: for a restore about
   * to move this folder aside (on Windows an open handle blocks the move). Closing a damaged
   * connection copies its log's committed frames into the file, which is then only kept aside.
   */
  release(): void;
}

/** The services of the member of staff signed in (and not locked out), as a handler gets them. */
export interface SignedIn {
  readonly services: Services;
  readonly staff: SignedInStaff;
}

/**
 * The composition root: the Electron shell, the CLI, the tests and the benchmarks all get their
 * services from here, from a data folder and an unlocked data key.
 */
export function openServices(dataDir: string, dataKey: Buffer, options: ServiceOptions = {}): Services {
  const vault = new Vault(dataDir, vaultOptions(options));
  // Every open, the app's and every CLI command's: a database older than its anchor is refused
  // before anything is written to it.
  const db = openStoreDatabase(vault, dataKey, (found) => refuseRolledBackTrail(found, vault.readAuditHead()));
  if (options.slowStatement) reportSlowStatements(db, options.slowStatement);
  try {
    return assembleServices(vault, db, dataKey, options.clock ?? systemClock, options);
  } catch (error) {
    db.close();
    throw databaseDamage(error) ?? error;
  }
}

export function vaultOptions(options: ServiceOptions) {
  return { clock: options.clock ?? systemClock, ...(options.scrypt ? { scrypt: options.scrypt } : {}) };
}

export function assembleServices(vault: Vault, db: SqliteDatabase, dataKey: Buffer, clock: Clock, options: Pick<ServiceOptions, 'photoWorker' | 'settingsDir'> = {}): Services {
  const key = Buffer.from(dataKey);
  // Every write of the key file re-MACs it under the data key: the vault holds a copy while open.
  vault.holdDataKey(key);
  let writing = true;
  const seenHeads = options.settingsDir
    ? new SeenHeadCopies(
        options.settingsDir,
        (): string | null => backup.settings().folder,
        () => vault.storeId(),
      )
    : null;
  // Compared before anything below appends: a sign-in would otherwise move the copies first.
  const rollbackNotice = seenHeads?.notice(db) ?? null;
  if (rollbackNotice) seenHeads?.hold();
  // The vault anchors the audit head in the key file, so a cut-off trail is noticed; never
  // after the database was found damaged (an anchor then would vouch for a broken trail).
  const anchorStore = { readAuditHead: () => vault.readAuditHead(), writeAuditHead: (head: AuditHead) => (writing ? vault.writeAuditHead(head) : undefined) };
  const audit = new AuditLog(db, clock, anchorStore, seenHeads ? { witness: seenHeads } : {});
  const staff = new StaffService(db, vault, key, audit, clock);
  const settings = new SettingsService(db, audit);
  const clients = new ClientService(db, audit, clock);
  const medicalHistory = new MedicalHistoryService(db, audit, clock);
  const courses = new CourseService(db, audit, clock);
  // Consents are assembled below; the session gate asks them only when a session is saved.
  const stock = new StockService(db, audit, clock);
  const sessions = new SessionService(db, audit, clock, medicalHistory, (clientId) => consents.treatmentStanding(clientId), stock);
  const noteSnippets = new NoteSnippetService(db, audit);
  const profiles = new ClientProfileService({ db, audit, clock, clients, medicalHistory, courses, sessions, staff });
  const backup = new BackupService({ db, vault, dataKey: key, audit, clock });
  const consentTemplates = new TemplateService(db, audit, clock);
  const consents = new ConsentService({ db, audit, clock, templates: consentTemplates, settings, clients, deviceName: hostname });
  const photos = new PhotoService(
    db,
    audit,
    clock,
    new PhotoFileStore(vault.folder.root, key),
    new PhotoProcessor(options.photoWorker ? { launch: options.photoWorker } : {}),
    consents.currentPhotographyChoices,
  );
  const clientImport = new ClientImportService(db, clients, audit, clock);
  const auditTrail = new AuditTrailQuery(db, audit, settings);
  const diarySettings = new DiarySettingsStore(db, audit);
  const diary = new DiaryService({ db, audit, clock, settings: diarySettings, courses, consents, medicalHistory });
  const copies = new CopiesService(db, audit, clock);
  // Every feature that keeps rows or files about a client registers its eraser here, so a
  // purge removes them too: photos and consents first, as they may point at the client's sessions.
  const retention = new RetentionService({
    db,
    audit,
    clock,
    rowErasers: [
      (_db, clientId) => photos.erasePhotoRows(clientId),
      (db, clientId) => purgeClientConsents(db, clientId),
      eraseClientAppointments,
      eraseSharingChoices,
      eraseQueuedEmails,
      ...clientRecordErasers,
    ],
    fileErasers: [
      () => {
        if (photos.finishFileRemovals() > 0) throw new Error('photo files still waiting to be removed');
      },
    ],
  });
  // Files of photos whose rows were deleted by a purge or a delete that was cut off before it
  // could remove them: finished now, before anyone can use the store.
  photos.finishFileRemovals();
  const checkpoints = new QuietCheckpoints(db);
  checkpoints.start();
  const outbox = new EmailOutbox({ db, audit, clock, settings, sessions, clients, consents, copies });
  outbox.startRetrying();
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    // The worker holds no key and no file: stopping it may finish after the store is closed.
    void photos.close();
    checkpoints.stop();
    outbox.stop();
    // A request that closes the store (sign-out, restore) anchors what it wrote first.
    if (writing) audit.anchorIfDue();
    if (writing) db.close();
    vault.forgetDataKey();
    key.fill(0);
  };
  return {
    vault,
    db,
    clock,
    audit,
    staff,
    settings,
    clients,
    profiles,
    medicalHistory,
    courses,
    sessions,
    stock,
    noteSnippets,
    backup,
    consentTemplates,
    consents,
    auditTrail,
    retention,
    photos,
    clientImport,
    diarySettings,
    diary,
    copies,
    outbox,
    seenHeads,
    rollbackNotice,
    holdsKey: (candidate) => candidate.length === key.length && candidate.equals(key),
    stopWriting() {
      if (!writing) return;
      writing = false;
      checkpoints.stop();
      outbox.stop();
      // Any statement that would still write (a timer, a late callback) now fails instead.
      if (db.open) db.pragma('query_only = ON');
    },
    close,
    release() {
      close();
      if (db.open) db.close();
    },
  };
}
