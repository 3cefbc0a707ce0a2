import { z } from 'zod';
import { operation } from './operation';
import { empty } from './common';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const COLOR_SCHEMES = ['light', 'dark', 'auto'] as const;
export type ColorSchemeSetting = (typeof COLOR_SCHEMES)[number];

export interface AppInfo {
  version: string;
  schemaVersion: number;
  databasePath: string;
  stores: { id: number; name: string; platform: string; currency: string; isDemo: boolean }[];
  /** Active staff, for "acting as": changes that need a named person (adjustments, notes) carry one of these ids. */
  staff: { id: number; name: string; role: string }[];
}

export interface AppSettings {
  locale: Locale;
  colorScheme: ColorSchemeSetting;
}

export const settingsPatch = z
  .object({
    locale: z.enum(LOCALES).optional(),
    colorScheme: z.enum(COLOR_SCHEMES).optional(),
  })
  .strict();

export const appOperations = {
  'app.info': operation<AppInfo>()(empty, 'Version, database and connected stores'),
  'settings.get': operation<AppSettings>()(empty, 'The profile settings'),
  'settings.update': operation<AppSettings>()(settingsPatch, 'Change profile settings'),
} as const;
