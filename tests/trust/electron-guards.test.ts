import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { guardSession, guardWebContents } from '../../main/shell/guard-contents';
import type { ShellLog } from '../../main/shell/shell-log';

/**
 * The window's guards, called the way Electron calls them, with the URLs an injected script or
 * a hostile link would try. Each must refuse; a URL must never be opened or followed.
 */
const hostileUrls = [
  'https://evil.example/steal',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'app://skinledger.evil.example/',
  'app://user:pass@skinledger/',
  'smb://server/share',
  'app://skinledger/index.html',
];

interface Refusal {
  event: string;
  detail?: Record<string, string | number | boolean>;
}

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler;
    },
  });
  const log: Refusal[] = [];
  const shellLog: ShellLog = {
    info: (event, detail) => void log.push({ event, detail }),
    fault: (where) => void log.push({ event: `fault ${where}` }),
  };
  guardWebContents(contents as unknown as WebContents, shellLog);
  return { emitter, open: (url: string) => openHandler!({ url }), log };
}

function fakeEvent(extra: Record<string, unknown> = {}) {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
    ...extra,
  };
}

describe('window guards refuse hostile URLs (called as Electron calls them)', () => {
  it('navigation, redirects and frame navigation to any URL are prevented, and logged without the URL', () => {
    const { emitter, log } = fakeContents();
    for (const url of hostileUrls) {
      for (const name of ['will-navigate', 'will-redirect']) {
        const event = fakeEvent();
        emitter.emit(name, event, url);
        expect(event.prevented, `${name} ${url}`).toBe(true);
      }
      const frame = fakeEvent({ url, isMainFrame: false });
      emitter.emit('will-frame-navigate', frame);
      expect(frame.prevented, `frame ${url}`).toBe(true);
    }
    // The log says what was refused and the scheme, never the address (it could hold a name).
    expect(log.length).toBeGreaterThan(0);
    expect(JSON.stringify(log)).not.toMatch(/evil|passwd|127\.0\.0\.1|alert/);
  });

  it("new windows are denied for every URL, the app's own included", () => {
    const { open } = fakeContents();
    for (const url of hostileUrls) expect(open(url), url).toEqual({ action: 'deny' });
  });

  it('webviews are never attached', () => {
    const { emitter } = fakeContents();
    const event = fakeEvent();
    emitter.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.prevented).toBe(true);
  });
});

describe('session guards refuse permissions, devices, screen capture and the network', () => {
  type Handler = (...args: never[]) => unknown;
  function fakeSession() {
    const handlers: Record<string, Handler> = {};
    let beforeRequest: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | undefined;
    let filter: { urls: string[] } | undefined;
    const session = {
      setPermissionRequestHandler: (h: Handler) => (handlers.request = h),
      setPermissionCheckHandler: (h: Handler) => (handlers.check = h),
      setDevicePermissionHandler: (h: Handler) => (handlers.device = h),
      setDisplayMediaRequestHandler: (h: Handler) => (handlers.display = h),
      webRequest: {
        onBeforeRequest: (f: { urls: string[] }, h: typeof beforeRequest) => {
          filter = f;
          beforeRequest = h;
        },
      },
    };
    guardSession(session as unknown as Session, { origin: 'app://skinledger', offline: true });
    return { handlers, beforeRequest: () => beforeRequest!, filter: () => filter! };
  }

  function ask(handler: Handler, permission: string, url: string, mediaTypes?: string[]): boolean {
    let answer: boolean | undefined;
    (handler as (...args: unknown[]) => void)({}, permission, (granted: boolean) => (answer = granted), { requestingUrl: url, mediaTypes });
    return answer!;
  }

  it('permission requests from other origins, and anything but the camera from ours, are refused', () => {
    const { handlers } = fakeSession();
    for (const url of hostileUrls.filter((u) => u !== 'app://skinledger/index.html')) {
      for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
        expect(ask(handlers.request!, permission, url, ['video']), `${permission} from ${url}`).toBe(false);
      }
    }
    const ours = 'app://skinledger/index.html';
    expect(ask(handlers.request!, 'media', ours, ['video'])).toBe(true);
    expect(ask(handlers.request!, 'media', ours, ['audio'])).toBe(false);
    expect(ask(handlers.request!, 'media', ours, ['video', 'audio'])).toBe(false);
    expect(ask(handlers.request!, 'media', ours)).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'openExternal']) {
      expect(ask(handlers.request!, permission, ours), permission).toBe(false);
    }
  });

  it('permission checks answer the same way', () => {
    const { handlers } = fakeSession();
    const check = handlers.check as (...args: unknown[]) => boolean;
    expect(check({}, 'media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    expect(check({}, 'media', 'app://skinledger', { mediaType: 'audio' })).toBe(false);
    expect(check({}, 'geolocation', 'app://skinledger', {})).toBe(false);
    expect(check({}, 'media', 'app://skinledger', { mediaType: 'video' })).toBe(true);
  });

  it('USB/HID/serial devices and screen capture are never granted', () => {
    const { handlers } = fakeSession();
    expect((handlers.device as () => boolean)()).toBe(false);
    let given: unknown = 'unset';
    (handlers.display as (r: unknown, cb: (s: unknown) => void) => void)({}, (streams) => (given = streams));
    expect(given).toBeNull();
  });

  it('offline: every web request (http, https, ws, wss) is cancelled', () => {
    const { beforeRequest, filter } = fakeSession();
    expect(filter().urls.sort()).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'].sort());
    for (const url of ['https://evil.example/upload', 'http://192.168.1.5/', 'wss://evil.example/socket']) {
      let answer: { cancel: boolean } | undefined;
      beforeRequest()({ url }, (r) => (answer = r));
      expect(answer, url).toEqual({ cancel: true });
    }
  });
});
