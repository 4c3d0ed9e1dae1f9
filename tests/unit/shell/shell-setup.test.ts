import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../main/shell/app-menu';
import { dataFolderPath } from '../../../main/shell/data-folder-path';
import { formatFault, logFolder, openShellLog } from '../../../main/shell/shell-log';
import { mainWindowOptions } from '../../../main/shell/window-options';

describe('mainWindowOptions: the window is locked down', () => {
  const state = { bounds: { x: 0, y: 0, width: 1280, height: 800 }, maximized: false };
  const options = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs', state, developer: false });
  const web = options.webPreferences!;

  it('isolates and sandboxes the page with no Node in it', () => {
    expect(web).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('allows developer tools only in a developer build', () => {
    expect(mainWindowOptions({ preloadPath: 'p', state, developer: true }).webPreferences?.devTools).toBe(true);
  });
});

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('appMenuTemplate', () => {
  const sent: string[] = [];
  let quits = 0;
  const actions = { send: (command: string) => sent.push(command), quit: () => (quits += 1) };

  it('has Lock on Ctrl/Cmd+L, left to the page to handle, and sends only the command name', () => {
    const lock = items(appMenuTemplate({ platform: 'win32', developer: false, actions })).find((item) => item.id === 'lock')!;
    expect(lock.accelerator).toBe('CmdOrCtrl+L');
    expect(lock.registerAccelerator).toBe(false);
    (lock.click as () => void)();
    expect(sent).toEqual(['lock']);
  });

  it('offers reload and developer tools only while developing', () => {
    const roles = (developer: boolean) => items(appMenuTemplate({ platform: 'linux', developer, actions })).map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('forceReload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
    expect(roles(false)).toEqual(expect.arrayContaining(['copy', 'paste', 'zoomIn', 'zoomOut', 'resetZoom']));
  });

  it('has File, Edit, View and Help on Windows, and the app menu on macOS', () => {
    expect(appMenuTemplate({ platform: 'win32', developer: false, actions }).map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(appMenuTemplate({ platform: 'darwin', developer: false, actions })[0]?.label).toBe('SkinLedger');
    const quit = items(appMenuTemplate({ platform: 'win32', developer: false, actions })).find((item) => item.id === 'quit')!;
    (quit.click as () => void)();
    expect(quits).toBe(1);
  });
});

describe('dataFolderPath', () => {
  it('uses SKINLEDGER_DATA when set, else a data folder in the per-user folder', () => {
    expect(dataFolderPath({ SKINLEDGER_DATA: '/srv/clinic' }, '/home/a/.config/SkinLedger')).toBe('/srv/clinic');
    expect(dataFolderPath({ SKINLEDGER_DATA: 'rel/dir' }, '/u')).toBe(resolve('rel/dir'));
    expect(dataFolderPath({ SKINLEDGER_DATA: '  ' }, '/u')).toBe(join('/u', 'data'));
    expect(dataFolderPath({}, '/u')).toBe(join('/u', 'data'));
  });
});

describe('the shell log', () => {
  it('writes error names and messages, never stacks, quoted paths or control characters', () => {
    const folder = logFolder(mkdtempSync(join(tmpdir(), 'skinledger-log-')));
    const log = openShellLog(folder, () => new Date('2025-01-02T03:04:05Z'));
    const error = Object.assign(new Error("ENOENT: no such file or directory, open '/home/x/Jane Doe consent.pdf'\nsecond line"), { code: 'ENOENT' });
    log.fault('consent.print', error);
    log.info('start', { version: '0.1.0' });
    const text = readFileSync(join(folder, 'skinledger.log'), 'utf8');
    expect(text).toContain('2025-01-02T03:04:05.000Z fault where="consent.print" name="Error" code="ENOENT"');
    expect(text).not.toContain('Jane Doe');
    expect(text).not.toContain(' at ');
    expect(text.trim().split('\n')).toHaveLength(2);
  });

  it('formats non-errors without their content', () => {
    expect(formatFault('x', { password: 'hunter2' })).not.toContain('hunter2');
    expect(formatFault('x', 'Jane Doe, 12 High St')).not.toContain('Jane');
  });

  it('rolls over a large log instead of growing forever', () => {
    const folder = mkdtempSync(join(tmpdir(), 'skinledger-log-'));
    writeFileSync(join(folder, 'skinledger.log'), 'x'.repeat(1_100_000));
    openShellLog(folder).info('start');
    expect(readdirSync(folder).sort()).toEqual(['skinledger.log', 'skinledger.log.1']);
    expect(readFileSync(join(folder, 'skinledger.log'), 'utf8')).toMatch(/ start\n$/);
  });
});
