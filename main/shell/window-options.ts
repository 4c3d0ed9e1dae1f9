import type { BrowserWindowConstructorOptions } from 'electron';
import { minimumWindowSize, type WindowState } from './window-state';

/**
 * The main window's settings, as a plain object so the security switches are checked by a test.
 * The page gets no Node, runs in Chromium's sandbox, and sees main only through the preload's
 * `window.skinledger`.
 */
export function mainWindowOptions(input: { preloadPath: string; state: WindowState; developer: boolean }): BrowserWindowConstructorOptions {
  return {
    ...input.state.bounds,
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    title: 'SkinLedger',
    // Shown on 'ready-to-show', so staff never see a blank white frame.
    show: false,
    backgroundColor: '#f8f9fa',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Client names and notes must not go to an OS or cloud spelling service.
      spellcheck: false,
      safeDialogs: true,
      devTools: input.developer,
    },
  };
}

/**
 * The hidden window that prints a PDF (pdf-printer.ts): no preload, no Node, sandboxed, an
 * in-memory session, and only the built-in PDF viewer plugin, which is what lays the PDF out.
 */
export function printWindowOptions(jobName: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    title: jobName,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
      plugins: true,
      // No "persist:" prefix: the session lives in memory, so the PDF is never cached on disk.
      partition: 'skinledger-print',
    },
  };
}
