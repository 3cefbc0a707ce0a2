import type { Granularity } from '../../../../shared/contract';
import type { Formatters, Translate } from '../../i18n';

/**
 * Labels for a series period. The core names a day 'YYYY-MM-DD', a week by its
 * first day 'YYYY-MM-DD', a month 'YYYY-MM'; an ISO week 'YYYY-Www' is shown as is.
 */
export function periodTick(period: string, granularity: Granularity, format: Formatters): string {
  if (granularity === 'month') return format.month(period);
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return format.dayShort(period);
  return period;
}

export function periodTitle(period: string, granularity: Granularity, format: Formatters, t: Translate): string {
  if (granularity === 'month') return format.month(period);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period)) return period;
  return granularity === 'week' ? t('chart.weekOf', { date: format.date(period) }) : format.date(period);
}
