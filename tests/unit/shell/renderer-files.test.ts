import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, fileInside, rendererFileFor, rendererHeaders } from '../../../main/shell/renderer-files';
import { appOrigin } from '../../../main/shell/trusted-url';

describe('rendererFileFor: what app://skinledger serves', () => {
  it('serves built files with their type', () => {
    expect(rendererFileFor(`${appOrigin}/index.html`)).toEqual({ relativePath: 'index.html', contentType: 'text/html; charset=utf-8' });
    expect(rendererFileFor(`${appOrigin}/assets/index-x1.js`)?.contentType).toBe('text/javascript; charset=utf-8');
    expect(rendererFileFor(`${appOrigin}/assets/index-x1.CSS`)?.contentType).toBe('text/css; charset=utf-8');
    expect(rendererFileFor(`${appOrigin}/locales/en.json`)?.contentType).toBe('application/json; charset=utf-8');
  });

  it('answers a screen address of the single-page app with index.html', () => {
    expect(rendererFileFor(`${appOrigin}/clients/42`)?.relativePath).toBe('index.html');
    expect(rendererFileFor(`${appOrigin}/`)?.relativePath).toBe('index.html');
  });

  it('refuses unknown file types and other origins', () => {
    expect(rendererFileFor(`${appOrigin}/assets/thing.exe`)).toBeNull();
    expect(rendererFileFor(`${appOrigin}/assets/x.js.map`)).toBeNull();
    expect(rendererFileFor('app://evil/index.html')).toBeNull();
    expect(rendererFileFor(`${appOrigin}/%2e%2e%2f%2e%2e%2fpackage.json`)).toBeNull();
  });
});

describe('fileInside: the platform-level fence', () => {
  const root = mkdtempSync(join(tmpdir(), 'skinledger-renderer-'));
  it('keeps files inside the folder', () => {
    expect(fileInside(root, 'index.html')).toBe(join(root, 'index.html'));
    expect(fileInside(root, 'assets/a.js')).toBe(join(root, 'assets', 'a.js'));
  });
  it('refuses anything that resolves outside it, or the folder itself', () => {
    expect(fileInside(root, '../x')).toBeNull();
    expect(fileInside(root, 'assets/../../x')).toBeNull();
    expect(fileInside(root, '/etc/passwd')).toBeNull();
    expect(fileInside(root, '')).toBeNull();
    expect(fileInside(root, '.')).toBeNull();
    expect(fileInside(`${root}${sep}`, '..')).toBeNull();
  });
});

describe('response headers', () => {
  const csp = Object.fromEntries(
    contentSecurityPolicy.split(';').map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );

  it('sets a strict content security policy on every answer', () => {
    expect(rendererHeaders('text/html; charset=utf-8')['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(csp['default-src']).toBe("'self'");
    expect(csp['script-src']).toBe("'self'");
    expect(csp['object-src']).toBe("'none'");
    expect(csp['base-uri']).toBe("'none'");
    expect(csp['frame-ancestors']).toBe("'none'");
    expect(csp['form-action']).toBe("'none'");
    expect(["'self'", "'none'"]).toContain(csp['connect-src']);
    expect(csp['img-src']).toBe("'self' data: blob:");
  });

  it('allows no inline or evaluated script and no remote source', () => {
    expect(contentSecurityPolicy).not.toMatch(/'unsafe-eval'|'wasm-unsafe-eval'|https?:|\*/);
    expect(csp['script-src']).not.toContain('unsafe-inline');
  });

  it('stops type sniffing', () => {
    expect(rendererHeaders('text/css')['X-Content-Type-Options']).toBe('nosniff');
  });
});
