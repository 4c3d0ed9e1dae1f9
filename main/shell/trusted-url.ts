/**
 * The app's pages are served from one origin: app://skinledger in Electron. These checks decide
 * what the window may load, navigate to and accept IPC from; they import nothing from Electron
 * so they are unit-tested under Node.
 */
export const appScheme = 'app';
const appHost = 'skinledger';
export const appOrigin = `${appScheme}://${appHost}`;

export function isTrustedAppUrl(candidate: string, origin: string = appOrigin): boolean {
  let url: URL;
  let trusted: URL;
  try {
    url = new URL(candidate);
    trusted = new URL(origin);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return url.protocol === trusted.protocol && url.host === trusted.host;
}

/** Maps an app:// request to a file inside the built renderer, or null if it tries to leave it. */
export function rendererPathFor(candidate: string, origin: string = appOrigin): string | null {
  if (!isTrustedAppUrl(candidate, origin)) return null;
  const url = new URL(candidate);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path === '/' || path === '') path = '/index.html';
  if (path.includes('\0') || path.includes('\\')) return null;
  const segments = path.split('/').filter(Boolean);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  return segments.join('/');
}
