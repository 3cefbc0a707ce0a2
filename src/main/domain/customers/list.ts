import {
  CUSTOMER_SEGMENTS, type CustomerPage, type CustomerRow, type CustomerSegment, type CustomerSortKey, type ParsedInputOf,
} from '../../../shared/contract';
import type { Sqlite } from '../../db/connection';
import { decodeCursor, encodeCursor, queryFingerprint, type SortKeyValue } from '../orders/cursor';
import { customerName } from '../orders/list';
import { SqlParams } from '../orders/sql-params';
import { ensureRfm, figuresComputedAt } from './rfm';
import { customerSearch } from './search';

/**
 * `customers.list`: one keyset page, like orders.list (same cursors). Order
 * figures and segments come from customer_rfm (migration 0004), whose sort
 * indexes lead with the segment: a page walks each wanted segment's index in
 * sort order for at most `limit + 1` rows and merges those heads (UNION ALL),
 * so neither a rare segment nor a rare filter value means walking past the
 * whole table. Names sort through customers_sort_name. Merged customers have
 * no customer_rfm row and are filtered out besides.
 */
type ListQuery = ParsedInputOf<'customers.list'>;
type Filter = NonNullable<ListQuery['filter']>;

interface SortPlan {
  keys: string[];
  /** The id tie-breaker of the table walked first (so its index gives the whole order). */
  id: string;
  /** The per-segment index of an RFM sort; null for the name sort. */
  segmentIndex: string | null;
}

const SORTS: Record<CustomerSortKey, SortPlan> = {
  lastOrderAt: { keys: ["coalesce(r.last_order_at, '')"], id: 'r.customer_id', segmentIndex: 'customer_rfm_segment_last_order' },
  spend: { keys: ['r.spend_minor'], id: 'r.customer_id', segmentIndex: 'customer_rfm_segment_spend' },
  orders: { keys: ['r.orders_count'], id: 'r.customer_id', segmentIndex: 'customer_rfm_segment_orders' },
  name: {
    keys: ["coalesce(c.last_name, '') COLLATE NOCASE", "coalesce(c.first_name, '') COLLATE NOCASE"],
    id: 'c.id',
    segmentIndex: null,
  },
};

/** Every value customer_rfm.segment takes: the eight segments and NULL (no order yet). */
const ALL_SEGMENTS: readonly (CustomerSegment | null)[] = [...CUSTOMER_SEGMENTS, null];

/** Up to this many customers found by a search or tag travel as a literal id list. */
const MAX_LITERAL_IDS = 1000;

interface Conditions {
  /** On `c` and `r`, besides the segment (applied per branch or as a whole by the caller). */
  where: string[];
  /** Id sets (tag holders, broad search hits) computed once, as materialized CTEs `set0`, `set1`… */
  sets: string[];
  /** A short literal list of searched customers: cheapest looked up by id, then sorted. */
  fewIds: boolean;
}

function filterConditions(sqlite: Sqlite, filter: Filter, params: SqlParams): Conditions | null {
  const where = ['c.merged_into_id IS NULL'];
  const sets: string[] = [];
  let fewIds = false;
  if (filter.storeId !== undefined) where.push(`c.store_id = ${params.add('store', filter.storeId)}`);
  if (filter.marketingConsent !== undefined) {
    where.push(`c.marketing_consent = ${params.add('consent', filter.marketingConsent ? 1 : 0)}`);
  }
  if (filter.minOrders !== undefined) where.push(`r.orders_count >= ${params.add('minOrders', filter.minOrders)}`);
  if (filter.minSpendMinor !== undefined) where.push(`r.spend_minor >= ${params.add('minSpend', filter.minSpendMinor)}`);
  const literal = (ids: number[]) => {
    where.push(`c.id IN (${ids.join(', ')})`);
    fewIds = true;
  };
  if (filter.tag) {
    // No index holds tags: one pass over customers (instr on the JSON text first, json_each
    // for the exact element). Tags are usually rare: then the holders are looked up by id.
    const has = (column: string) =>
      `(instr(${column}, @quoted) > 0 AND EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = @tag))`;
    const select = `SELECT id FROM customers WHERE ${has('remote_tags')} OR ${has('local_tags')}`;
    const values = { quoted: JSON.stringify(filter.tag), tag: filter.tag };
    const ids = sqlite.prepare<Record<string, string>, { id: number }>(`${select} LIMIT ${MAX_LITERAL_IDS + 1}`)
      .all(values).map((r) => r.id);
    if (ids.length === 0) return null;
    if (ids.length <= MAX_LITERAL_IDS) literal(ids);
    else sets.push(select.replaceAll('@quoted', params.add('tagJson', values.quoted)).replaceAll('@tag', params.add('tag', values.tag)));
  }
  if (filter.search) {
    const hits = customerSearch(sqlite, filter.search, params);
    if (hits === null) return null;
    if ('ids' in hits) literal(hits.ids);
    else sets.push(hits.select);
  }
  sets.forEach((_, i) => where.push(`c.id IN set${i}`));
  return { where, sets, fewIds };
}

interface ListedCustomer {
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  storeId: number;
  ordersCount: number;
  spendMinor: number;
  currency: string;
  lastOrderAt: string | null;
  segment: CustomerSegment | null;
  pointsNet: number;
  [sortKey: `k${number}`]: SortKeyValue;
}

