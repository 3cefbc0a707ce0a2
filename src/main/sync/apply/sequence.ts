import type { Sqlite } from '../../db/connection';
import { refreshCustomerRfm, refreshCustomersRfmFigures } from '../../domain/customers/rfm';
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

/**
 * Every customer with orders in the store, renumbered in one pass (orders
 * from other stores of a customer merged across them included): after a
 * backfill in bulk mode, whose orders were written without numbers because
 * the index that finds a customer's orders was deferred.
 */
const RENUMBER_STORE = `UPDATE orders SET customer_order_seq = ranked.seq
  FROM (SELECT id, row_number() OVER (PARTITION BY customer_id ORDER BY placed_at, id) AS seq
          FROM orders WHERE customer_id IN (SELECT customer_id FROM orders WHERE store_id = ? AND customer_id IS NOT NULL)) AS ranked
  WHERE orders.id = ranked.id AND orders.customer_order_seq IS NOT ranked.seq`;

export function renumberStoreOrders(sqlite: Sqlite, storeId: number): void {
  sqlite.prepare(RENUMBER_STORE).run(storeId);
}

export function renumberCustomerOrders(sqlite: Sqlite, customerIds: ReadonlySet<number>): void {
  if (customerIds.size === 0) return;
  prepared(sqlite, RENUMBER).run(JSON.stringify([...customerIds]));
}

/**
 * RFM figures of the customers a page touched. A handful (an incremental sync)
 * are re-scored at once, each against everyone (the customers area's
 * per-customer refresh, a few index counts each); more than that (a backfill
 * touches hundreds a page, where those counts would cost more than writing the
 * page) get their figures rewritten in one set-based statement, their scores
 * following at the customers area's next full recompute.
 */
export const RFM_REFRESH_LIMIT = 10;

export function refreshTouchedRfm(sqlite: Sqlite, customerIds: ReadonlySet<number>, now: Date): void {
  if (customerIds.size === 0) return;
  if (customerIds.size > RFM_REFRESH_LIMIT) {
    refreshCustomersRfmFigures(sqlite, [...customerIds], now);
    return;
  }
  for (const id of customerIds) refreshCustomerRfm(sqlite, id, now);
}
