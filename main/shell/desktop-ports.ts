import { join } from 'node:path';
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { DesktopPorts } from '../desktop/ports';
import { printPdfBytes } from './pdf-printer';

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
    async chooseOpenPath(request) {
      return firstPath(window(), {
        title: request.title,
        filters: request.filters,
        properties: ['openFile'],
        ...(request.defaultPath ? { defaultPath: request.defaultPath } : {}),
      });
    },
    async chooseFolder(request) {
      return firstPath(window(), {
        title: request.title,
        properties: ['openDirectory', 'createDirectory'],
        ...(request.defaultPath ? { defaultPath: request.defaultPath } : {}),
      });
    },
    printPdf(bytes, jobName) {
      return printPdfBytes(bytes, jobName, window());
    },
  };
}

async function firstPath(parent: BrowserWindow | null, options: OpenDialogOptions): Promise<string | null> {
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
