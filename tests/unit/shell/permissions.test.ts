import { describe, expect, it } from 'vitest';
import { decidePermission, permissionsForApp } from '../../../main/shell/permissions';
import { appOrigin } from '../../../main/shell/trusted-url';

const page = `${appOrigin}/index.html`;

describe('decidePermission', () => {
  it('grants the app the camera and nothing else', () => {
    expect([...permissionsForApp]).toEqual(['media']);
    expect(decidePermission('media', page, undefined, undefined, ['video'])).toBe(true);
    for (const permission of ['notifications', 'geolocation', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb', 'fullscreen', 'display-capture', 'unknown']) {
      expect(decidePermission(permission, page, undefined, undefined, ['video'])).toBe(false);
    }
  });

  it('never grants the microphone, alone or together with the camera', () => {
    expect(decidePermission('media', page, undefined, undefined, ['audio'])).toBe(false);
    expect(decidePermission('media', page, undefined, undefined, ['video', 'audio'])).toBe(false);
    expect(decidePermission('media', page, undefined, undefined, ['unknown'])).toBe(false);
  });

  it('refuses a media request that does not say what it wants', () => {
    expect(decidePermission('media', page)).toBe(false);
    expect(decidePermission('media', page, undefined, undefined, [])).toBe(false);
  });

  it.each(['https://evil.example/', 'app://evil/', 'file:///C:/index.html', 'app://x@skinledger/', 'data:text/html,hi', '', null, undefined])('refuses the camera to %s', (url) =>
    expect(decidePermission('media', url, undefined, undefined, ['video'])).toBe(false),
  );

  it('follows the origin the shell serves from (the dev server), not a fixed one', () => {
    const dev = 'http://127.0.0.1:5173';
    expect(decidePermission('media', `${dev}/index.html`, undefined, dev, ['video'])).toBe(true);
    expect(decidePermission('media', page, undefined, dev, ['video'])).toBe(false);
  });

  it('refuses unlisted permissions even to the app origin', () => {
    expect(decidePermission('geolocation', `${appOrigin}/`, new Set(['media']))).toBe(false);
  });
});
