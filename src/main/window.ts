import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, nativeTheme, session, shell, type WebContents } from 'electron';
import { isExternalLinkAllowed, isSameOrigin, type AppSource } from './shellOrigin';

/**
 * Every web contents the app ever creates stays on the app's origin: no
 * navigation away, no redirects away, no <webview>, no new windows (https
 * links go to the system browser instead). Applied app-wide so a contents
 * created later cannot slip through.
 */
export function hardenAllWebContents(source: AppSource): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, source));
  // The console needs no camera, microphone, notifications, geolocation, …
  // only writing to the clipboard (copy buttons), and only for its own pages.
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback) => {
    callback(permission === 'clipboard-sanitized-write' && isSameOrigin(contents.getURL(), source.origin));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return permission === 'clipboard-sanitized-write' && isSameOrigin(requestingOrigin, source.origin);
  });
}

function hardenWebContents(contents: WebContents, source: AppSource): void {
  const stayOnApp = (event: { preventDefault(): void }, url: string): void => {
    if (!isSameOrigin(url, source.origin)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-frame-navigate', (event) => stayOnApp(event, event.url));
  contents.on('will-redirect', stayOnApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export interface MainWindowOptions {
  source: AppSource;
  /** out/preload/index.js (CommonJS: sandboxed preloads cannot be ES modules). */
  preloadPath: string;
}

export function createMainWindow({ source, preloadPath }: MainWindowOptions): BrowserWindow {
  const icon = join(app.getAppPath(), 'resources', 'icon.png');
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Backroom',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1a1b1e' : '#f8f9fa',
    ...(process.platform === 'linux' && existsSync(icon) ? { icon } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(source.startUrl);
  return window;
}

/** Brings the window forward (a second launch, the dock icon). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
