import type { Session, WebContents } from 'electron';
import { decidePermission } from './permissions';
import type { ShellLog } from './shell-log';

/**
 * The page may not go anywhere: the whole app is one page on app://skinledger, so any navigation,
 * redirect, new window or embedded webview is refused. Applied to every webContents created.
 */
export function guardWebContents(contents: WebContents, log: ShellLog): void {
  const refuse = (what: string, url: string) => log.info('refused', { what, scheme: schemeOf(url) });
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    refuse('navigation', url);
  });
  // Frames inside the page (CSP already forbids them); the main frame is covered just above.
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault();
    if (!event.isMainFrame) refuse('frame-navigation', event.url);
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    refuse('redirect', url);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    refuse('webview', '');
  });
  // Links never open a browser either: shell.openExternal is not used anywhere in the app.
  contents.setWindowOpenHandler(({ url }) => {
    refuse('new-window', url);
    return { action: 'deny' };
  });
}

/** Session-wide: permissions by decidePermission (the camera for the app only), devices and screen capture never, no network. */
export function guardSession(session: Session, options: { origin: string; offline: boolean }): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(decidePermission(permission, details.requestingUrl, undefined, options.origin, mediaTypes));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermission(permission, requestingOrigin, undefined, options.origin, details.mediaType ? [details.mediaType] : undefined),
  );
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  if (options.offline) {
    // Client records never leave the PC: the packaged app makes no web requests at all.
    session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) => callback({ cancel: true }));
  }
}

function schemeOf(url: string): string {
  const colon = url.indexOf(':');
  return colon > 0 && colon < 20 ? url.slice(0, colon) : 'unknown';
}