function toRow(r: ListedCustomer): CustomerRow {
  return {
    id: r.id, name: customerName(r.firstName, r.lastName), email: r.email, phone: r.phone, country: r.country,
    storeId: r.storeId, ordersCount: r.ordersCount, spendMinor: r.spendMinor, currency: r.currency,
    lastOrderAt: r.lastOrderAt, segment: r.segment, pointsNet: r.pointsNet,
  };
}

const ROW_COLUMNS = `c.id, c.first_name AS firstName, c.last_name AS lastName, c.email, c.phone, c.country,
  c.store_id AS storeId, r.orders_count AS ordersCount, r.spend_minor AS spendMinor,
  r.last_order_at AS lastOrderAt, r.segment`;

/** Per-row figures that need other tables: computed only for the rows of the page. */
const OUTER_COLUMNS = `u.*, (SELECT currency FROM stores s WHERE s.id = u.storeId) AS currency,
  (SELECT coalesce(sum(p.points), 0) FROM points_ledger p WHERE p.customer_id = u.id) AS pointsNet`;

/** The statement for one page, exported so the plan tests see exactly what runs. */
export function customerPageStatement(sqlite: Sqlite, query: ListQuery): { sql: string; params: SqlParams } | null {
  const params = new SqlParams();
  const filter = query.filter ?? {};
  const conditions = filterConditions(sqlite, filter, params);
  if (conditions === null) return null;
  const { where, sets, fewIds } = conditions;
  const withSets = sets.length > 0 ? `WITH ${sets.map((set, i) => `set${i}(id) AS MATERIALIZED (${set})`).join(', ')} ` : '';
  const sort = SORTS[query.sort.by];
  const dir = query.sort.direction === 'desc' ? 'DESC' : 'ASC';
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor, queryFingerprint([query.filter, query.sort]), sort.keys.length);
    const bound = [...after.keys.map((k) => params.add('afterKey', k)), params.add('afterId', after.id)];
    where.push(`(${sort.keys.join(', ')}, ${sort.id}) ${dir === 'DESC' ? '<' : '>'} (${bound.join(', ')})`);
  }
  const limit = query.limit + 1;
  const order = (keys: string[]) => keys.map((k) => `${k} ${dir}`).join(', ');
  const keyColumns = sort.keys.map((k, i) => `${k} AS k${i}`).join(', ');
  const outerOrder = order([...sort.keys.map((_, i) => `u.k${i}`), 'u.id']);
  // An id set (a broad search, many tag holders) is collected once and its members looked
  // up and sorted: cheaper than testing it in every segment's walk.
  if (sort.segmentIndex === null || fewIds || sets.length > 0) {
    const segments = filter.segments ? [params.in('r.segment', 'segment', filter.segments)] : [];
    const from = sort.segmentIndex === null
      ? `customers c ${fewIds ? '' : 'INDEXED BY customers_sort_name'} JOIN customer_rfm r ON r.customer_id = c.id`
      : 'customer_rfm r JOIN customers c ON c.id = r.customer_id';
    const sql = `${withSets}SELECT ${OUTER_COLUMNS} FROM (
        SELECT ${ROW_COLUMNS}, ${keyColumns} FROM ${from}
         WHERE ${[...where, ...segments].join(' AND ')}
         ORDER BY ${order([...sort.keys, sort.id])} LIMIT ${limit}) u
      ORDER BY ${outerOrder}`;
    return { sql, params };
  }
  const branches = (filter.segments ?? ALL_SEGMENTS).map((segment) => {
    const condition = segment === null ? 'r.segment IS NULL' : `r.segment = ${params.add('segment', segment)}`;
    return `SELECT * FROM (SELECT ${ROW_COLUMNS}, ${keyColumns}
        FROM customer_rfm r INDEXED BY ${sort.segmentIndex} JOIN customers c ON c.id = r.customer_id
       WHERE ${[condition, ...where].join(' AND ')}
       ORDER BY ${order([...sort.keys, sort.id])} LIMIT ${limit})`;
  });
  const sql = `${withSets}SELECT ${OUTER_COLUMNS} FROM (${branches.join('\n UNION ALL ')}) u ORDER BY ${outerOrder} LIMIT ${limit}`;
  return { sql, params };
}

export function listCustomers(sqlite: Sqlite, query: ListQuery, now: Date): CustomerPage {
  ensureRfm(sqlite, now);
  const computedAt = figuresComputedAt(sqlite);
  const statement = customerPageStatement(sqlite, query);
  if (statement === null) return { rows: [], nextCursor: null, figuresComputedAt: computedAt };
  const listed = sqlite.prepare<Record<string, string | number>, ListedCustomer>(statement.sql).all(statement.params.values);
  const page = listed.slice(0, query.limit);
  const last = page[page.length - 1];
  const keyCount = SORTS[query.sort.by].keys.length;
  const nextCursor =
    listed.length > query.limit && last
      ? encodeCursor(queryFingerprint([query.filter, query.sort]), {
          keys: Array.from({ length: keyCount }, (_, i) => last[`k${i}`] as SortKeyValue),
          id: last.id,
        })
      : null;
  return { rows: page.map(toRow), nextCursor, figuresComputedAt: computedAt };
}
