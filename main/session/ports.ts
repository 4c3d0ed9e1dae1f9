/**
 * What the services need from the desktop around them. The Electron shell supplies real
 * dialogs; the CLI and the tests supply their own. Nothing here imports electron.
 */
export interface SaveDialogRequest {
  title: string;
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
}

export interface DesktopPorts {
  /** Asks the user where to save a file; null when they cancel. */
  chooseSavePath(request: SaveDialogRequest): Promise<string | null>;
}
