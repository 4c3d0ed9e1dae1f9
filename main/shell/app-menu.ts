import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract/bridge';

export interface MenuActions {
  /** Tells the window which menu item was chosen; the window does the work. */
  send(command: MenuCommand): void;
  quit(): void;
}

/**
 * The application menu. Shortcuts the window already handles (Ctrl/Cmd+L to lock) are shown here
 * but not registered, so a key press reaches the page once rather than also firing the menu.
 */
export function appMenuTemplate(options: { platform: NodeJS.Platform; developer: boolean; actions: MenuActions }): MenuItemConstructorOptions[] {
  const { platform, developer, actions } = options;
  const mac = platform === 'darwin';
  const lock: MenuItemConstructorOptions = {
    id: 'lock',
    label: 'Lock',
    accelerator: 'CmdOrCtrl+L',
    registerAccelerator: false,
    click: () => actions.send('lock'),
  };
  const about: MenuItemConstructorOptions = { id: 'about', label: 'About SkinLedger', click: () => actions.send('about') };
  const quit: MenuItemConstructorOptions = { id: 'quit', label: mac ? 'Quit SkinLedger' : 'Quit', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({ label: 'SkinLedger', submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, quit] });
  }
  template.push({ label: '&File', submenu: mac ? [lock] : [lock, { type: 'separator' }, quit] });
  template.push({
    label: '&Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  });
  template.push({
    label: '&View',
    submenu: [
      // Reloading drops what is on screen and is only useful while building the app.
      ...(developer ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  if (!mac) template.push({ label: '&Help', submenu: [about] });
  return template;
}
