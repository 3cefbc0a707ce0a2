import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/electron-binary.cjs';
import { installElectronStub, type Recording, type StubWindow } from './support/electron-stub';

/**
 * The built main process (out/main/index.js) with a recording stand-in for
 * the `electron` module, in plain Node: what the shell registers and how its
 * handlers answer — the protocol, the IPC sender check, navigation rules,
 * the menu, and quitting only after the core has closed the database. Runs
 * everywhere; app.spec.ts checks the same behaviour in a real Electron.
 */
test.describe.configure({ mode: 'serial' });

const MAIN = join(projectRoot, 'out', 'main', 'index.js');
const APP = 'app://backroom/';

let recording: Recording;
let app: ReturnType<typeof installElectronStub>['app'];
let uninstall: () => void;
let window: StubWindow;
let dataDir: string;
const savedArgv = process.argv;
const signalListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };

type Answer = { ok: boolean; data?: any; error?: { code: string } };
const invoke = (event: unknown, name: unknown, input: unknown = {}) =>
  recording.ipcHandlers['backroom:invoke']!(event, name, input) as Promise<Answer>;
const fromApp = () => ({ senderFrame: window.webContents.mainFrame, sender: window.webContents });
const get = (url: string, method = 'GET') => recording.protocolHandlers['app']!({ url, method });

test.beforeAll(async () => {
  expect(existsSync(MAIN), 'out/main/index.js is missing: run `npx electron-vite build`').toBe(true);
  dataDir = mkdtempSync(join(tmpdir(), 'backroom-shell-'));
  ({ recording, app, uninstall } = installElectronStub());
  process.argv = [...savedArgv, '--data-dir', dataDir];
  require(MAIN);
  await expect.poll(() => recording.windows.length).toBe(1);
  window = recording.windows[0]!;
});

test.afterAll(() => {
  if (!recording.quitCompleted) app.quit();
  uninstall();
  process.argv = savedArgv;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!signalListeners[signal].includes(listener)) process.removeListener(signal, listener);
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test('registers app:// as privileged and enables the sandbox before ready', () => {
  expect(recording.schemeRegisteredBeforeReady).toBe(true);
  expect(recording.sandboxEnabledBeforeReady).toBe(true);
  expect(recording.schemes).toEqual([
    { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
  ]);
  expect(recording.paths['userData']).toBe(dataDir);
});

test('opens one isolated, sandboxed window on app://backroom/ with the CommonJS preload', () => {
  expect(window.webContents.url).toBe(APP);
  const prefs = window.options.webPreferences;
  expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  expect(prefs['preload']).toBe(join(projectRoot, 'out', 'preload', 'index.js'));
  expect(existsSync(prefs['preload'] as string)).toBe(true);
});

test('serves the built renderer with a CSP, and nothing else', async () => {
  const index = await get(APP);
  expect(index.status).toBe(200);
  expect(index.headers.get('content-type')).toContain('text/html');
  expect(index.headers.get('content-security-policy')).toContain("script-src 'self';");
  const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
  expect(script).toBeTruthy();
  const js = await get(`${APP}${script}`);
  expect(js.status).toBe(200);
  expect(js.headers.get('content-type')).toContain('javascript');
  for (const url of ['app://backroom/..%2f..%2fpackage.json', 'app://backroom/..%5c..%5cpackage.json', 'app://other/index.html']) {
    expect((await get(url)).status, url).toBe(404);
  }
  expect((await get(APP, 'POST')).status).toBe(405);
});

test('answers the contract over IPC for the app, and refuses anyone else', async () => {
  const summary = await invoke(fromApp(), 'dashboard.summary');
  expect(summary.ok).toBe(true);
  const db = new Database(join(dataDir, 'backroom.sqlite'), { readonly: true, fileMustExist: true });
  const orders = db.prepare('SELECT count(*) FROM orders').pluck().get();
  db.close();
  expect(orders).toBeGreaterThan(0);
  expect(summary.data.current.orders).toBe(orders);

  const elsewhere = { url: 'https://evil.example/' };
  expect((await invoke({ senderFrame: elsewhere, sender: { mainFrame: elsewhere } }, 'app.info')).error?.code).toBe('UNAUTHORIZED');
  const subframe = { url: APP };
  expect((await invoke({ senderFrame: subframe, sender: window.webContents }, 'app.info')).error?.code).toBe('UNAUTHORIZED');
  expect((await invoke({ senderFrame: null, sender: window.webContents }, 'app.info')).error?.code).toBe('UNAUTHORIZED');
  expect((await invoke(fromApp(), 42)).error?.code).toBe('VALIDATION');
});

test('forwards push events to the app window', async () => {
  recording.sent.length = 0;
  expect((await invoke(fromApp(), 'settings.update', { colorScheme: 'dark' })).ok).toBe(true);
  await expect.poll(() => recording.sent).toContainEqual([
    'backroom:event',
    expect.objectContaining({ event: 'data.changed' }),
  ]);
});

test('keeps every web contents on the app and sends only https links outside', () => {
  const attempt = (name: string, url: string) => {
    let prevented = false;
    window.webContents.emit(name, { preventDefault: () => void (prevented = true), url }, url);
    return prevented;
  };
  expect(attempt('will-navigate', 'https://example.com/')).toBe(true);
  expect(attempt('will-navigate', 'app://backroom/#/orders')).toBe(false);
  expect(attempt('will-redirect', 'http://example.com/')).toBe(true);
  expect(attempt('will-frame-navigate', 'file:///etc/passwd')).toBe(true);
  expect(attempt('will-attach-webview', APP)).toBe(true);
  for (const url of ['https://help.shopify.com/', 'http://example.com/', 'file:///etc/passwd']) {
    expect(window.webContents.openHandler?.({ url })).toEqual({ action: 'deny' });
  }
  expect(recording.openedExternally).toEqual(['https://help.shopify.com/']);
});

test('grants no permission but clipboard writes by the app', async () => {
  const ask = (permission: string, url: string) =>
    new Promise<boolean>((resolve) => recording.permissionRequest!({ getURL: () => url }, permission, resolve));
  expect(await ask('media', APP)).toBe(false);
  expect(await ask('notifications', APP)).toBe(false);
  expect(await ask('clipboard-sanitized-write', APP)).toBe(true);
  expect(await ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
});

test('"Connect your store" in the menu opens the Sync page', () => {
  const connect = recording.menu.flatMap((menu) => menu.submenu ?? []).find((item) => item.label?.startsWith('Connect your store'));
  connect?.click?.();
  expect(recording.executed).toEqual(["window.location.hash = '#/sync'"]);
});

test('quits only after the core has closed the database', async () => {
  app.emit('window-all-closed');
  expect(recording.quitCompleted).toBe(false); // held back while the core closes
  await expect.poll(() => recording.quitCompleted, { timeout: 10_000 }).toBe(true);
  expect(existsSync(join(dataDir, 'backroom.sqlite-wal'))).toBe(false);
});
