import type { Locale } from '../../../shared/contract';
import { formatMoney, toMajor } from '../../../shared/money';

/**
 * Number, money, percentage and date formatting for one locale, all through
 * Intl. Calendar dates travel as 'YYYY-MM-DD' in UTC, so they are formatted in
 * UTC too: a merchant west of Greenwich must not see yesterday's date.
 */
export interface Formatters {
  money(amountMinor: number, currency: string): string;
  /** Short money for chart axes: "$12K", "1.2万". */
  moneyCompact(amountMinor: number, currency: string): string;
  number(value: number): string;
  /** A ratio in [0, 1] as a percentage. */
  percent(ratio: number, fractionDigits?: number): string;
  /** 'YYYY-MM-DD' as a medium date ("Mar 4, 2025", "2025年3月4日"). */
  date(isoDate: string): string;
  /** 'YYYY-MM-DD' as a short date without year ("Mar 4", "3月4日"). */
  dayShort(isoDate: string): string;
  /** 'YYYY-MM' or 'YYYY-MM-DD' as a month ("Mar 2025", "2025年3月"). */
  month(isoMonth: string): string;
}

const utc = (isoDate: string): Date => new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
const monthStart = (isoMonth: string): Date => new Date(`${isoMonth.slice(0, 7)}-01T00:00:00Z`);

export function createFormatters(locale: Locale): Formatters {
  const integer = new Intl.NumberFormat(locale);
  const dateMedium = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dayShort = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    money: (amountMinor, currency) => formatMoney(amountMinor, currency, locale),
    moneyCompact: (amountMinor, currency) =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        notation: 'compact',
        maximumFractionDigits: 1,
      }).format(toMajor(amountMinor, currency)),
    number: (value) => integer.format(value),
    percent: (ratio, fractionDigits = 1) =>
      new Intl.NumberFormat(locale, {
        style: 'percent',
        minimumFractionDigits: 0,
        maximumFractionDigits: fractionDigits,
      }).format(ratio),
    date: (isoDate) => dateMedium.format(utc(isoDate)),
    dayShort: (isoDate) => dayShort.format(utc(isoDate)),
    month: (isoMonth) => monthYear.format(monthStart(isoMonth)),
  };
}
