import { isAbsolute, relative, resolve, sep } from 'node:path';
import { rendererPathFor } from './trusted-url';

/**
 * How app://skinledger answers: which built renderer file to read, with which type and headers.
 * Pure so the traversal and header rules are tested without Electron.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine writes style attributes and <style> tags at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // The renderer loads its own lazy chunks and locale files; nothing leaves the PC.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const mimeTypes: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  wasm: 'application/wasm',
  txt: 'text/plain; charset=utf-8',
};

export interface RendererFile {
  /** Path relative to the built renderer folder, '/'-separated, never leaving it. */
  relativePath: string;
  contentType: string;
}

/**
 * Maps a request to a file of the built renderer, or null (answer 404). A path without a file
 * extension is a screen of the single-page app, so it gets index.html.
 */
export function rendererFileFor(requestUrl: string, origin?: string): RendererFile | null {
  const relativePath = rendererPathFor(requestUrl, origin);
  if (relativePath === null) return null;
  const lastSegment = relativePath.split('/').pop() ?? '';
  const dot = lastSegment.lastIndexOf('.');
  if (dot <= 0) return { relativePath: 'index.html', contentType: mimeTypes.html! };
  const contentType = mimeTypes[lastSegment.slice(dot + 1).toLowerCase()];
  if (!contentType) return null;
  return { relativePath, contentType };
}

export function rendererHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/**
 * The absolute file for a renderer path, or null if it would land outside the folder. A second
 * fence behind rendererPathFor, in the platform's own path rules (drive letters, UNC prefixes).
 */
export function fileInside(folder: string, relativePath: string): string | null {
  const root = resolve(folder);
  const file = resolve(root, relativePath);
  const fromRoot = relative(root, file);
  if (!fromRoot || fromRoot.startsWith('..') || isAbsolute(fromRoot) || fromRoot.split(sep).includes('..')) return null;
  return file;
}
