import {
  COLOR_SCHEMES,
  LOCALES,
  type AppSettings,
  type ParsedInputOf,
} from '../../../shared/contract';
import type { HandlerContext } from '../../core/handler';

const DEFAULTS: AppSettings = { locale: 'en', colorScheme: 'auto' };

function readSetting<T extends string>(
  ctx: HandlerContext,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const row = ctx.sqlite
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get(key);
  // A value written by a newer or older version that we no longer know falls back.
  return row && (allowed as readonly string[]).includes(row.value) ? (row.value as T) : fallback;
}

export function getSettings(_input: unknown, ctx: HandlerContext): AppSettings {
  return {
    locale: readSetting(ctx, 'locale', LOCALES, DEFAULTS.locale),
    colorScheme: readSetting(ctx, 'colorScheme', COLOR_SCHEMES, DEFAULTS.colorScheme),
  };
}

export function updateSettings(
  patch: ParsedInputOf<'settings.update'>,
  ctx: HandlerContext,
): AppSettings {
  const upsert = ctx.sqlite.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const at = ctx.now().toISOString();
  ctx.sqlite.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) upsert.run(key, value, at);
    }
  })();
  ctx.emit('data.changed', { areas: ['settings'] });
  return getSettings({}, ctx);
}
