import { describe, expect, it } from 'vitest';
import { decidePermission, permissionsForApp } from '../../../main/shell/permissions';
import { appOrigin } from '../../../main/shell/trusted-url';

describe('decidePermission', () => {
  it('grants nothing today, not even to the app itself', () => {
    expect(permissionsForApp.size).toBe(0);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb', 'fullscreen', 'display-capture', 'unknown']) {
      expect(decidePermission(permission, `${appOrigin}/index.html`)).toBe(false);
    }
  });

  const camera = new Set(['media']);

  it('grants a listed permission to the app origin only (as the camera will be)', () => {
    expect(decidePermission('media', `${appOrigin}/index.html`, camera)).toBe(true);
    expect(decidePermission('media', appOrigin, camera)).toBe(true);
  });

  it.each(['https://evil.example/', 'app://evil/', 'file:///C:/index.html', 'app://x@skinledger/', 'data:text/html,hi', '', null, undefined])(
    'refuses a listed permission to %s',
    (url) => expect(decidePermission('media', url, camera)).toBe(false),
  );

  it('refuses unlisted permissions even to the app origin', () => {
    expect(decidePermission('geolocation', `${appOrigin}/`, camera)).toBe(false);
  });
});
