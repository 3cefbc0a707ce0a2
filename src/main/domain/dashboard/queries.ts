import type { Sqlite } from '../../db/connection';
import type { KpiSet } from '../../../shared/contract';
import { ALL_TIME, type SqlBounds } from './range';

/**
 * The dashboard's SQL. Raw prepared statements on purpose: these aggregate up
 * to millions of orders and must stay on the covering indexes
 * `orders_placed` and `orders_customer` (see tests/unit/dashboard-plan.test.ts).
 */

export interface Scope {
  bounds: SqlBounds;
  currency: string;
  storeId: number | null;
}

/**
 * The WHERE conditions of a scope. "All time" has no time condition at all:
 * a plain scan of the covering index is measurably faster than a range over it.
 */
function conditions(scope: Scope, ...more: string[]): string {
  const parts = [...more];
  if (scope.bounds.lower !== ALL_TIME.lower) parts.push('placed_at >= @lower');
  if (scope.bounds.upperExclusive !== ALL_TIME.upperExclusive) parts.push('placed_at < @upper');
  if (scope.storeId !== null) parts.push('store_id = @storeId');
  return parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
}

/** Only the parameters the statement names: better-sqlite3 rejects unused ones. */
function params(scope: Scope, withCurrency: boolean): Record<string, string | number> {
  const p: Record<string, string | number> = {};
  if (scope.bounds.lower !== ALL_TIME.lower) p['lower'] = scope.bounds.lower;
  if (scope.bounds.upperExclusive !== ALL_TIME.upperExclusive) p['upper'] = scope.bounds.upperExclusive;
  if (scope.storeId !== null) p['storeId'] = scope.storeId;
  if (withCurrency) p['currency'] = scope.currency;
  return p;
}

interface OrderTotalsRow {
  orders: number;
  paid_orders: number;
  net_minor: number;
  gross_minor: number;
  paid_in_currency: number;
  first_orders: number | null;
  second_orders: number | null;
}

interface CustomerTotalsRow {
  active: number;
  new_customers: number | null;
  repeaters: number | null;
}

export function kpis(sqlite: Sqlite, scope: Scope): KpiSet {
  // Counts are over every currency; money only over the chosen one.
  const totals = sqlite
    .prepare<Record<string, string | number>, OrderTotalsRow>(
      `SELECT count(*) AS orders,
              sum(status <> 'cancelled') AS paid_orders,
              sum(CASE WHEN status <> 'cancelled' AND currency = @currency
                       THEN total_minor - refunded_minor ELSE 0 END) AS net_minor,
              sum(CASE WHEN status <> 'cancelled' AND currency = @currency
                       THEN total_minor ELSE 0 END) AS gross_minor,
              sum(status <> 'cancelled' AND currency = @currency) AS paid_in_currency,
              sum(customer_order_seq = 1) AS first_orders,
              sum(customer_order_seq = 2) AS second_orders
         FROM orders INDEXED BY orders_placed
        ${conditions(scope)}`,
    )
    .get(params(scope, true))!;

  const customers =
    scope.bounds.lower === ALL_TIME.lower ? customersSinceTheStart(totals) : customersInRange(sqlite, scope);

  return {
    orders: totals.orders,
    paidOrders: totals.paid_orders,
    netRevenueMinor: Math.round(totals.net_minor),
    averageOrderValueMinor:
      totals.paid_in_currency > 0 ? Math.round(totals.gross_minor / totals.paid_in_currency) : null,
    activeCustomers: customers.active,
    newCustomers: customers.new_customers ?? 0,
    repeatPurchaseRate: customers.active > 0 ? (customers.repeaters ?? 0) / customers.active : null,
  };
}

/**
 * When the range has no start, every customer who ordered by its end has their
 * first order in it and had bought twice exactly when their second order is in
 * it: the sequence numbers answer without grouping a million orders by customer.
 */
