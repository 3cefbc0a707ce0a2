import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { Locale } from '../../../shared/contract';
import { translate, type MessageKey, type MessageVars } from './dictionary';
import { createFormatters, type Formatters } from './format';

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export interface I18n {
  locale: Locale;
  t: Translate;
  format: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (key, vars) => translate(locale, key, vars),
      format: createFormatters(locale),
    }),
    [locale],
  );
  // Screen readers and the browser's font choice for CJK follow the document language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}

export const useT = (): Translate => useI18n().t;
export const useFormat = (): Formatters => useI18n().format;
