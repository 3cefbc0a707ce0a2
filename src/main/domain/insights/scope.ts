import type { ResolvedRange } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { addDays } from '../../../shared/dates';
import type { Sqlite } from '../../db/connection';
import { storeCurrencies, storeExists } from '../dashboard/queries';
import { previousRange, resolveRange, todayUtc } from '../dashboard/range';

/**
 * What every insight is scoped by: the range (as the dashboard resolves it:
 * `from` alone runs to today; both absent is all time), the previous period of
 * equal length, one store or all, and the currency of money figures (as the
 * contract says: unless asked, the one with most orders, from the orders
 * rollup, so call this after refreshing it; the first store's when there are none).
 */
export interface InsightScope {
  range: ResolvedRange;
  previousRange: ResolvedRange | null;
  storeId: number | null;
  currency: string;
  currencies: string[];
  today: string;
}

export function insightScope(
  sqlite: Sqlite,
  input: { range?: { from?: string; to?: string }; storeId?: number; currency?: string },
  now: Date,
): InsightScope {
  const storeId = input.storeId ?? null;
  if (storeId !== null && !storeExists(sqlite, storeId)) {
    throw new AppError('NOT_FOUND', `There is no store with id ${storeId}.`);
  }
  const currencies = storeCurrencies(sqlite, storeId);
  const range = resolveRange(input.range, now);
  const busiest = sqlite
    .prepare<Record<string, number>, { currency: string }>(
      `SELECT currency FROM rollup_orders_daily WHERE 1${storeCondition(storeId)}
        GROUP BY currency ORDER BY sum(orders) DESC, currency LIMIT 1`,
    )
    .get({});
  return {
    range,
    previousRange: previousRange(range),
    storeId,
    currency: input.currency ?? busiest?.currency ?? currencies[0] ?? 'USD',
    currencies,
    today: todayUtc(now),
  };
}

/** Day bounds of a range for columns holding 'YYYY-MM-DD' days: both inclusive, open ends made wide. */
export function dayBounds(range: ResolvedRange): { fromDay: string; toDay: string } {
  return { fromDay: range.from ?? '0000-01-01', toDay: range.to ?? '9999-12-31' };
}

/** The ISO instant a range's first day starts, and the one after its last day ends. */
export function instantBounds(range: ResolvedRange): { start: string | null; end: string | null } {
  return {
    start: range.from ? `${range.from}T00:00:00.000Z` : null,
    end: range.to ? `${addDays(range.to, 1)}T00:00:00.000Z` : null,
  };
}

/** `AND store_id = @storeId` when the scope is one store ('' otherwise), for a table alias or none. */
export function storeCondition(storeId: number | null, column = 'store_id'): string {
  return storeId === null ? '' : ` AND ${column} = ${Number(storeId)}`;
}

/**
 * The store condition for a rollup keyed (store_id, day, …): without a store,
 * `store_id IN (stores)` still lets a day range seek the primary key once per
 * store instead of scanning the table.
 */
export function dailyStoreCondition(storeId: number | null): string {
  return storeId === null ? ' AND store_id IN (SELECT id FROM stores)' : storeCondition(storeId);
}

/** A share, or null when there is nothing to divide by. */
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** 'YYYY-MM' plus n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole months from one 'YYYY-MM' to another. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** Nearest-rank percentile of a histogram sorted by value: the smallest value whose cumulative share reaches p. */
export function histogramPercentile(bins: readonly { value: number; count: number }[], p: number): number | null {
  const total = bins.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return null;
  const rank = Math.ceil(p * total);
  let cumulative = 0;
  for (const bin of bins) {
    cumulative += bin.count;
    if (cumulative >= rank) return bin.value;
  }
  return bins[bins.length - 1]?.value ?? null;
}
