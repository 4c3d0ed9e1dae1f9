import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/bridge/dispatch';
import type { SkinLedgerRuntime } from '../../../main/session/runtime';
import type { DesktopActions } from '../../../main/desktop/desktop-actions';
import { callerFrameUrl, type IpcSender } from '../../../main/shell/ipc-sender';
import { appOrigin, isTrustedAppUrl } from '../../../main/shell/trusted-url';

const ourWindow = 7;
const mainFrame = (url: string): IpcSender => ({ contentsId: ourWindow, frame: { url, isMainFrame: true, detached: false } });

describe('callerFrameUrl: only the main frame of our window speaks for the app', () => {
  it('passes the URL of our main frame through', () => {
    expect(callerFrameUrl(mainFrame(`${appOrigin}/index.html`), ourWindow)).toBe(`${appOrigin}/index.html`);
  });

  it.each<[string, IpcSender, number | null]>([
    ['another webContents', { contentsId: 8, frame: { url: `${appOrigin}/`, isMainFrame: true, detached: false } }, ourWindow],
    ['an iframe of our window', { contentsId: ourWindow, frame: { url: `${appOrigin}/`, isMainFrame: false, detached: false } }, ourWindow],
    ['a frame that has gone', { contentsId: ourWindow, frame: null }, ourWindow],
    ['a detached frame', { contentsId: ourWindow, frame: { url: `${appOrigin}/`, isMainFrame: true, detached: true } }, ourWindow],
    ['anyone while no window is open', mainFrame(`${appOrigin}/`), null],
  ])('hides the URL of %s', (_what, sender, windowId) => {
    expect(isTrustedAppUrl(callerFrameUrl(sender, windowId))).toBe(false);
  });

  it('lets a foreign page in our main frame be refused by its URL', () => {
    expect(isTrustedAppUrl(callerFrameUrl(mainFrame('https://evil.example/'), ourWindow))).toBe(false);
  });
});

describe('the dispatcher refuses untrusted senders before any service runs', () => {
  // The runtime is never reached for a refused sender; a throwing stand-in proves it.
  const untouchable = new Proxy(
    {},
    {
      get: () => {
        throw new Error('runtime touched');
      },
    },
  ) as SkinLedgerRuntime;
  const untouchableDesktop = new Proxy(
    {},
    {
      get: () => {
        throw new Error('desktop touched');
      },
    },
  ) as DesktopActions;
  const dispatch = createDispatcher(untouchable, untouchableDesktop, { isTrustedSender: (url) => isTrustedAppUrl(url) });

  it.each<[string, IpcSender]>([
    ['an iframe', { contentsId: ourWindow, frame: { url: `${appOrigin}/`, isMainFrame: false, detached: false } }],
    ['another window', { contentsId: 99, frame: { url: `${appOrigin}/`, isMainFrame: true, detached: false } }],
    ['a file:// page', mainFrame('file:///tmp/evil.html')],
  ])('from %s', async (_what, sender) => {
    const result = await dispatch('staff.list', {}, { frameUrl: callerFrameUrl(sender, ourWindow) });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });
});
