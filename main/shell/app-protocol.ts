import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { fileInside, rendererFileFor, rendererHeaders } from './renderer-files';
import { appScheme } from './trusted-url';

/**
 * The renderer is served from app://skinledger rather than file://, so the page has one real
 * origin (CSP 'self', permissions and IPC checks key on it) and cannot read other local files.
 * Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // corsEnabled: Vite emits <script type="module" crossorigin>, which loads in CORS mode even
    // from our own origin. Our answers carry no Access-Control-Allow-Origin, so no other origin
    // can read them.
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

/** Answers app:// requests from the built renderer folder, and nothing else. */
export function serveRenderer(rendererFolder: string): void {
  protocol.handle(appScheme, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const found = rendererFileFor(request.url);
    const file = found ? fileInside(rendererFolder, found.relativePath) : null;
    if (!found || !file) return new Response(null, { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: rendererHeaders(found.contentType) });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
