import type { ParsedInputOf } from '../../../shared/contract';
import { addDays } from '../../../shared/dates';
import type { Sqlite } from '../../db/connection';
import { SqlParams } from './sql-params';

/**
 * How a page finds its rows. SQLite's planner has no statistics on a fresh
 * store and guesses badly at 1M orders (a one-value filter looks selective, so
 * it sorts the whole table), so the page chooses, with two bounded probes:
 *
 * - `tagged`: the tags match few orders → start from order_tags and sort those few;
 * - `range`: a sort other than date, but a date range holding few orders →
 *   read that range of orders_placed_filters and sort it;
 * - `walk`: otherwise walk the sort's own index (migration 0003) and stop
 *   after a page. The index carries the filter columns, so rows that fail the
 *   filter cost an index entry, not a table seek; the worst case, a filter
 *   nothing matches, reads the whole index (tens of ms at 1M orders).
 * - `search`: a search keeps the plan searchCondition built it for.
 */
type ListQuery = ParsedInputOf<'orders.list'>;
export type PagePlan =
  | { kind: 'search' }
  | { kind: 'tagged' }
  | { kind: 'range' }
  | { kind: 'walk'; index: string };

/** Up to this many candidate rows are sorted in memory rather than found by walking a sort index. */
export const SMALL_SET = 2000;

export const SORT_INDEX: Record<ListQuery['sort']['by'], string> = {
  placedAt: 'orders_placed_filters',
  total: 'orders_total',
  orderNumber: 'orders_number_natural',
};

/** Whether `sql` (a SELECT of candidate rows) yields at most `limit` rows, reading no more than limit + 1. */
function atMost(sqlite: Sqlite, sql: string, params: SqlParams, limit: number): boolean {
  const count = sqlite
    .prepare<Record<string, string | number>, { n: number }>(`SELECT count(*) AS n FROM (${sql} LIMIT ${limit + 1})`)
    .get(params.values);
  return (count?.n ?? 0) <= limit;
}

export function taggedOrdersSql(tags: readonly string[], params: SqlParams): string {
  return `SELECT DISTINCT order_id FROM order_tags WHERE ${params.in('tag', 'tag', tags)}`;
}

function fewTagged(sqlite: Sqlite, tags: readonly string[]): boolean {
  const params = new SqlParams();
  return atMost(sqlite, `SELECT 1 FROM order_tags WHERE ${params.in('tag', 'tag', tags)}`, params, SMALL_SET);
}

function fewInRange(sqlite: Sqlite, range: { from?: string; to?: string }): boolean {
  const params = new SqlParams();
  const where: string[] = [];
  if (range.from) where.push(`placed_at >= ${params.add('from', range.from)}`);
  if (range.to) where.push(`placed_at < ${params.add('to', addDays(range.to, 1))}`);
  if (where.length === 0) return false;
  return atMost(sqlite, `SELECT 1 FROM orders INDEXED BY orders_placed_filters WHERE ${where.join(' AND ')}`, params, SMALL_SET);
}

export function choosePagePlan(sqlite: Sqlite, query: Pick<ListQuery, 'filter' | 'sort'>): PagePlan {
  const filter = query.filter ?? {};
  if (filter.search) return { kind: 'search' };
  if (filter.tag && fewTagged(sqlite, filter.tag)) return { kind: 'tagged' };
  if (query.sort.by !== 'placedAt' && filter.range && fewInRange(sqlite, filter.range)) return { kind: 'range' };
  return { kind: 'walk', index: SORT_INDEX[query.sort.by] };
}
