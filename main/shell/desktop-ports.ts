import { join } from 'node:path';
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { DesktopPorts } from '../session/ports';

/** The services' view of the desktop, with real Electron dialogs behind it. */
export function electronDesktopPorts(window: () => BrowserWindow | null): DesktopPorts {
  return {
    async chooseSavePath(request) {
      const options: SaveDialogOptions = {
        title: request.title,
        defaultPath: join(app.getPath('documents'), request.defaultName),
        filters: request.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = window();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
