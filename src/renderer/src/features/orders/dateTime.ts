import { useMemo } from 'react';
import { useI18n } from '../../i18n';

/**
 * Timestamps in UTC, labelled as such: order dates are filtered by UTC day
 * (as the dashboard counts them), so a time shown in another zone could
 * put an order on a different day than the filter that found it.
 */
export function useDateTime(): (iso: string) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const formatter = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    });
    return (iso: string) => `${formatter.format(new Date(iso))} UTC`;
  }, [locale]);
}
