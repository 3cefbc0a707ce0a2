import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { failureLine } from '../../scripts/native-electron.cjs';
import { hasDisplay } from '../../scripts/electron-binary.cjs';
import { parseShellArgs } from '../../src/main/shellArgs';
import { resolveAppFile } from '../../src/main/shellFiles';
import {
  APP_ORIGIN,
  contentSecurityPolicy,
  isExternalLinkAllowed,
  isSameOrigin,
  resolveAppSource,
} from '../../src/main/shellOrigin';

/**
 * The Electron shell's decisions that need no Electron: which files the app
 * protocol serves, which URLs count as the app, the CSP, the command line.
 * These run everywhere, binary or not; app.spec.ts checks them in Electron.
 */
const root = join('/', 'srv', 'backroom', 'out', 'renderer');

test.describe('app protocol files', () => {
  test('maps app URLs to files in the renderer folder', () => {
    expect(resolveAppFile(root, 'app://backroom/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://backroom/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://backroom/assets/a%20b.png')).toBe(join(root, 'assets', 'a b.png'));
  });

  test('refuses anything that would leave the folder or is not the app', () => {
    for (const url of [
      'app://backroom/..%2f..%2fpackage.json',
      'app://backroom/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://backroom/..%5c..%5cpackage.json',
      'app://backroom/%00index.html',
      'app://backroom/%E0%A4%A',
      'app://elsewhere/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
    // WHATWG URL parsing removes plain and %2e dot segments before we see them.
    expect(resolveAppFile(root, 'app://backroom/../../package.json')).toBe(join(root, 'package.json'));
    expect(resolveAppFile(root, 'app://backroom/%2e%2e/%2e%2e/package.json')).toBe(join(root, 'package.json'));
  });
});

test.describe('app origin', () => {
  test('is the custom protocol unless an unpackaged app runs on the local dev server', () => {
    expect(resolveAppSource(undefined, false)).toEqual({ startUrl: 'app://backroom/', origin: APP_ORIGIN, dev: false });
    expect(resolveAppSource('http://localhost:5173/', false)).toEqual({
      startUrl: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
      dev: true,
    });
    expect(resolveAppSource('http://localhost:5173/', true).origin).toBe(APP_ORIGIN);
    expect(resolveAppSource('http://192.168.1.9:5173/', false).origin).toBe(APP_ORIGIN);
    expect(resolveAppSource('file:///tmp/index.html', false).origin).toBe(APP_ORIGIN);
  });

  test('counts only exact same-origin URLs as the app', () => {
    expect(isSameOrigin('app://backroom/index.html#/sync', APP_ORIGIN)).toBe(true);
    expect(isSameOrigin('http://localhost:5173/#/orders', 'http://localhost:5173')).toBe(true);
    expect(isSameOrigin('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isSameOrigin('app://backroom.evil/index.html', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin('app://other/', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin('https://backroom/', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin('data:text/html,hi', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin('about:blank', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin('', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin(null, APP_ORIGIN)).toBe(false);
  });

  test('hands only https links to the system browser', () => {
    expect(isExternalLinkAllowed('https://help.shopify.com/')).toBe(true);
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'nope']) {
      expect(isExternalLinkAllowed(url), url).toBe(false);
    }
  });

  test('allows scripts only from the app in production', () => {
    const csp = contentSecurityPolicy(resolveAppSource(undefined, false));
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    const dev = contentSecurityPolicy(resolveAppSource('http://localhost:5173/', false));
    expect(dev).toContain('connect-src \'self\' ws://localhost:5173');
  });
});

test.describe('command line', () => {
  test('reads --data-dir among Electron and Chromium switches', () => {
    expect(parseShellArgs(['/usr/bin/electron', '--no-sandbox', '--inspect=0', '.', '--data-dir', '/tmp/p'])).toEqual({
      dataDir: '/tmp/p',
    });
    expect(parseShellArgs(['electron', '.', '--data-dir=/tmp/q'])).toEqual({ dataDir: '/tmp/q' });
    expect(parseShellArgs(['electron', '.'])).toEqual({});
    expect(parseShellArgs(['electron', '.', '--data-dir', '--inspect=0'])).toEqual({});
  });

  test('knows when a window can be shown', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
  });

  test('sums up a failed native build in one line', () => {
    const offline = [
      'gyp http GET https://electronjs.org/headers/v45.4.1/node-v45.4.1-headers.tar.gz',
      'gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and',
      'gyp ERR! stack is related to network connectivity.',
      'gyp ERR! stack at go (install.js:244:21)',
    ].join('\n');
    expect(failureLine(offline)).toBe(
      "could not download the headers (https://electronjs.org/headers/v45.4.1/node-v45.4.1-headers.tar.gz): no network?",
    );
    expect(failureLine("../src/better_sqlite3.cpp:1:10: fatal error: node.h: No such file\ngyp ERR! build error")).toBe(
      '../src/better_sqlite3.cpp:1:10: fatal error: node.h: No such file',
    );
  });
});
