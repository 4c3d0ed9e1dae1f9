import { isTrustedAppUrl } from './trusted-url';

/**
 * Browser permissions the app's own pages may have. None yet: the camera ('media') arrives with
 * the photo issue and is added here, for the app origin only. Everything else (notifications,
 * geolocation, clipboard reads, HID, serial, openExternal…) stays refused because a records app
 * needs none of it and each one widens what an injected script could do.
 */
export const permissionsForApp: ReadonlySet<string> = new Set<string>();

/** Decides every permission request and check; anything not listed above, or not from us, is no. */
export function decidePermission(
  permission: string,
  requestingUrl: string | null | undefined,
  granted: ReadonlySet<string> = permissionsForApp,
  origin?: string,
): boolean {
  if (!requestingUrl || !granted.has(permission)) return false;
  return isTrustedAppUrl(requestingUrl, origin);
}
