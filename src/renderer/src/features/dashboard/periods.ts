import type { Granularity } from '../../../../shared/contract';
import type { Formatters, Translate } from '../../i18n';

import { daysBetween } from '../../../../shared/dates';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Days from the first period to the last, 0 for fewer than two. */
export function spanDays(points: readonly { period: string }[]): number {
  const first = points[0]?.period;
  const last = points[points.length - 1]?.period;
  return first && last && ISO_DAY.test(first) && ISO_DAY.test(last) ? daysBetween(first, last) : 0;
}

/**
 * Axis labels for a series period. The core names every period by its first
 * day 'YYYY-MM-DD' (weeks start on Monday); anything else is shown as is.
 * Over more than about half a year "Dec 22" would not say which December, so
 * week ticks then name the month and year.
 */
export function periodTick(period: string, granularity: Granularity, format: Formatters, span: number): string {
  if (granularity === 'month' || (granularity === 'week' && span > 180)) return format.month(period);
  if (ISO_DAY.test(period)) return format.dayShort(period);
  return period;
}

export function periodTitle(period: string, granularity: Granularity, format: Formatters, t: Translate): string {
  if (granularity === 'month') return format.month(period);
  if (!ISO_DAY.test(period)) return period;
  return granularity === 'week' ? t('chart.weekOf', { date: format.date(period) }) : format.date(period);
}
