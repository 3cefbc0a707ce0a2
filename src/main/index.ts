import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { resolveAppSource } from './shellOrigin';
import { parseShellArgs, PROFILE_FOLDER_NAME } from './shellArgs';
import { profileDbPath } from './core/profile';
import type { Core } from './core/types';
import { startCoreWorker } from './core/workerHost';
import { unsealVaultKey } from './secrets';
import { bindIpc } from './ipc';
import { installMenu } from './menu';
import { enforceContentSecurityPolicy, registerAppScheme, serveAppFiles } from './shellProtocol';
import { createMainWindow, focusWindow, hardenAllWebContents } from './window';

/**
 * The Electron shell: one window on the merchant's profile, the core in a
 * worker thread, IPC in between. Everything else lives in the core.
 *
 *   electron . [--data-dir DIR]
 *
 * BACKROOM_NATIVE_BINDING (set by scripts/start.mjs) points at a better-sqlite3
 * built for Electron's ABI; node_modules keeps Node's build for the tests.
 * Installers carry that build as a resource instead.
 */

// Before `ready`: the privileged scheme, and the sandbox for every renderer.
registerAppScheme();
app.enableSandbox();

const args = parseShellArgs(process.argv);
const dataDir = args.dataDir ? resolve(args.dataDir) : join(app.getPath('appData'), PROFILE_FOLDER_NAME);
mkdirSync(dataDir, { recursive: true });
// The profile folder is Electron's userData too, so the single-instance lock
// is per profile and a test's --data-dir never touches the real profile.
app.setPath('userData', dataDir);
app.setPath('sessionData', join(dataDir, 'session'));

const source = resolveAppSource(process.env['ELECTRON_RENDERER_URL'], app.isPackaged);

let mainWindow: BrowserWindow | null = null;
let corePromise: Promise<Core> | null = null;
let shutdown: 'running' | 'closing' | 'closed' = 'running';

if (!app.requestSingleInstanceLock()) {
  // Another Backroom already has this profile open; it will come forward.
  shutdown = 'closed';
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow && !mainWindow.isDestroyed()) focusWindow(mainWindow);
  });
  app.whenReady().then(start, (error: unknown) => failToStart(error));
}

function start(): void {
  hardenAllWebContents(source);
  if (!source.dev) serveAppFiles(join(__dirname, '..', 'renderer'), source);
  enforceContentSecurityPolicy(source);

  corePromise = startCoreWorker({
    dbPath: profileDbPath(dataDir),
    nativeBinding: electronNativeBinding(),
    seedDemoIfEmpty: true,
    workerPath: join(__dirname, 'coreWorker.js'),
    vaultKey: unsealVaultKey(dataDir),
  });
  corePromise.catch(failToStart);
  // Bound for the app's lifetime: during shutdown calls get the core's
  // "shutting down" error value rather than a rejected promise.
  bindIpc(corePromise, source.origin);

  installMenu({ getWindow: () => mainWindow, appOrigin: source.origin, dataDir });
  openWindow();
  app.on('activate', () => {
    if (!mainWindow || mainWindow.isDestroyed()) openWindow();
  });
}

/**
 * better-sqlite3 built for this Electron (scripts/native-electron.cjs): named
 * by the start script or the tests, else found in the project's .native/ (so
 * `electron-vite dev` and a bare `electron .` work too), or in the installer's
 * resources when packaged (electron-builder.yml). Node's own build in
 * node_modules would fail to load here, with an ABI error.
 */
function electronNativeBinding(): string | undefined {
  const build = join(`electron-${process.versions.electron}`, 'better_sqlite3.node');
  const candidates = app.isPackaged
    ? [join(process.resourcesPath, 'native', build)]
    : [process.env['BACKROOM_NATIVE_BINDING'], join(app.getAppPath(), '.native', build)];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!));
}

function openWindow(): void {
  mainWindow = createMainWindow({ source, preloadPath: join(__dirname, '..', 'preload', 'index.js') });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function failToStart(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[backroom] could not start: ${message}`);
  if (shutdown !== 'running') return;
  dialog.showErrorBox('Backroom could not open your data', `${message}\n\nData folder: ${dataDir}`);
  app.quit();
}

// macOS apps stay in the dock without windows; elsewhere closing the window quits.
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Quit only after the core has closed the database (WAL checkpointed, no torn writes).
app.on('before-quit', (event) => {
  if (shutdown === 'closed') return;
  event.preventDefault();
  if (shutdown === 'closing') return;
  shutdown = 'closing';
  // A core that never started has nothing to close (failToStart reported it).
  const closing = corePromise ? corePromise.then((core) => core.close(), () => undefined) : Promise.resolve();
  void closing
    .catch((error: unknown) => console.error('[backroom] closing the core failed', error))
    .finally(() => {
      shutdown = 'closed';
      app.quit();
    });
});

// Ctrl-C in the terminal that ran `npm start`, or a service manager's stop.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => app.quit());
}
