import { EventEmitter } from 'node:events';
import Module from 'node:module';

/**
 * A recording stand-in for the `electron` module, so the built main process
 * (out/main/index.js) can run in plain Node where no Electron binary exists.
 * It checks OUR wiring (what the shell registers, and how its handlers
 * answer), not Electron's behaviour: app.spec.ts does that in real Electron.
 */
export interface Recording {
  schemes: { scheme: string; privileges: Record<string, boolean> }[];
  schemeRegisteredBeforeReady: boolean | null;
  sandboxEnabledBeforeReady: boolean | null;
  paths: Record<string, string>;
  protocolHandlers: Record<string, (request: { url: string; method: string }) => Promise<Response>>;
  headersHandler?: (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (r: unknown) => void) => void;
  permissionRequest?: (contents: { getURL(): string }, permission: string, callback: (granted: boolean) => void) => void;
  ipcHandlers: Record<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>;
  windows: StubWindow[];
  sent: [string, unknown][];
  openedExternally: string[];
  executed: string[];
  errorBoxes: string[];
  menu: { label?: string; click?: () => void; submenu?: { label?: string; click?: () => void }[] }[];
  quitRequests: number;
  quitCompleted: boolean;
}

export class StubWebContents extends EventEmitter {
  url = '';
  readonly mainFrame = { url: '' };
  destroyed = false;
  openHandler?: (details: { url: string }) => { action: string };
  constructor(private readonly recording: Recording) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, message: unknown): void {
    this.recording.sent.push([channel, message]);
  }
  executeJavaScript(code: string): Promise<void> {
    this.recording.executed.push(code);
    return Promise.resolve();
  }
}

export interface StubWindow {
  options: { webPreferences: Record<string, unknown> };
  webContents: StubWebContents;
}

export function installElectronStub(): { recording: Recording; app: EventEmitter & { quit(): void }; uninstall(): void } {
  let ready = false;
  const recording: Recording = {
    schemes: [],
    schemeRegisteredBeforeReady: null,
    sandboxEnabledBeforeReady: null,
    paths: { appData: '/nonexistent/appData' },
    protocolHandlers: {},
    ipcHandlers: {},
    windows: [],
    sent: [],
    openedExternally: [],
    executed: [],
    errorBoxes: [],
    menu: [],
    quitRequests: 0,
    quitCompleted: false,
  };

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getPath: (name: string) => recording.paths[name] ?? `/nonexistent/${name}`,
    setPath: (name: string, path: string) => void (recording.paths[name] = path),
    enableSandbox: () => void (recording.sandboxEnabledBeforeReady = !ready),
    requestSingleInstanceLock: () => true,
    whenReady: () => new Promise<void>((resolve) => setTimeout(() => ((ready = true), resolve()), 10)),
    getAppPath: () => '/nonexistent/app',
    getLocale: () => 'en-US',
    quit(): void {
      recording.quitRequests += 1;
      let prevented = false;
      app.emit('before-quit', { preventDefault: () => void (prevented = true) });
      if (!prevented) recording.quitCompleted = true;
    },
    exit: () => undefined,
  });

  class BrowserWindow extends EventEmitter implements StubWindow {
    readonly webContents = new StubWebContents(recording);
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      recording.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows(): BrowserWindow[] {
      return (recording.windows as BrowserWindow[]).filter((w) => !w.webContents.destroyed);
    }
    loadURL(url: string): Promise<void> {
      this.webContents.url = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = () => undefined;
    show = () => undefined;
    focus = () => undefined;
  }

  const stub = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: Recording['schemes']) => {
        recording.schemes.push(...schemes);
        recording.schemeRegisteredBeforeReady = !ready;
      },
      handle: (scheme: string, handler: Recording['protocolHandlers'][string]) => {
        recording.protocolHandlers[scheme] = handler;
      },
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (handler: Recording['headersHandler']) => void (recording.headersHandler = handler) },
        setPermissionRequestHandler: (handler: Recording['permissionRequest']) => void (recording.permissionRequest = handler),
        setPermissionCheckHandler: () => undefined,
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Recording['ipcHandlers'][string]) => void (recording.ipcHandlers[channel] = handler),
      removeHandler: (channel: string) => void delete recording.ipcHandlers[channel],
    },
    Menu: {
      buildFromTemplate: (template: Recording['menu']) => template,
      setApplicationMenu: (menu: Recording['menu']) => void (recording.menu = menu),
    },
    shell: {
      openExternal: async (url: string) => void recording.openedExternally.push(url),
      openPath: async () => '',
    },
    dialog: { showErrorBox: (title: string, message: string) => void recording.errorBoxes.push(`${title}: ${message}`) },
    nativeTheme: { shouldUseDarkColors: false },
    // A machine without an OS secret store (a Linux box with no keyring): the shell hands no
    // vault key and the core keeps its key file, as the app does there.
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => { throw new Error('no OS secret store'); },
      decryptString: () => { throw new Error('no OS secret store'); },
    },
  };

  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = loader._load;
  loader._load = function load(this: unknown, request: string, ...rest: unknown[]) {
    return request === 'electron' ? stub : originalLoad.call(this, request, ...rest);
  };
  return { recording, app, uninstall: () => void (loader._load = originalLoad) };
}