function customersSinceTheStart(totals: OrderTotalsRow): CustomerTotalsRow {
  return {
    active: totals.first_orders ?? 0,
    new_customers: totals.first_orders ?? 0,
    repeaters: totals.second_orders ?? 0,
  };
}

/** One row per customer who ordered in the range; the lowest sequence number tells a
 * first purchase, the highest whether they had bought twice by then. */
function customersInRange(sqlite: Sqlite, scope: Scope): CustomerTotalsRow {
  return sqlite
    .prepare<Record<string, string | number>, CustomerTotalsRow>(
      `SELECT count(*) AS active,
              sum(first_seq = 1) AS new_customers,
              sum(last_seq >= 2) AS repeaters
         FROM (SELECT min(customer_order_seq) AS first_seq, max(customer_order_seq) AS last_seq
                 FROM orders INDEXED BY orders_customer
                ${conditions(scope, 'customer_id IS NOT NULL')}
                GROUP BY customer_id)`,
    )
    .get(params(scope, false))!;
}

export function openTickets(sqlite: Sqlite): number {
  const row = sqlite
    .prepare<[], { n: number }>(
      `SELECT count(*) AS n FROM tickets WHERE status NOT IN ('solved', 'closed')`,
    )
    .get()!;
  return row.n;
}

/** Store currencies, the first store's first: the default for money figures. */
export function storeCurrencies(sqlite: Sqlite, storeId: number | null): string[] {
  const rows = sqlite
    .prepare<[], { currency: string }>(
      `SELECT currency FROM stores ${storeId === null ? '' : `WHERE id = ${Number(storeId)}`}
        GROUP BY currency ORDER BY min(id)`,
    )
    .all();
  return rows.map((r) => r.currency);
}

export function storeExists(sqlite: Sqlite, storeId: number): boolean {
  return sqlite.prepare('SELECT 1 FROM stores WHERE id = ?').get(storeId) !== undefined;
}

/** First and last order day, to bound "all time" series. */
export function orderSpan(sqlite: Sqlite): { first: string; last: string } | null {
  const row = sqlite
    .prepare<[], { first: string | null; last: string | null }>(
      `SELECT substr(min(placed_at), 1, 10) AS first, substr(max(placed_at), 1, 10) AS last FROM orders`,
    )
    .get()!;
  return row.first && row.last ? { first: row.first, last: row.last } : null;
}

export function revenueByPeriod(
  sqlite: Sqlite,
  scope: Scope,
  periodExpression: string,
): { period: string; netRevenueMinor: number; orders: number }[] {
  return sqlite
    .prepare<Record<string, string | number>, { period: string; net_minor: number; orders: number }>(
      `SELECT ${periodExpression} AS period,
              sum(CASE WHEN status <> 'cancelled' AND currency = @currency
                       THEN total_minor - refunded_minor ELSE 0 END) AS net_minor,
              count(*) AS orders
         FROM orders INDEXED BY orders_placed
        ${conditions(scope)}
        GROUP BY period`,
    )
    .all(params(scope, true))
    .map((r) => ({ period: r.period, netRevenueMinor: Math.round(r.net_minor), orders: r.orders }));
}

export function customerMixByPeriod(
  sqlite: Sqlite,
  scope: Scope,
  periodExpression: string,
): { period: string; newCustomers: number; returningCustomers: number }[] {
  // A customer counts once per period: new if their first order ever is in it.
  return sqlite
    .prepare<Record<string, string | number>, { period: string; new_customers: number; returning_customers: number }>(
      `SELECT period, sum(first_seq = 1) AS new_customers, sum(first_seq > 1) AS returning_customers
         FROM (SELECT ${periodExpression} AS period, min(customer_order_seq) AS first_seq
                 FROM orders INDEXED BY orders_placed
                ${conditions(scope, 'customer_id IS NOT NULL')}
                GROUP BY period, customer_id)
        GROUP BY period`,
    )
    .all(params(scope, false))
    .map((r) => ({ period: r.period, newCustomers: r.new_customers, returningCustomers: r.returning_customers }));
}
