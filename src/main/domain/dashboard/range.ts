import type { Granularity, ResolvedRange } from '../../../shared/contract';
import { addDays, daysBetween } from '../../../shared/dates';

/** A range as SQL bounds over `placed_at` (ISO text): [lower, upperExclusive). */
export interface SqlBounds {
  lower: string;
  upperExclusive: string;
}

// ISO instants sort as text, so these bound "all time" without special cases.
const BEFORE_ALL = '0000-01-01';
const AFTER_ALL = '9999-12-31';
export const ALL_TIME: SqlBounds = { lower: BEFORE_ALL, upperExclusive: AFTER_ALL };

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** An open end stays open, except `from` alone, which runs to today. */
export function resolveRange(
  range: { from?: string; to?: string } | undefined,
  now: Date = new Date(),
): ResolvedRange {
  const from = range?.from ?? null;
  const to = range?.to ?? (from ? todayUtc(now) : null);
  return { from, to };
}

/** The period of equal length just before a closed range; none for open ranges. */
export function previousRange(range: ResolvedRange): ResolvedRange | null {
  if (!range.from || !range.to) return null;
  const length = daysBetween(range.from, range.to) + 1;
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

export function toSqlBounds(range: ResolvedRange): SqlBounds {
  return {
    lower: range.from ?? BEFORE_ALL,
    upperExclusive: range.to ? addDays(range.to, 1) : AFTER_ALL,
  };
}

/** Days per bar that keep a chart readable: about 3 months of days, 2 years of weeks. */
export function pickGranularity(days: number): Granularity {
  if (days <= 92) return 'day';
  if (days <= 730) return 'week';
  return 'month';
}

/** The first day of the period a date falls in (weeks start on Monday). */
export function periodStart(isoDate: string, granularity: Granularity): string {
  if (granularity === 'day') return isoDate;
  if (granularity === 'month') return `${isoDate.slice(0, 7)}-01`;
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, -((weekday + 6) % 7));
}

export function nextPeriod(periodStartDate: string, granularity: Granularity): string {
  if (granularity === 'day') return addDays(periodStartDate, 1);
  if (granularity === 'week') return addDays(periodStartDate, 7);
  const d = new Date(`${periodStartDate}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

/** Every period start from the one holding `from` to the one holding `to`. */
export function periodsBetween(from: string, to: string, granularity: Granularity): string[] {
  const periods: string[] = [];
  const last = periodStart(to, granularity);
  for (let p = periodStart(from, granularity); p <= last; p = nextPeriod(p, granularity)) {
    periods.push(p);
  }
  return periods;
}

/** SQL expression for the period start of `placed_at`, matching periodStart(). */
export function periodSql(granularity: Granularity): string {
  switch (granularity) {
    case 'day':
      return 'substr(placed_at, 1, 10)';
    case 'month':
      return "substr(placed_at, 1, 7) || '-01'";
    case 'week':
      // 'weekday 0' moves forward to Sunday (or stays), -6 days is that week's Monday.
      return "date(substr(placed_at, 1, 10), 'weekday 0', '-6 days')";
  }
}
