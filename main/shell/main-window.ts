import { BrowserWindow, screen } from 'electron';
import { mainWindowOptions } from './window-options';
import { readWindowState, writeWindowState } from './window-state-file';
import { restoreWindowState } from './window-state';

/** Opens the one SkinLedger window where it was last time (if that is still on a screen). */
export function openMainWindow(options: { preloadPath: string; stateFile: string; developer: boolean }): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  const state = restoreWindowState(
    readWindowState(options.stateFile),
    [primary, ...others].map((display) => display.workArea),
  );
  const window = new BrowserWindow(mainWindowOptions({ preloadPath: options.preloadPath, state, developer: options.developer }));
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      writeWindowState(options.stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch {
      // Losing the window's place is not worth stopping a quit for.
    }
  });
  return window;
}
