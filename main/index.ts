import { join } from 'node:path';
import { app, Menu, powerMonitor, session, type BrowserWindow } from 'electron';
import { sessionLockedEventChannel, menuEventChannel } from '../shared/contract/bridge';
import { createDispatcher } from './bridge/dispatch';
import { systemClock } from './clock';
import { DesktopActions } from './desktop/desktop-actions';
import { MainIdleLock, mainIdleCheckMs } from './session/main-idle-lock';
import { SkinLedgerRuntime } from './session/runtime';
import { appMenuTemplate } from './shell/app-menu';
import { registerAppScheme, serveRenderer } from './shell/app-protocol';
import { registerBridge } from './shell/bridge-ipc';
import { dataFolderPath } from './shell/data-folder-path';
import { electronDesktopPorts } from './shell/desktop-ports';
import { guardSession, guardWebContents } from './shell/guard-contents';
import { openMainWindow } from './shell/main-window';
import { utilityPhotoWorker } from './shell/photo-worker-process';
import { photoWorkerEntry } from './photos/photo-worker-channel';
import { slowStatementsTo } from './store/slow-statements';
import { logFolder, openShellLog } from './shell/shell-log';
import { appOrigin, isTrustedAppUrl } from './shell/trusted-url';
import { windowStateFile } from './shell/window-state-file';

/**
 * The Electron entry: wires the runtime, the bridge and one secure window together. Everything
 * with logic in it lives in main/shell/*.ts as plain functions with tests, or in the services.
 */

// Both must happen before 'ready', so before any await.
registerAppScheme();
app.enableSandbox();

// Two copies on one database must never both write: the second one hands over to the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  const userData = app.getPath('userData');
  const log = openShellLog(logFolder(userData));
  // Developer mode is `npm run dev` only (electron-vite's dev server, never in a packaged app).
  // `npm start` on a clinic PC runs the built app and gets the same lock-down as an installer.
  const devServer = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined;
  const developer = devServer !== undefined;
  const origin = devServer ? new URL(devServer).origin : appOrigin;
  let mainWindow: BrowserWindow | null = null;

  const dataDir = dataFolderPath(process.env, userData);
  const ports = electronDesktopPorts(() => mainWindow);
  const runtime = new SkinLedgerRuntime({
    dataDir,
    appVersion: app.getVersion(),
    // The audit head last seen is kept here too, outside the data folder.
    settingsDir: userData,
    photoWorker: utilityPhotoWorker(photoWorkerEntry().path),
    slowStatement: slowStatementsTo(log),
  });
  // Every dialog and the printer, for every handler; restores outlive the store they replace, so they live here too.
  const desktop = new DesktopActions({ runtime, ports });
  const dispatch = createDispatcher(runtime, desktop, {
    isTrustedSender: (frameUrl) => isTrustedAppUrl(frameUrl, origin),
    reportFault: (channel, error) => log.fault(channel, error),
  });
  const tellWindowLocked = () => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(sessionLockedEventChannel);
  };
  // The idle lock does not rely on the page alone: a hung page cannot run its timer.
  const idleLock = new MainIdleLock(runtime, systemClock, { systemIdleSeconds: () => powerMonitor.getSystemIdleTime() }, () => {
    log.info('locked', { why: 'idle-main' });
    tellWindowLocked();
  });
  registerBridge(
    (channel, input, caller) => {
      idleLock.noteRequest();
      return dispatch(channel, input, caller);
    },
    () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.id : null),
  );

  /** Locks without asking the page first: the screen is going away, or the page is. */
  const lockNow = (why: string) => {
    try {
      if (!runtime.signedIn() || runtime.isLocked()) return;
      runtime.lock('idle');
      log.info('locked', { why });
      tellWindowLocked();
    } catch (error) {
      log.fault('lock', error);
    }
  };

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // One window is the app: closing it quits on every platform, so no signed-in session lingers.
  app.on('window-all-closed', () => app.quit());
  // The scheduled backup: hourly checks (the service decides whether one is due), and one on
  // close if anything was done. Quitting waits for it, once; a failure is logged and recorded
  // for the home screen, never a reason to stay open.
  const scheduledBackup = (trigger: 'close' | 'daily') => runtime.runScheduledBackup(trigger).catch((error: unknown) => log.fault(`backup-${trigger}`, error));
  setInterval(() => void scheduledBackup('daily'), 60 * 60 * 1000).unref();
  let backedUpOnQuit = false;
  app.on('before-quit', (event) => {
    if (backedUpOnQuit) return;
    event.preventDefault();
    backedUpOnQuit = true;
    void scheduledBackup('close').finally(() => app.quit());
  });
  app.on('will-quit', () => {
    try {
      runtime.close();
    } catch (error) {
      log.fault('close', error);
    }
    log.info('quit');
  });
  app.on('child-process-gone', (_event, details) => log.info('child-process-gone', { type: details.type, reason: details.reason }));

  app
    .whenReady()
    .then(() => {
      log.info('start', { version: app.getVersion(), electron: process.versions.electron ?? '', platform: process.platform, arch: process.arch });
      if (process.platform === 'win32') app.setAppUserModelId('app.skinledger.desktop');
      guardSession(session.defaultSession, { origin, offline: !developer });
      serveRenderer(join(app.getAppPath(), 'out', 'renderer'));

      const send = (command: 'lock' | 'about') => mainWindow?.webContents.send(menuEventChannel, command);
      Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ platform: process.platform, developer, actions: { send, quit: () => app.quit() } })));

      powerMonitor.on('lock-screen', () => lockNow('screen-locked'));
      setInterval(() => {
        try {
          idleLock.check();
        } catch (error) {
          log.fault('idle-lock', error);
        }
      }, mainIdleCheckMs).unref();
      powerMonitor.on('suspend', () => lockNow('suspend'));

      const window = openMainWindow({
        preloadPath: join(app.getAppPath(), 'out', 'preload', 'index.cjs'),
        stateFile: windowStateFile(userData),
        developer,
      });
      mainWindow = window;
      window.on('closed', () => {
        mainWindow = null;
      });
      let crashes = 0;
      window.webContents.on('render-process-gone', (_event, details) => {
        log.info('renderer-gone', { reason: details.reason, exitCode: details.exitCode });
        lockNow('renderer-gone');
        // A fresh page asks for the password again; give up after a few tries rather than loop.
        if (details.reason !== 'clean-exit' && ++crashes <= 3) window.webContents.reload();
      });
      window.on('unresponsive', () => log.info('window-unresponsive'));
      return window.loadURL(devServer ?? `${appOrigin}/index.html`);
    })
    .catch((error: unknown) => {
      log.fault('start', error);
      app.quit();
    });
}
