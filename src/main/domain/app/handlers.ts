import type { AppInfo } from '../../../shared/contract';
import { APP_VERSION } from '../../../shared/version';
import type { HandlerContext } from '../../core/handler';
import { getSettings, updateSettings } from './settings';

export function appInfo(_input: unknown, ctx: HandlerContext): AppInfo {
  const schemaVersion = ctx.sqlite.pragma('user_version', { simple: true }) as number;
  const stores = ctx.sqlite
    .prepare<[], { id: number; name: string; platform: string; currency: string }>(
      'SELECT id, name, platform, currency FROM stores ORDER BY id',
    )
    .all()
    .map((s) => ({ ...s, isDemo: s.platform === 'demo' }));
  const staff = ctx.sqlite
    .prepare<[], { id: number; name: string; role: string }>(
      'SELECT id, name, role FROM staff WHERE active = 1 ORDER BY id',
    )
    .all();
  return { version: APP_VERSION, schemaVersion, databasePath: ctx.dbPath, stores, staff };
}

export const appHandlers = {
  'app.info': appInfo,
  'settings.get': getSettings,
  'settings.update': updateSettings,
};
