import type { OrderPage, OrderRow, OrderSortKey, ParsedInputOf } from '../../../shared/contract';
import { addDays } from '../../../shared/dates';
import type { Sqlite } from '../../db/connection';
import { decodeCursor, encodeCursor, queryFingerprint, type SortKeyValue } from './cursor';
import { choosePagePlan, taggedOrdersSql, type PagePlan } from './page-plan';
import { searchCondition } from './search';
import { SqlParams } from './sql-params';

/**
 * `orders.list`: one keyset page. Raw prepared SQL on purpose: at 1M orders
 * the first page must walk an index in sort order and stop after `limit` rows
 * (see tests/unit/orders-plan.test.ts), never sort the whole table.
 */
type ListQuery = ParsedInputOf<'orders.list'>;
type Filter = NonNullable<ListQuery['filter']>;

/**
 * The SQL expressions each sort orders by, before the `o.id` tie-breaker.
 * Order numbers sort naturally ("#999" before "#1000"): by length, then text.
 */
const SORT_KEYS: Record<OrderSortKey, string[]> = {
  placedAt: ['o.placed_at'],
  total: ['o.total_minor'],
  orderNumber: ['length(o.order_number)', 'o.order_number'],
};

/** The WHERE conditions of a filter; null when the search alone rules everything out. */
export function filterConditions(sqlite: Sqlite, filter: Filter, params: SqlParams): string[] | null {
  const where: string[] = [];
  if (filter.status) where.push(params.in('o.status', 'status', filter.status));
  if (filter.financialStatus) where.push(params.in('o.financial_status', 'financial', filter.financialStatus));
  if (filter.fulfillmentStatus) where.push(params.in('o.fulfillment_status', 'fulfillment', filter.fulfillmentStatus));
  // Days are inclusive; ISO instants sort as text, so [from, to + 1 day) is exact.
  if (filter.range?.from) where.push(`o.placed_at >= ${params.add('from', filter.range.from)}`);
  if (filter.range?.to) where.push(`o.placed_at < ${params.add('to', addDays(filter.range.to, 1))}`);
  if (filter.storeId !== undefined) where.push(`o.store_id = ${params.add('store', filter.storeId)}`);
  if (filter.channel) where.push(params.in('o.channel', 'channel', filter.channel));
  if (filter.paymentMethod) where.push(params.in('o.payment_method', 'method', filter.paymentMethod));
  if (filter.minTotalMinor !== undefined) where.push(`o.total_minor >= ${params.add('min', filter.minTotalMinor)}`);
  if (filter.maxTotalMinor !== undefined) where.push(`o.total_minor <= ${params.add('max', filter.maxTotalMinor)}`);
  if (filter.tag) {
    // Correlated, so a walk checks each row through order_tags' key and stops after a page.
    where.push(`EXISTS (SELECT 1 FROM order_tags t WHERE t.order_id = o.id AND ${params.in('t.tag', 'tag', filter.tag)})`);
  }
  if (filter.search) {
    const condition = searchCondition(sqlite, filter.search, params);
    if (condition === null) return null;
    where.push(condition);
  }
  return where;
}

interface ListedOrder {
  id: number;
  orderNumber: string;
  placedAt: string;
  customerId: number | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  status: OrderRow['status'];
  financialStatus: OrderRow['financialStatus'];
  fulfillmentStatus: OrderRow['fulfillmentStatus'];
  channel: string;
  paymentMethod: string | null;
  currency: string;
  totalMinor: number;
  refundedMinor: number;
  [sortKey: `k${number}`]: SortKeyValue;
}

export function customerName(first: string | null, last: string | null): string | null {
  return [first, last].filter(Boolean).join(' ') || null;
}

