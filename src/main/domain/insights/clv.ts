import type { Clv } from '../../../shared/contract';
import type { Sqlite } from '../../db/connection';
import { byCohort, cohortMonths, cohortSpan } from './cohorts';
import { addMonths, dayBounds, storeCondition, type InsightScope } from './scope';

/**
 * Customer lifetime value: net revenue (total less refunded, orders not
 * cancelled) per customer.
 * - By cohort (rollup_cohorts): to date, and within the first 3, 6 and 12
 *   months counting the cohort month as the first; an "at N months" figure is
 *   null until those N months have all ended, so a young cohort is never
 *   shown as if it had stopped buying.
 * - By segment: the customers' current RFM segment and the customers area's
 *   figures for them (customer_rfm: spend in the store's currency, orders that
 *   were not cancelled, voided or failed), so a segment's value agrees with the
 *   segments page. Customers with orders but no segment yet are 'none'.
 * The range, when given, picks the customers whose first order (not
 * cancelled) falls in it, as for cohorts.
 */
const WINDOWS = [3, 6, 12] as const;
type Row = Clv['rows'][number];

export function clvByCohort(sqlite: Sqlite, scope: InsightScope): Clv {
  const span = cohortSpan(sqlite, scope);
  const thisMonth = scope.today.slice(0, 7);
  const cohorts = span ? byCohort(cohortMonths(sqlite, scope, span.from, span.to)) : [];
  const rows: Row[] = cohorts.map(({ cohort, size, cells }) => {
    const all = [...cells.values()];
    const revenue = all.reduce((sum, c) => sum + c.netMinor, 0);
    const orders = all.reduce((sum, c) => sum + c.orders, 0);
    const within = (months: number): number | null => {
      if (addMonths(cohort, months) > thisMonth) return null;
      const net = all.filter((c) => c.index < months).reduce((sum, c) => sum + c.netMinor, 0);
      return Math.round(net / size);
    };
    const [clv3Minor, clv6Minor, clv12Minor] = WINDOWS.map(within) as [number | null, number | null, number | null];
    return {
      key: cohort, customers: size, revenueMinor: revenue, clvMinor: Math.round(revenue / size),
      clv3Minor, clv6Minor, clv12Minor, ordersPerCustomer: orders / size,
    };
  });
  return { by: 'cohort', currency: scope.currency, rows };
}

export function clvBySegment(sqlite: Sqlite, scope: InsightScope): Clv {
  const { fromDay, toDay } = dayBounds(scope.range);
  const ranged = scope.range.from !== null || scope.range.to !== null;
  // Within a range, the customers come from the first-order rollup's index (first_day), not a scan of customer_rfm.
  const customers = ranged
    ? `rollup_customer_orders f JOIN customer_rfm r ON r.customer_id = f.customer_id
        WHERE f.first_day >= @from AND f.first_day <= @to AND`
    : 'customer_rfm r WHERE';
  const params: Record<string, string> = { currency: scope.currency };
  if (ranged) Object.assign(params, { from: fromDay, to: toDay });
  const rows = sqlite
    .prepare<Record<string, string>, { segment: string | null; customers: number; revenue: number; orders: number }>(
      `SELECT r.segment, count(*) AS customers, sum(r.spend_minor) AS revenue, sum(r.orders_count) AS orders
         FROM ${customers} r.orders_count > 0
          AND r.store_id IN (SELECT id FROM stores WHERE currency = @currency)${storeCondition(scope.storeId, 'r.store_id')}
        GROUP BY r.segment`,
    )
    .all(params);
  return {
    by: 'segment',
    currency: scope.currency,
    rows: rows
      .map((r) => ({
        key: r.segment ?? 'none', customers: r.customers, revenueMinor: r.revenue, clvMinor: Math.round(r.revenue / r.customers),
        clv3Minor: null, clv6Minor: null, clv12Minor: null, ordersPerCustomer: r.orders / r.customers,
      }))
      .sort((a, b) => b.clvMinor - a.clvMinor),
  };
}
