import { BrowserWindow, type WebContentsPrintOptions } from 'electron';
import { printWindowOptions } from './window-options';

/**
 * Prints a PDF held in memory through the system print dialog. The bytes go into a hidden,
 * sandboxed window as a data: URL, in an in-memory session (no "persist:" partition, so no cache
 * on disk), where Chromium's built-in PDF viewer lays them out; webContents.print then opens the
 * operating system's dialog (Windows and Linux: Chromium's print preview over the system
 * printers; macOS: the native print sheet). Nothing is written to a temporary file.
 */
export async function printPdfBytes(bytes: Uint8Array, jobName: string, parent: BrowserWindow | null): Promise<boolean> {
  const window = new BrowserWindow({ ...printWindowOptions(jobName), ...(parent ? { parent } : {}) });
  try {
    const loaded = new Promise<void>((resolve, reject) => {
      window.webContents.once('did-finish-load', () => resolve());
      window.webContents.once('did-fail-load', (_event, code, description) => reject(new Error(`PDF did not load for printing: ${code} ${description}`)));
    });
    await window.loadURL(`data:application/pdf;base64,${Buffer.from(bytes).toString('base64')}`);
    await loaded.catch(() => undefined);
    const options: WebContentsPrintOptions = { silent: false, printBackground: true, header: '', footer: '' };
    return await new Promise<boolean>((resolve) => {
      window.webContents.print(options, (success) => resolve(success));
    });
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}
