import { useMemo } from 'react';
import { useI18n } from '../../i18n';

/** Moments in the merchant's own clock (trainings and evaluations run on this machine) and short durations. */
export function useRecsTime() {
  const { locale } = useI18n();
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const seconds = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 2 });
    return {
      at: (iso: string): string => dateTime.format(new Date(iso)),
      seconds: (value: number): string => seconds.format(value),
    };
  }, [locale]);
}
