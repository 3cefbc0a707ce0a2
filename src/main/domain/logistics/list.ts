import type { ParsedInputOf } from '../../../shared/contract';
import type { ShipmentPage } from '../../../shared/contract/logistics';
import { addDays } from '../../../shared/dates';
import type { Sqlite } from '../../db/connection';
import { decodeCursor, encodeCursor, queryFingerprint, type SortKeyValue } from '../orders/cursor';
import { SqlParams } from '../orders/sql-params';
import { indexHint } from './index-hint';
import { searchShipments, type ShipmentHits } from './search';
import { SHIPMENT_COLUMNS, SHIPMENT_JOINS, toShipmentRow, type SelectedShipment } from './shipment-row';

/**
 * `shipments.list`: one keyset page, raw prepared SQL like orders.list. Each
 * sort walks the index of migration 0020 built on exactly its expression and
 * stops after a page; a narrow search reads its few ids and sorts them.
 */
type ListQuery = ParsedInputOf<'shipments.list'>;
type Sort = ListQuery['sort'];

interface SortSpec {
  key: string;
  dir: 'ASC' | 'DESC';
  index: string;
}

/** The day a shipment counts under is its shipped day, or the day its label was made when it has not shipped. */
export const SHIPPED_DAY_KEY = 'coalesce(s.shipped_at, s.created_at)';

const SORTS: Record<Sort, SortSpec> = {
  shipped_desc: { key: SHIPPED_DAY_KEY, dir: 'DESC', index: 'shipments_shipped_sort' },
  shipped_asc: { key: SHIPPED_DAY_KEY, dir: 'ASC', index: 'shipments_shipped_sort' },
  last_event_desc: { key: 'coalesce(s.last_event_at, s.shipped_at, s.created_at)', dir: 'DESC', index: 'shipments_last_event_sort' },
  // Parcels without an estimate come last.
  estimated_asc: { key: "coalesce(s.estimated_delivery_at, '9999-12-31')", dir: 'ASC', index: 'shipments_estimated_sort' },
};

/**
 * Above this many shipments a count of a filtered list is skipped (null) rather
 * than slow; a broad search tests every row the hard way, so it counts only in a small shop.
 */
const COUNT_FILTERED_UP_TO = 100_000;
const COUNT_BROAD_SEARCH_UP_TO = 10_000;

function filterConditions(query: ListQuery, hits: NonNullable<ShipmentHits> | undefined, params: SqlParams): string[] {
  const where: string[] = [];
  if (query.status) where.push(params.in('s.status', 'status', query.status));
  if (query.carrier) where.push(params.in('s.carrier', 'carrier', query.carrier));
  if (query.country) where.push(`s.destination_country = ${params.add('country', query.country.toUpperCase())}`);
  if (query.storeId !== undefined) where.push(`s.store_id = ${params.add('store', query.storeId)}`);
  // Days are inclusive; ISO instants sort as text, so [from, to + 1 day) is exact.
  if (query.range?.from) where.push(`${SHIPPED_DAY_KEY} >= ${params.add('rangeFrom', query.range.from)}`);
  if (query.range?.to) where.push(`${SHIPPED_DAY_KEY} < ${params.add('rangeTo', addDays(query.range.to, 1))}`);
  if (hits) where.push('ids' in hits ? `s.id IN (${hits.ids.join(', ')})` : hits.condition);
  return where;
}

interface Listed extends SelectedShipment {
  sortKey: SortKeyValue;
}

function fingerprint(query: ListQuery): string {
  const { cursor: _cursor, limit: _limit, ...rest } = query;
  return queryFingerprint(rest);
}

export function listShipments(sqlite: Sqlite, query: ListQuery): ShipmentPage {
  let hits: NonNullable<ShipmentHits> | undefined;
  let params = new SqlParams();
  if (query.search) {
    const found = searchShipments(sqlite, query.search);
    if (found.hits === null) return { rows: [], nextCursor: null, total: 0 };
    hits = found.hits;
    params = found.params;
  }
  const sort = SORTS[query.sort];
  const where = filterConditions(query, hits, params);
  const total = countIfCheap(sqlite, query, hits, where, params);
  if (query.cursor) {
    const after = decodeCursor(query.cursor, fingerprint(query), 1);
    where.push(`(${sort.key}, s.id) ${sort.dir === 'DESC' ? '<' : '>'} (${params.add('afterKey', after.keys[0]!)}, ${params.add('afterId', after.id)})`);
  }
  // A short id list is read by rowid and sorted; anything else walks the sort's own index.
  const from = hits && 'ids' in hits ? 'shipments s' : `shipments s ${indexHint(sqlite, sort.index)}`;
  const listed = sqlite
    .prepare<Record<string, string | number>, Listed>(
      `SELECT ${SHIPMENT_COLUMNS}, ${sort.key} AS sortKey
         FROM ${from} ${SHIPMENT_JOINS}
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${sort.key} ${sort.dir}, s.id ${sort.dir}
        LIMIT ${query.limit + 1}`,
    )
    .all(params.values);
  const page = listed.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    listed.length > query.limit && last ? encodeCursor(fingerprint(query), { keys: [last.sortKey], id: last.id }) : null;
  return { rows: page.map(toShipmentRow), nextCursor, total };
}

/**
 * The number of matching shipments when counting is cheap: a search's few ids,
 * or a shop small enough that any count is quick. Only the first page counts
 * (the UI keeps the figure while paging).
 */
function countIfCheap(
  sqlite: Sqlite, query: ListQuery, hits: NonNullable<ShipmentHits> | undefined, where: string[], params: SqlParams,
): number | null {
  if (query.cursor) return null;
  if (!hits || !('ids' in hits)) {
    // Ids only grow: the largest is a bound on the count, read in one seek.
    const size = sqlite.prepare<[], number | null>('SELECT max(id) FROM shipments').pluck().get() ?? 0;
    const limit = hits ? COUNT_BROAD_SEARCH_UP_TO : COUNT_FILTERED_UP_TO;
    if (size > limit && where.length > 0) return null;
  }
  // Runs before the cursor's bounds are added: every parameter so far is one of `where`'s.
  return sqlite
    .prepare<Record<string, string | number>, number>(
      `SELECT count(*) FROM shipments s ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
    )
    .pluck()
    .get(params.values) ?? 0;
}
