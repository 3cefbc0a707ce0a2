import { ORDER_FACET_MAX_TAGS, type OrderFacets, type OrderFacetValue, type ParsedInputOf } from '../../../shared/contract';
import type { Sqlite } from '../../db/connection';

/**
 * `orders.facets`: the channels, payment methods and tags in use, with order
 * counts, for the filter pickers. Counting them reads every order once: a
 * pass over the covering index orders_facets (migration 0006; no table reads)
 * grouped by (channel, payment method, store), about 5 ms at 100k orders and
 * 50 ms at 1M. So the pass is kept until anything is written. The key is
 * SQLite's own change counters (total_changes() on this connection, PRAGMA
 * data_version for commits by other connections such as a sync worker): no
 * writer has to remember to invalidate it, and a write to any table
 * conservatively starts afresh.
 *
 * While the pass is fresh, orders.list counts a filter on channel, payment
 * method and store exactly by summing its groups (count.ts). Grouping by the
 * status columns too would count those exactly as well, but the sort of that
 * wider GROUP BY costs 2.5 times as much (85 ms at 100k).
 */
type Filter = NonNullable<ParsedInputOf<'orders.list'>['filter']>;

interface CubeGroup {
  method: string | null;
  channel: string;
  storeId: number;
  orders: number;
}

interface Cached {
  version: string;
  cube: CubeGroup[];
  tagsByStore: Map<number | 'all', { tags: OrderFacetValue[]; truncated: boolean }>;
}

const cache = new WeakMap<Sqlite, Cached>();

function dataVersion(sqlite: Sqlite): string {
  const changes = sqlite.prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n ?? 0;
  return `${sqlite.pragma('data_version', { simple: true }) as number}:${changes}`;
}

/**
 * orders_facets (migration 0006) is led by (channel, payment_method, store_id),
 * so the GROUP BY streams from the index with no sort and no table read.
 */
function computeCube(sqlite: Sqlite): CubeGroup[] {
  return sqlite
    .prepare<[], CubeGroup>(
      `SELECT payment_method AS method, channel, store_id AS storeId, count(*) AS orders
         FROM orders INDEXED BY orders_facets
        GROUP BY channel, payment_method, store_id`,
    )
    .all();
}

function computeTags(sqlite: Sqlite, storeId: number | undefined) {
  const sql = storeId === undefined
    ? 'SELECT tag AS value, count(DISTINCT order_id) AS orders FROM order_tags GROUP BY tag'
    : `SELECT t.tag AS value, count(DISTINCT t.order_id) AS orders
         FROM order_tags t JOIN orders o ON o.id = t.order_id WHERE o.store_id = ? GROUP BY t.tag`;
  const rows = sqlite
    .prepare<number[], OrderFacetValue>(`${sql} ORDER BY orders DESC, value LIMIT ${ORDER_FACET_MAX_TAGS + 1}`)
    .all(...(storeId === undefined ? [] : [storeId]));
  return { tags: rows.slice(0, ORDER_FACET_MAX_TAGS), truncated: rows.length > ORDER_FACET_MAX_TAGS };
}

/** The cached pass, computing it when anything was written since. */
function current(sqlite: Sqlite): Cached {
  const version = dataVersion(sqlite);
  let entry = cache.get(sqlite);
  if (!entry || entry.version !== version) {
    entry = { version, cube: computeCube(sqlite), tagsByStore: new Map() };
    cache.set(sqlite, entry);
  }
  return entry;
}

const byCount = (a: OrderFacetValue, b: OrderFacetValue) => b.orders - a.orders || a.value.localeCompare(b.value);

function totals(groups: CubeGroup[], pick: (g: CubeGroup) => string | null): OrderFacetValue[] {
  const sums = new Map<string, number>();
  for (const g of groups) {
    const value = pick(g);
    if (value !== null && value !== '') sums.set(value, (sums.get(value) ?? 0) + g.orders);
  }
  return [...sums].map(([value, orders]) => ({ value, orders })).sort(byCount);
}

export function orderFacets(sqlite: Sqlite, storeId?: number): OrderFacets {
  const entry = current(sqlite);
  const groups = storeId === undefined ? entry.cube : entry.cube.filter((g) => g.storeId === storeId);
  const key = storeId ?? 'all';
  let tags = entry.tagsByStore.get(key);
  if (!tags) {
    tags = computeTags(sqlite, storeId);
    entry.tagsByStore.set(key, tags);
  }
  return {
    channels: totals(groups, (g) => g.channel),
    paymentMethods: totals(groups, (g) => g.method),
    tags: tags.tags,
    tagsTruncated: tags.truncated,
  };
}

/** Filters the cube can count: only the columns it groups by. */
const CUBE_KEYS = new Set<keyof Filter>(['paymentMethod', 'channel', 'storeId']);

/**
 * The exact number of orders matching `filter`, from the cached pass, or null
 * when the filter uses other columns or the pass is stale (it is never
 * computed here: the list must stay within its page budget).
 */
export function countFromCube(sqlite: Sqlite, filter: Filter): number | null {
  const entry = cache.get(sqlite);
  if (!entry || entry.version !== dataVersion(sqlite)) return null;
  if (!Object.keys(filter).every((key) => CUBE_KEYS.has(key as keyof Filter))) return null;
  let count = 0;
  for (const g of entry.cube) {
    if ((filter.channel === undefined || filter.channel.includes(g.channel))
      && (filter.paymentMethod === undefined || (g.method !== null && filter.paymentMethod.includes(g.method)))
      && (filter.storeId === undefined || filter.storeId === g.storeId)) count += g.orders;
  }
  return count;
}
