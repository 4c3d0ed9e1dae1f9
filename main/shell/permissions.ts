import { isTrustedAppUrl } from './trusted-url';

/**
 * Browser permissions the app's own pages may have: only 'media', for the photo screen's camera
 * (live view and capture). Everything else (notifications, geolocation, clipboard
 * reads, HID, serial, openExternal…) stays refused because a records app needs none of it and
 * each one widens what an injected script could do.
 */
export const permissionsForApp: ReadonlySet<string> = new Set<string>(['media']);

/**
 * Which kinds of media 'media' may open: the camera only. A treatment room is a private
 * conversation; nothing in the app records sound, so the microphone is never granted.
 */
const mediaTypesForApp: ReadonlySet<string> = new Set<string>(['video']);

/**
 * Decides every permission request and check; anything not listed above, or not from us, is no.
 * For 'media' the kinds asked for must be given and all be allowed ones: a request that does not
 * say what it wants, or wants the microphone too, is refused whole.
 */
export function decidePermission(
  permission: string,
  requestingUrl: string | null | undefined,
  granted: ReadonlySet<string> = permissionsForApp,
  origin?: string,
  mediaTypes?: readonly string[],
): boolean {
  if (!requestingUrl || !granted.has(permission)) return false;
  if (permission === 'media' && !(mediaTypes && mediaTypes.length > 0 && mediaTypes.every((kind) => mediaTypesForApp.has(kind)))) return false;
  return isTrustedAppUrl(requestingUrl, origin);
}