function toOrderRow(r: ListedOrder): OrderRow {
  return {
    id: r.id,
    orderNumber: r.orderNumber,
    placedAt: r.placedAt,
    customer: r.customerId === null ? null : { id: r.customerId, name: customerName(r.firstName, r.lastName), email: r.email },
    status: r.status,
    financialStatus: r.financialStatus,
    fulfillmentStatus: r.fulfillmentStatus,
    channel: r.channel,
    paymentMethod: r.paymentMethod,
    currency: r.currency,
    totalMinor: r.totalMinor,
    refundedMinor: r.refundedMinor,
  };
}

function sortKeyOf(row: ListedOrder, index: number): SortKeyValue {
  const value = row[`k${index}`];
  if (value === undefined) throw new Error(`the page statement did not select sort key k${index}`);
  return value;
}

/** The FROM clause for a plan: which table drives, and which index it may use. */
function fromClause(plan: PagePlan, filter: Filter, params: SqlParams): string {
  switch (plan.kind) {
    case 'search':
      return 'orders o';
    case 'tagged':
      // CROSS JOIN keeps order_tags outside: the few tagged orders, then each by its key.
      return `(${taggedOrdersSql(filter.tag ?? [], params)}) tagged CROSS JOIN orders o ON o.id = tagged.order_id`;
    case 'range':
      return 'orders o INDEXED BY orders_placed_filters';
    case 'walk':
      return `orders o INDEXED BY ${plan.index}`;
  }
}

/** The statement for one page, exported so the plan tests see exactly what runs. */
export function pageStatement(
  sqlite: Sqlite,
  query: ListQuery,
  plan: PagePlan = choosePagePlan(sqlite, query),
): { sql: string; params: SqlParams; plan: PagePlan } | null {
  const params = new SqlParams();
  const from = fromClause(plan, query.filter ?? {}, params);
  const where = filterConditions(sqlite, query.filter ?? {}, params);
  if (where === null) return null;
  const keys = SORT_KEYS[query.sort.by];
  const dir = query.sort.direction === 'desc' ? 'DESC' : 'ASC';
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor, queryFingerprint([query.filter, query.sort]), keys.length);
    const bound = [...after.keys.map((k) => params.add('afterKey', k)), params.add('afterId', after.id)];
    // A row value comparison: SQLite turns it into an index range on the first key.
    where.push(`(${keys.join(', ')}, o.id) ${dir === 'DESC' ? '<' : '>'} (${bound.join(', ')})`);
  }
  const sql = `SELECT o.id, o.order_number AS orderNumber, o.placed_at AS placedAt, o.customer_id AS customerId,
         c.first_name AS firstName, c.last_name AS lastName, c.email,
         o.status, o.financial_status AS financialStatus, o.fulfillment_status AS fulfillmentStatus,
         o.channel, o.payment_method AS paymentMethod, o.currency,
         o.total_minor AS totalMinor, o.refunded_minor AS refundedMinor,
         ${keys.map((k, i) => `${k} AS k${i}`).join(', ')}
    FROM ${from}
    LEFT JOIN customers c ON c.id = o.customer_id
   ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
   ORDER BY ${[...keys, 'o.id'].map((k) => `${k} ${dir}`).join(', ')}
   LIMIT ${query.limit + 1}`;
  return { sql, params, plan };
}

/** `plan` is for tests and the bench, to check each plan gives the same rows; the page chooses otherwise. */
export function listOrders(sqlite: Sqlite, query: ListQuery, plan?: PagePlan): OrderPage {
  const statement = pageStatement(sqlite, query, plan);
  if (statement === null) return { rows: [], nextCursor: null };
  const listed = sqlite.prepare<Record<string, string | number>, ListedOrder>(statement.sql).all(statement.params.values);
  // One row more than asked tells whether another page exists.
  const page = listed.slice(0, query.limit);
  const last = page[page.length - 1];
  const keyCount = SORT_KEYS[query.sort.by].length;
  const nextCursor =
    listed.length > query.limit && last
      ? encodeCursor(queryFingerprint([query.filter, query.sort]), {
          keys: Array.from({ length: keyCount }, (_, i) => sortKeyOf(last, i)),
          id: last.id,
        })
      : null;
  return { rows: page.map(toOrderRow), nextCursor };
}
