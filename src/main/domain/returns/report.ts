import type { ParsedInputOf } from '../../../shared/contract';
import type { ReturnRateRow, ReturnsReport } from '../../../shared/contract/returns';
import { addDays } from '../../../shared/dates';
import type { Sqlite } from '../../db/connection';
import { customerName } from '../orders/list';
import { readReturnPolicy, reasonLabel } from './policy';
import { COUNTS_AS_RETURNED } from './quantities';

/**
 * `returns.report`: how much comes back, over the orders placed in the range
 * (default: the last 90 days) that reached the customer. The rates compare
 * like with like: units returned of the units delivered per product (the
 * products returned most first: a rate over one unit sold says little);
 * returns per delivered order for reasons and customers. Declined requests are not
 * returns. Serial returners look at the last 12 months, as the policy check does.
 */
type ReportInput = ParsedInputOf<'returns.report'>;

const DEFAULT_DAYS = 90;
const TOP_ROWS = 50;

/** Orders placed in [from, to] with a delivered shipment: the cohort everything here counts. */
const DELIVERED_ORDERS = `SELECT o.id, o.customer_id FROM orders o
  WHERE o.placed_at >= @from AND o.placed_at < @toExclusive AND o.status <> 'cancelled'
    AND EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND s.delivered_at IS NOT NULL)`;

const rate = (returned: number, sold: number): number | null => (sold === 0 ? null : returned / sold);

function byProduct(sqlite: Sqlite, params: Record<string, string>): ReturnRateRow[] {
  return sqlite.prepare<Record<string, string>, { key: string; label: string; sold: number; returned: number }>(
    `WITH cohort AS (${DELIVERED_ORDERS}),
     sold AS (SELECT ol.product_id AS productId, max(ol.title) AS title, sum(ol.quantity) AS units
                FROM cohort JOIN order_lines ol ON ol.order_id = cohort.id WHERE ol.product_id IS NOT NULL
               GROUP BY ol.product_id),
     back AS (SELECT ol.product_id AS productId, sum(rl.quantity) AS units
                FROM cohort JOIN returns r ON r.order_id = cohort.id JOIN return_lines rl ON rl.return_id = r.id
                JOIN order_lines ol ON ol.id = rl.order_line_id
               WHERE ${COUNTS_AS_RETURNED} AND ol.product_id IS NOT NULL GROUP BY ol.product_id)
     SELECT CAST(sold.productId AS TEXT) AS key, coalesce(p.title, sold.title) AS label, sold.units AS sold, back.units AS returned
       FROM back JOIN sold ON sold.productId = back.productId LEFT JOIN products p ON p.id = sold.productId
      ORDER BY back.units DESC, CAST(back.units AS REAL) / sold.units DESC, sold.productId LIMIT ${TOP_ROWS}`,
  ).all(params).map((r) => ({ ...r, rate: rate(r.returned, r.sold) }));
}

function byReason(sqlite: Sqlite, params: Record<string, string>, deliveredOrders: number): ReturnRateRow[] {
  const policy = readReturnPolicy(sqlite);
  return sqlite.prepare<Record<string, string>, { key: string; returned: number }>(
    `WITH cohort AS (${DELIVERED_ORDERS})
     SELECT r.reason AS key, count(*) AS returned FROM cohort JOIN returns r ON r.order_id = cohort.id
      WHERE ${COUNTS_AS_RETURNED} GROUP BY r.reason ORDER BY returned DESC, r.reason`,
  ).all(params).map((r) => ({
    key: r.key, label: reasonLabel(policy, r.key), sold: deliveredOrders, returned: r.returned,
    rate: rate(r.returned, deliveredOrders),
  }));
}

function byCustomer(sqlite: Sqlite, params: Record<string, string>): ReturnRateRow[] {
  return sqlite.prepare<Record<string, string>, { id: number; first: string | null; last: string | null; email: string | null;
    sold: number; returned: number }>(
    `WITH cohort AS (${DELIVERED_ORDERS}),
     back AS (SELECT cohort.customer_id AS customerId, count(*) AS returned FROM cohort JOIN returns r ON r.order_id = cohort.id
               WHERE ${COUNTS_AS_RETURNED} AND cohort.customer_id IS NOT NULL GROUP BY cohort.customer_id),
     sold AS (SELECT customer_id AS customerId, count(*) AS orders FROM cohort
               WHERE customer_id IN (SELECT customerId FROM back) GROUP BY customer_id)
     SELECT c.id, c.first_name AS first, c.last_name AS last, c.email, sold.orders AS sold, back.returned
       FROM back JOIN sold ON sold.customerId = back.customerId JOIN customers c ON c.id = back.customerId
      ORDER BY back.returned DESC, CAST(back.returned AS REAL) / sold.orders DESC, c.id LIMIT ${TOP_ROWS}`,
  ).all(params).map((r) => ({
    key: String(r.id), label: customerName(r.first, r.last) ?? r.email ?? `#${r.id}`, sold: r.sold, returned: r.returned,
    rate: rate(r.returned, r.sold),
  }));
}

function serialReturners(sqlite: Sqlite, now: Date): ReturnsReport['serialReturners'] {
  const threshold = readReturnPolicy(sqlite).serialReturnerThreshold;
  const since = new Date(now.getTime() - 365 * 86_400_000).toISOString();
  return sqlite.prepare<[string, string, number, string, string], { customerId: number; first: string | null; last: string | null;
    email: string | null; returns: number; orders: number }>(
    `WITH serial AS (SELECT customer_id, count(*) AS returns FROM returns
                      WHERE customer_id IS NOT NULL AND requested_at > ? AND requested_at <= ?
                      GROUP BY customer_id HAVING count(*) >= ?)
     SELECT c.id AS customerId, c.first_name AS first, c.last_name AS last, c.email, serial.returns,
       (SELECT count(*) FROM orders o WHERE o.customer_id = c.id AND o.placed_at > ? AND o.placed_at <= ?) AS orders
       FROM serial JOIN customers c ON c.id = serial.customer_id
      ORDER BY serial.returns DESC, c.id LIMIT ${TOP_ROWS}`,
  ).all(since, now.toISOString(), threshold, since, now.toISOString())
    .map((r) => ({ customerId: r.customerId, name: customerName(r.first, r.last) ?? r.email, returns: r.returns, orders: r.orders }));
}

export function returnsReport(sqlite: Sqlite, input: ReportInput, now: Date): ReturnsReport {
  const today = now.toISOString().slice(0, 10);
  const to = input.range?.to ?? today;
  const from = input.range?.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  const params = { from, toExclusive: addDays(to, 1) };
  const totals = sqlite.prepare<Record<string, string>, { delivered: number; returned: number }>(
    `WITH cohort AS (${DELIVERED_ORDERS})
     SELECT (SELECT count(*) FROM cohort) AS delivered,
       (SELECT count(*) FROM cohort JOIN returns r ON r.order_id = cohort.id WHERE ${COUNTS_AS_RETURNED}) AS returned`,
  ).get(params)!;
  return {
    range: { from, to },
    overallRate: rate(totals.returned, totals.delivered),
    byProduct: byProduct(sqlite, params),
    byReason: byReason(sqlite, params, totals.delivered),
    byCustomer: byCustomer(sqlite, params),
    serialReturners: serialReturners(sqlite, now),
  };
}
