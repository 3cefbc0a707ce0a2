import { CUSTOMER_SEGMENTS, type CustomerSegment, type Retention } from '../../../shared/contract';
import type { Sqlite } from '../../db/connection';
import { instantBounds, storeCondition, type InsightScope } from './scope';

/**
 * RFM segment movement. customer_rfm holds only each customer's current
 * segment; the "retention history" migration appends every change to
 * rfm_segment_history and records the time of each full computation in
 * rfm_computations. Segments are ranks among all customers at a computation,
 * so movement compares two computations, never a computation with a guess:
 * - with a range start: the last computation before the range started
 *   (the earliest one kept, when none is that old) and the last one by the
 *   range's end;
 * - without one: the last two computations (with only one, everyone comes
 *   from 'none').
 * Each customer's segment at a computation is their latest recorded change up
 * to it; 'none' is no segment (no qualifying order, or not yet a customer).
 * Rows include customers who stayed (from = to), so a matrix can show both.
 * Customers merged away (customer_merges) are left out: their orders now count for the one they joined.
 */
type Movement = Pick<Retention, 'segmentMovement' | 'segmentMovementWindow'>;

/** The last computation strictly before an instant (any, when null). */
function computationBefore(sqlite: Sqlite, instant: string | null): string | null {
  const row = instant
    ? sqlite.prepare<[string], { at: string | null }>('SELECT max(computed_at) AS at FROM rfm_computations WHERE computed_at < ?').get(instant)
    : sqlite.prepare<[], { at: string | null }>('SELECT max(computed_at) AS at FROM rfm_computations').get();
  return row?.at ?? null;
}

function movementWindow(sqlite: Sqlite, scope: InsightScope): { from: string | null; to: string | null } {
  const { start, end } = instantBounds(scope.range);
  const to = computationBefore(sqlite, end);
  if (!to) return { from: null, to: null };
  const earliest = sqlite.prepare<[], { at: string | null }>('SELECT min(computed_at) AS at FROM rfm_computations').get()?.at ?? null;
  const from = start ? computationBefore(sqlite, start) ?? earliest : null;
  // No start, or nothing computed within the range: the last two computations.
  return { from: from === null || from === to ? computationBefore(sqlite, to) : from, to };
}

const asSegment = (segment: string | null): CustomerSegment | 'none' =>
  segment !== null && (CUSTOMER_SEGMENTS as readonly string[]).includes(segment) ? (segment as CustomerSegment) : 'none';

/**
 * Both segments of every customer in one pass over the history's primary key
 * (customer_id, since): the latest change up to each computation, found as the
 * max of `since|segment`.
 */
function movementRows(sqlite: Sqlite, window: { from: string | null; to: string }, storeId: number | null) {
  const latestUpTo = (at: string) => `max(CASE WHEN since <= ${at} THEN since || '|' || coalesce(segment, '') END)`;
  const segmentOf = (column: string) => `nullif(substr(${column}, instr(${column}, '|') + 1), '')`;
  const params: Record<string, string> = { to: window.to };
  if (window.from) params['from'] = window.from;
  return sqlite
    .prepare<Record<string, string>, { fromSegment: string | null; toSegment: string | null; customers: number }>(
      `SELECT ${segmentOf('then_')} AS fromSegment, ${segmentOf('now_')} AS toSegment, count(*) AS customers
         FROM (SELECT customer_id, ${window.from ? latestUpTo('@from') : 'NULL'} AS then_, ${latestUpTo('@to')} AS now_
                 FROM rfm_segment_history WHERE since <= @to GROUP BY customer_id)
        WHERE customer_id NOT IN (SELECT source_customer_id FROM customer_merges)
          ${storeId === null ? '' : `AND customer_id IN (SELECT id FROM customers WHERE store_id = ${Number(storeId)})`}
        GROUP BY 1, 2`,
    )
    .all(params);
}

/**
 * Two computations' segments never change once both have happened (a later
 * re-score is recorded with its own, later time), so the figures for a pair are
 * kept until a merge takes a customer out; at a million customers the pass
 * costs a few hundred milliseconds.
 */
const cache = new WeakMap<Sqlite, Map<string, Movement['segmentMovement']>>();

export function segmentMovement(sqlite: Sqlite, scope: InsightScope): Movement {
  const window = movementWindow(sqlite, scope);
  const to = window.to;
  if (!to) return { segmentMovement: [], segmentMovementWindow: window };
  const merges = sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM customer_merges').get()!.n;
  const key = JSON.stringify([window.from, to, scope.storeId, merges]);
  const known = cache.get(sqlite) ?? new Map<string, Movement['segmentMovement']>();
  cache.set(sqlite, known);
  const cached = known.get(key);
  if (cached) return { segmentMovement: cached, segmentMovementWindow: window };
  const merged = new Map<string, { from: CustomerSegment | 'none'; to: CustomerSegment | 'none'; customers: number }>();
  for (const row of movementRows(sqlite, { from: window.from, to }, scope.storeId)) {
    const from = asSegment(row.fromSegment);
    const toSegment = asSegment(row.toSegment);
    if (from === 'none' && toSegment === 'none') continue;
    const pair = `${from}>${toSegment}`;
    const entry = merged.get(pair) ?? { from, to: toSegment, customers: 0 };
    entry.customers += row.customers;
    merged.set(pair, entry);
  }
  const rows = [...merged.values()].sort((a, b) => b.customers - a.customers);
  known.set(key, rows);
  return { segmentMovement: rows, segmentMovementWindow: window };
}
