import { useMemo } from 'react';
import { useI18n } from '../../i18n';

export interface SyncTimeFormat {
  /** A moment in the merchant's own clock ("Nov 23, 2026, 10:14 PM"): runs happen on this machine, in its time. */
  at(iso: string): string;
  /** How far a moment is from now ("in 12 minutes", "3 hours ago"). */
  relative(iso: string, now?: number): string;
  /** A duration in seconds as "2 min 5 s" style text. */
  seconds(total: number): string;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

export function useSyncTime(): SyncTimeFormat {
  const { locale } = useI18n();
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    const minutes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
    const secs = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short' });
    return {
      at: (iso) => dateTime.format(new Date(iso)),
      relative: (iso, now = Date.now()) => {
        const delta = new Date(iso).getTime() - now;
        const [unit, size] = UNITS.find(([, ms]) => Math.abs(delta) >= ms) ?? (['second', 1_000] as const);
        return relative.format(Math.round(delta / size), unit);
      },
      seconds: (total) => {
        const whole = Math.max(0, Math.round(total));
        if (whole < 60) return secs.format(whole);
        const rest = whole % 60;
        return rest === 0 ? minutes.format(whole / 60) : `${minutes.format(Math.floor(whole / 60))} ${secs.format(rest)}`;
      },
    };
  }, [locale]);
}
