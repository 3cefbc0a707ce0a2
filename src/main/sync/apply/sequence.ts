import type { Sqlite } from '../../db/connection';
import { refreshCustomerRfm } from '../../domain/customers/rfm';
import { prepared } from './statements';

/**
 * customer_order_seq (1 for a customer's first order, 2 for the second…, by
 * placement then id, as customers/merge.ts numbers them). A new order that is
 * its customer's latest gets its number as it is written (orders.ts); the
 * customers for whom that does not hold (an older order arriving late, an
 * order moved between customers or re-dated) are renumbered here once the
 * page is written, in one statement, writing only rows whose number changes.
 */
const RENUMBER = `UPDATE orders SET customer_order_seq = ranked.seq
  FROM (SELECT id, row_number() OVER (PARTITION BY customer_id ORDER BY placed_at, id) AS seq
          FROM orders WHERE customer_id IN (SELECT value FROM json_each(?))) AS ranked
  WHERE orders.id = ranked.id AND orders.customer_order_seq IS NOT ranked.seq`;

export function renumberCustomerOrders(sqlite: Sqlite, customerIds: ReadonlySet<number>): void {
  if (customerIds.size === 0) return;
  prepared(sqlite, RENUMBER).run(JSON.stringify([...customerIds]));
}

/**
 * The customers area keeps RFM figures; it offers a refresh for one customer
 * (a few indexed counts each), not for a set. An incremental sync touches a
 * handful of customers, and their segments follow at once; a backfill page
 * touches hundreds, and refreshing each would cost more than writing the page,
 * so those wait for the customers area's full recompute (ensureRfm gives
 * newcomers their row when the list opens).
 */
export const RFM_REFRESH_LIMIT = 10;

export function refreshRfmOfFew(sqlite: Sqlite, customerIds: ReadonlySet<number>, now: Date): void {
  if (customerIds.size === 0 || customerIds.size > RFM_REFRESH_LIMIT) return;
  for (const id of customerIds) refreshCustomerRfm(sqlite, id, now);
}
