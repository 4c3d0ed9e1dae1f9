import { describe, expect, it } from 'vitest';
import { appOrigin, isTrustedAppUrl, rendererPathFor } from '../../../main/shell/trusted-url';

describe('isTrustedAppUrl: what the window may load and accept calls from', () => {
  it.each([`${appOrigin}/`, `${appOrigin}/index.html`, `${appOrigin}/assets/index-abc.js?v=1#clients`])('accepts %s', (url) => expect(isTrustedAppUrl(url)).toBe(true));

  it.each([
    'file:///C:/Users/front-desk/index.html',
    'file:///etc/passwd',
    'http://skinledger/index.html',
    'https://skinledger/index.html',
    'https://evil.example/app://skinledger',
    'app://evil/index.html',
    'app://skinledger.evil.example/index.html',
    'app://skinledger:8080/index.html',
    'app://user:pass@skinledger/index.html',
    'app://user@skinledger/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://skinledger/1234',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'skinledger/index.html',
    '',
    'not a url',
  ])('refuses %s', (url) => expect(isTrustedAppUrl(url)).toBe(false));

  it('trusts the dev server only when it is the origin given', () => {
    expect(isTrustedAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedAppUrl('http://localhost:5173/')).toBe(false);
  });
});

describe('rendererPathFor: an app:// request never leaves the built renderer', () => {
  it('maps the root and ordinary files', () => {
    expect(rendererPathFor(`${appOrigin}/`)).toBe('index.html');
    expect(rendererPathFor(appOrigin)).toBe('index.html');
    expect(rendererPathFor(`${appOrigin}/assets/index-abc.js?x=1#y`)).toBe('assets/index-abc.js');
    expect(rendererPathFor(`${appOrigin}/assets/some%20font.woff2`)).toBe('assets/some font.woff2');
  });

  it.each([
    `${appOrigin}/../secret.txt`,
    `${appOrigin}/assets/../../secret.txt`,
    `${appOrigin}/%2e%2e/secret.txt`,
    `${appOrigin}/%2E%2E/%2E%2E/etc/passwd`,
    `${appOrigin}/assets/%2e%2e%2f%2e%2e%2fsecret.txt`,
    `${appOrigin}/..%2f..%2fsecret.txt`,
    `${appOrigin}/..%5c..%5csecret.txt`,
    `${appOrigin}/assets%5c..%5c..%5csecret.txt`,
    `${appOrigin}/assets\\..\\..\\secret.txt`,
    `${appOrigin}/index.html%00.png`,
    `${appOrigin}/%E0%A4%A`,
    'app://evil/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    const path = rendererPathFor(url);
    // Either refused outright, or normalised by the URL parser to a path that stays inside.
    if (path !== null) {
      expect(path.split('/')).not.toContain('..');
      expect(path).not.toMatch(/[\\\0]/);
      expect(path.startsWith('/')).toBe(false);
    }
  });

  it('refuses encoded traversal, backslashes and NUL outright', () => {
    expect(rendererPathFor(`${appOrigin}/assets/%2e%2e%2f%2e%2e%2fsecret.txt`)).toBeNull();
    expect(rendererPathFor(`${appOrigin}/..%2f..%2fsecret.txt`)).toBeNull();
    expect(rendererPathFor(`${appOrigin}/..%5c..%5csecret.txt`)).toBeNull();
    expect(rendererPathFor(`${appOrigin}/index.html%00.png`)).toBeNull();
    expect(rendererPathFor(`${appOrigin}/%E0%A4%A`)).toBeNull();
    expect(rendererPathFor('app://evil/index.html')).toBeNull();
  });
});
