import { useMantineColorScheme } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import 'dayjs/locale/zh-cn';
import type { AppSettings, Locale } from '../../../shared/contract';
import { useSettings } from '../features/settings/api';
import { I18nProvider } from '../i18n';

/**
 * The profile's settings (language, theme) live in its database. Until they
 * arrive, the last language used in this browser is shown, so a reload does not
 * flash English at a Chinese-speaking merchant. Mantine keeps the colour scheme
 * in localStorage for the same reason.
 */
const LOCALE_CACHE_KEY = 'backroom.locale';

// Date inputs format with 'll' ("Mar 4, 2025", "2025年3月4日"), which needs this plugin.
dayjs.extend(localizedFormat);

function initialLocale(): Locale {
  const cached = localStorage.getItem(LOCALE_CACHE_KEY);
  if (cached === 'en' || cached === 'zh-CN') return cached;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const EffectiveSettings = createContext<AppSettings | null>(null);

/** The settings in force in this window: saved ones, or the local guess while loading. */
export function useEffectiveSettings(): AppSettings {
  const settings = useContext(EffectiveSettings);
  if (!settings) throw new Error('useEffectiveSettings must be used inside <PreferencesProvider>');
  return settings;
}

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const saved = useSettings().data;
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const [guessedLocale] = useState(initialLocale);
  const effective: AppSettings = saved ?? { locale: guessedLocale, colorScheme };

  useEffect(() => {
    if (!saved) return;
    localStorage.setItem(LOCALE_CACHE_KEY, saved.locale);
    setColorScheme(saved.colorScheme);
  }, [saved, setColorScheme]);

  return (
    <EffectiveSettings.Provider value={effective}>
      <I18nProvider locale={effective.locale}>
        <DatesProvider
          settings={{ locale: effective.locale === 'zh-CN' ? 'zh-cn' : 'en', firstDayOfWeek: 1 }}
        >
          {children}
        </DatesProvider>
      </I18nProvider>
    </EffectiveSettings.Provider>
  );
}
