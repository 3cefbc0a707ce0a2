import type { Locale } from '../../../shared/contract';
import { en } from './en';
import { zhCN } from './zh-CN';

export type MessageKey = keyof typeof en;
/** Every language maps exactly the English keys to strings. */
export type Dictionary = { readonly [K in MessageKey]: string };
export type MessageVars = Record<string, string | number>;

export const dictionaries: Record<Locale, Dictionary> = { en, 'zh-CN': zhCN };

/** Fills {name} placeholders; an unknown placeholder is left visible so it gets noticed. */
export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const text = dictionaries[locale][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}
