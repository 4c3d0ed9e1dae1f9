/**
 * The desktop around the app: its dialogs and its printer. The Electron shell supplies real ones;
 * the browser-test harness and the tests supply their own. Every member is required, so a
 * desktop that forgets one does not compile. Nothing here imports electron.
 */
export interface SaveDialogRequest {
  title: string;
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
}

export interface OpenDialogRequest {
  title: string;
  filters: { name: string; extensions: string[] }[];
  /** Where the dialog starts, e.g. the backup folder; the desktop's default when absent. */
  defaultPath?: string;
}

export interface FolderDialogRequest {
  title: string;
  defaultPath?: string;
}

export interface DesktopPorts {
  /** Asks the user where to save a file; null when they cancel. */
  chooseSavePath(request: SaveDialogRequest): Promise<string | null>;
  /** Asks the user for an existing file (a backup to restore, a template to import); null when they cancel. */
  chooseOpenPath(request: OpenDialogRequest): Promise<string | null>;
  /** Asks the user for a folder (where backups go, where a record export goes); null when they cancel. */
  chooseFolder(request: FolderDialogRequest): Promise<string | null>;
  /**
   * Opens the system print dialog for a PDF held in memory (a signed consent, an aftercare
   * sheet); resolves true when it was sent to a printer, false when the user cancelled. The
   * bytes never touch the disk.
   */
  printPdf(bytes: Uint8Array, jobName: string): Promise<boolean>;
}
