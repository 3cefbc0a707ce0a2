import { useMemo } from 'react';
import { useI18n } from '../../../i18n';

/** A timestamp in UTC, labelled as such: the dashboard counts days in UTC too. */
export function useTimestamp(): (iso: string) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    return (iso: string) => `${formatter.format(new Date(iso))} UTC`;
  }, [locale]);
}
