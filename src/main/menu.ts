import { app, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { isSameOrigin } from './shellOrigin';

/** The menu's own labels; standard items (Edit, Window, …) come from Electron's roles. */
const LABELS = {
  en: {
    file: 'File',
    connectStore: 'Connect your store…',
    openDataFolder: 'Show data folder',
    view: 'View',
  },
  'zh-CN': {
    file: '文件',
    connectStore: '连接你的店铺…',
    openDataFolder: '显示数据文件夹',
    view: '视图',
  },
} as const;

function labels(): (typeof LABELS)[keyof typeof LABELS] {
  return app.getLocale().toLowerCase().startsWith('zh') ? LABELS['zh-CN'] : LABELS.en;
}

export interface MenuOptions {
  getWindow: () => BrowserWindow | null;
  appOrigin: string;
  dataDir: string;
}

/** A small application menu whose first job is the path to real data: the Sync page. */
export function installMenu({ getWindow, appOrigin, dataDir }: MenuOptions): void {
  const text = labels();
  const openSync = (): void => {
    const window = getWindow();
    if (!window || !isSameOrigin(window.webContents.getURL(), appOrigin)) return;
    // A same-document navigation: the renderer's hash router shows the Sync page.
    void window.webContents.executeJavaScript("window.location.hash = '#/sync'");
    window.show();
  };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: text.file,
      submenu: [
        { label: text.connectStore, click: openSync },
        { label: text.openDataFolder, click: () => void shell.openPath(dataDir) },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: text.view,
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as MenuItemConstructorOptions]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
