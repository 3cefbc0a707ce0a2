import type { ResolvedRange, Retention } from '../../../shared/contract';
import type { Sqlite } from '../../db/connection';
import { dailyStoreCondition, dayBounds, histogramPercentile, ratio, storeCondition } from './scope';

/**
 * Repeat purchase and time between orders, from the gap rollups
 * (order-gaps.ts). Orders counted are those not cancelled, of known
 * customers (a guest cannot be recognised when they come back).
 * - Repeat purchase rate: of the customers whose first order falls in the
 *   range, the share with a second order, at any time up to today.
 * - Time between orders: for each order in the range that is not its
 *   customer's first, whole days since the customer's previous order;
 *   percentiles by nearest rank.
 * - Returning order share: of those customers' orders in the range, the share
 *   that is not a customer's first.
 */
export function repeatPurchaseRate(sqlite: Sqlite, range: ResolvedRange, storeId: number | null): { customers: number; repeaters: number; rate: number | null } {
  const { fromDay, toDay } = dayBounds(range);
  const row = sqlite
    .prepare<{ from: string; to: string }, { customers: number; repeaters: number | null }>(
      `SELECT count(*) AS customers, sum(orders >= 2) AS repeaters
         FROM rollup_customer_orders
        WHERE first_day >= @from AND first_day <= @to${storeCondition(storeId)}`,
    )
    .get({ from: fromDay, to: toDay })!;
  const repeaters = row.repeaters ?? 0;
  return { customers: row.customers, repeaters, rate: ratio(repeaters, row.customers) };
}

/** Orders in the range by days since the customer's previous order (-1: a first order). */
export function gapHistogram(sqlite: Sqlite, range: ResolvedRange, storeId: number | null): { gap: number; orders: number }[] {
  const { fromDay, toDay } = dayBounds(range);
  return sqlite
    .prepare<{ from: string; to: string }, { gap: number; orders: number }>(
      `SELECT gap_days AS gap, sum(orders) AS orders FROM rollup_order_gaps
        WHERE day >= @from AND day <= @to${dailyStoreCondition(storeId)}
        GROUP BY gap_days ORDER BY gap_days`,
    )
    .all({ from: fromDay, to: toDay });
}

/** The histogram's buckets, in days (both ends inclusive; the last is open). */
const BUCKETS: readonly [number, number | null][] = [
  [0, 7], [8, 14], [15, 30], [31, 60], [61, 90], [91, 180], [181, 365], [366, null],
];

export function timeBetweenOrders(histogram: { gap: number; orders: number }[]): Pick<Retention,
  'timeBetweenOrdersP50' | 'timeBetweenOrdersP90' | 'timeBetweenOrders' | 'returningOrderShare'> {
  const repeats = histogram.filter((h) => h.gap >= 0).map((h) => ({ value: h.gap, count: h.orders }));
  const repeatOrders = repeats.reduce((sum, h) => sum + h.count, 0);
  const allOrders = histogram.reduce((sum, h) => sum + h.orders, 0);
  return {
    timeBetweenOrdersP50: histogramPercentile(repeats, 0.5),
    timeBetweenOrdersP90: histogramPercentile(repeats, 0.9),
    timeBetweenOrders: BUCKETS.map(([fromDays, toDays]) => ({
      bucket: toDays === null ? `${fromDays}+` : `${fromDays}-${toDays}`,
      fromDays,
      toDays,
      count: repeats.filter((h) => h.value >= fromDays && (toDays === null || h.value <= toDays)).reduce((sum, h) => sum + h.count, 0),
    })),
    returningOrderShare: ratio(repeatOrders, allOrders),
  };
}
