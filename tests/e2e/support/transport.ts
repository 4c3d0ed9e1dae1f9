/**
 * How the harness carries bridge calls between the page and this process. Playwright's binding
 * arguments are JSON-like, so bytes (a logo, later photos and PDFs) travel as { __bytes: base64 }.
 * This is the harness transport's job, as IPC's structured clone is Electron's: the app never
 * encodes anything itself.
 */
export function encodeForPage(value: unknown): unknown {
  if (value instanceof Uint8Array) return { __bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (Array.isArray(value)) return value.map(encodeForPage);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encodeForPage(item)]));
  return value;
}

export function decodeFromPage(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeFromPage);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === '__bytes' && typeof record.__bytes === 'string') {
      return new Uint8Array(Buffer.from(record.__bytes, 'base64'));
    }
    return Object.fromEntries(keys.map((key) => [key, decodeFromPage(record[key])]));
  }
  return value;
}

/**
 * Runs in the page before any app script: defines window.skinledger as the preload would (frozen,
 * not writable), over the `__skinledgerInvoke` binding. Also `__skinledgerHarness`, so a test can
 * play the shell's part (menu commands, "main locked the session"). Plain JS source, so no
 * build-tool helper can sneak into code that runs in the browser.
 */
export const pageBridgeScript = String.raw`(() => {
  const toBase64 = (bytes) => {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
    return btoa(text);
  };
  const fromBase64 = (base64) => {
    const text = atob(base64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  };
  const encode = (value) => {
    if (value instanceof Uint8Array) return { __bytes: toBase64(value) };
    if (Array.isArray(value)) return value.map(encode);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
    return value;
  };
  const decode = (value) => {
    if (Array.isArray(value)) return value.map(decode);
    if (value && typeof value === 'object') {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === '__bytes' && typeof value.__bytes === 'string') return fromBase64(value.__bytes);
      return Object.fromEntries(keys.map((k) => [k, decode(value[k])]));
    }
    return value;
  };
  const menuListeners = new Set();
  const lockListeners = new Set();
  const subscribe = (set, callback) => {
    set.add(callback);
    return () => { set.delete(callback); };
  };
  const bridge = Object.freeze({
    invoke: (channel, input) => window.__skinledgerInvoke(channel, encode(input)).then(decode),
    onMenu: (callback) => subscribe(menuListeners, callback),
    onSessionLocked: (callback) => subscribe(lockListeners, callback),
  });
  Object.defineProperty(window, 'skinledger', { value: bridge, enumerable: true, configurable: false, writable: false });
  Object.defineProperty(window, '__skinledgerHarness', {
    value: Object.freeze({
      menu: (command) => menuListeners.forEach((listener) => listener(command)),
      sessionLocked: () => lockListeners.forEach((listener) => listener()),
    }),
    configurable: false,
    writable: false,
  });
})();`;
