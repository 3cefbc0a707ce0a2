import { ORDER_COUNT_CAP, ORDER_COUNT_SCAN, type ParsedInputOf } from '../../../shared/contract';
import { addDays } from '../../../shared/dates';
import type { Sqlite } from '../../db/connection';
import { countFromCube } from './facets';
import { filterConditions } from './list';
import { taggedOrdersSql, type PagePlan } from './page-plan';
import { SqlParams } from './sql-params';

/**
 * The count in the header of the first page ("12,345 orders", "10,000+ orders").
 * An exact count(*) at 1M orders reads a whole index (~200 ms), eight times
 * the page's budget, so the count is bounded twice:
 *
 * - it stops at ORDER_COUNT_CAP matches ("10,000+"): a broad filter finds
 *   them among the first few tens of thousands of index entries;
 * - it looks at no more than ORDER_COUNT_SCAN candidate orders (the newest
 *   ones of the date range, or of the tags): a narrow filter over a big
 *   store stops there with a lower bound ("37+ among the newest 50,000").
 *
 * Either way the answer says whether it is exact; it is never extrapolated.
 * No filter is counted exactly (SQLite counts index pages' entries); while the
 * facets' pass is fresh (facets.ts), so is a filter on channel, payment method
 * and store only.
 * The export still counts exactly (it reads every row anyway).
 */
type Filter = NonNullable<ParsedInputOf<'orders.list'>['filter']>;

export interface OrderCount {
  count: number;
  exact: boolean;
}

/** The filter columns orders_placed_filters carries, so the walk never reads the table. */
const WALK_COLUMNS = 'id, placed_at, status, financial_status, fulfillment_status, payment_method, channel, store_id, total_minor';

type Get = (sql: string, params: SqlParams) => number;
const getter = (sqlite: Sqlite): Get => (sql, params) =>
  sqlite.prepare<Record<string, string | number>, { n: number }>(sql).get(params.values)?.n ?? 0;

/** The newest orders of the date range, at most `budget` of them, newest first, from the covering index. */
function newestInRange(filter: Filter, params: SqlParams, columns: string, budget: number): string {
  const range: string[] = [];
  if (filter.range?.from) range.push(`placed_at >= ${params.add('scanFrom', filter.range.from)}`);
  if (filter.range?.to) range.push(`placed_at < ${params.add('scanTo', addDays(filter.range.to, 1))}`);
  return `SELECT ${columns} FROM orders INDEXED BY orders_placed_filters
    ${range.length > 0 ? `WHERE ${range.join(' AND ')}` : ''} ORDER BY placed_at DESC, id DESC LIMIT ${budget}`;
}

/** Candidate orders (id only) of the tags, at most `budget`. */
function taggedCandidates(filter: Filter, params: SqlParams, budget: number): string {
  return `${taggedOrdersSql(filter.tag ?? [], params)} LIMIT ${budget}`;
}

/**
 * `plan` is the page's: a search or a small tag or date set is counted
 * whole (the plan chose it because it is small); otherwise the budgeted scan.
 */
export function countMatchingOrders(sqlite: Sqlite, filter: Filter, plan: PagePlan, budget = ORDER_COUNT_SCAN): OrderCount {
  const get = getter(sqlite);
  // No filter: SQLite counts an index's entries page by page without reading them (~1 ms at 1M).
  if (Object.keys(filter).length === 0) return { count: get('SELECT count(*) AS n FROM orders', new SqlParams()), exact: true };
  const fromCube = countFromCube(sqlite, filter);
  if (fromCube !== null) return { count: fromCube, exact: true };
  const params = new SqlParams();
  const conditions = filterConditions(sqlite, filter, params);
  if (conditions === null) return { count: 0, exact: true };
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const capped = (from: string) => `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} ${where} LIMIT ${ORDER_COUNT_CAP + 1})`;

  if (plan.kind !== 'walk') {
    // Bounded already: a search's customers, or at most SMALL_SET tagged or dated orders.
    const from = plan.kind === 'tagged'
      ? `(${taggedOrdersSql(filter.tag ?? [], params)}) tagged CROSS JOIN orders o ON o.id = tagged.order_id`
      : plan.kind === 'range' ? 'orders o INDEXED BY orders_placed_filters' : 'orders o';
    const n = get(capped(from), params);
    return n > ORDER_COUNT_CAP ? { count: ORDER_COUNT_CAP, exact: false } : { count: n, exact: true };
  }

  // Tags that many orders carry: the tagged orders drive (one key seek each); otherwise the index walk.
  const scope = filter.tag
    ? `(${taggedCandidates(filter, params, budget)}) tagged CROSS JOIN orders o ON o.id = tagged.order_id`
    : `(${newestInRange(filter, params, WALK_COLUMNS, budget)}) o`;
  const matched = get(capped(scope), params);
  if (matched > ORDER_COUNT_CAP) return { count: ORDER_COUNT_CAP, exact: false };
  if (conditions.length === 0) return { count: matched, exact: true };
  // Fewer matches than the cap: exact only if the candidates ran out before the budget did.
  const scopeParams = new SqlParams();
  const candidates = filter.tag
    ? taggedCandidates(filter, scopeParams, budget)
    : newestInRange(filter, scopeParams, 'id', budget);
  const looked = get(`SELECT count(*) AS n FROM (${candidates})`, scopeParams);
  return { count: matched, exact: looked < budget };
}
