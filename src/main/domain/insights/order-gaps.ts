import type { Sqlite } from '../../db/connection';

/**
 * Keeps rollup_customer_orders and rollup_order_gaps (migration "retention
 * history") in step with the orders table. Triggers mark the customers whose
 * orders changed; a read brings just those customers up to date: their old
 * contribution (the order days stored on their row) is taken out of the daily
 * histogram and their current one put in. Counted orders are the ones not
 * cancelled, as for cohorts; a gap is the whole UTC days between the days of
 * two consecutive orders of one customer (-1 marks a customer's first order).
 * The customer's store (customers.store_id) keys their rows.
 */

/** Past this many marked customers, rebuilding everyone costs less than rewriting them by id. */
const REBUILD_ABOVE_MARKS = 20_000;
const DAY_MS = 86_400_000;

/** Customers' rows from their orders: all of them, or those in the JSON array @ids (the very same SQL). */
const CUSTOMER_ROWS = (rows: 'all' | 'marked') => `
  INSERT INTO rollup_customer_orders (customer_id, store_id, first_day, orders, days)
  SELECT o.customer_id, c.store_id, min(substr(o.placed_at, 1, 10)), count(*),
         group_concat(substr(o.placed_at, 1, 10), ',' ORDER BY o.placed_at, o.id)
    FROM orders o JOIN customers c ON c.id = o.customer_id
   WHERE ${rows === 'all' ? 'o.customer_id IS NOT NULL' : 'o.customer_id IN (SELECT value FROM json_each(@ids))'}
     AND o.status <> 'cancelled'
   GROUP BY o.customer_id`;

/** When the other rollups were last rebuilt whole (see the migration: a bulk load drops the marks and rebuilds). */
function rollupsRebuiltAt(sqlite: Sqlite): string | null {
  return sqlite.prepare<[], { at: string | null }>('SELECT full_rebuild_at AS at FROM rollup_state WHERE id = 1').get()?.at ?? null;
}

/** Everything from the orders table, in the caller's transaction. */
function rebuildAll(sqlite: Sqlite, now: Date): void {
  sqlite.prepare('DELETE FROM rollup_customer_orders').run();
  sqlite.prepare('DELETE FROM rollup_order_gaps').run();
  sqlite.prepare('DELETE FROM rollup_gap_marks').run();
  sqlite.prepare(CUSTOMER_ROWS('all')).run();
  // The histogram from the rows just written: half the work of a second pass over the orders with a window.
  const deltas: Deltas = new Map();
  const rows = sqlite.prepare<[], [number, string]>('SELECT store_id, days FROM rollup_customer_orders').raw();
  for (const [storeId, days] of rows.iterate()) contribute(deltas, storeId, days.split(','), 1);
  writeDeltas(sqlite, deltas);
  sqlite.prepare('UPDATE rollup_gaps_state SET built_at = ?, rollups_rebuilt_at = ? WHERE id = 1')
    .run(now.toISOString(), rollupsRebuiltAt(sqlite));
}

export function rebuildOrderGaps(sqlite: Sqlite, now: Date = new Date()): void {
  sqlite.transaction(() => rebuildAll(sqlite, now))();
}

type Deltas = Map<string, number>;

/** Adds (sign 1) or takes out (sign -1) what a list of order days contributes to the histogram. */
function contribute(deltas: Deltas, storeId: number, days: readonly string[], sign: 1 | -1): void {
  days.forEach((day, i) => {
    const gap = i === 0 ? -1 : Math.round((Date.parse(day) - Date.parse(days[i - 1] as string)) / DAY_MS);
    const key = `${storeId}|${day}|${gap}`;
    deltas.set(key, (deltas.get(key) ?? 0) + sign);
  });
}

function writeDeltas(sqlite: Sqlite, deltas: Deltas): void {
  const add = sqlite.prepare(
    `INSERT INTO rollup_order_gaps (store_id, day, gap_days, orders) VALUES (?, ?, ?, ?)
     ON CONFLICT (store_id, day, gap_days) DO UPDATE SET orders = orders + excluded.orders`);
  const dropEmpty = sqlite.prepare('DELETE FROM rollup_order_gaps WHERE store_id = ? AND day = ? AND gap_days = ? AND orders <= 0');
  for (const [key, delta] of deltas) {
    if (delta === 0) continue;
    const [storeId, day, gap] = key.split('|');
    add.run(Number(storeId), day, Number(gap), delta);
    if (delta < 0) dropEmpty.run(Number(storeId), day, Number(gap));
  }
}

/** The marked customers' rows rewritten set-based, and the histogram moved by the difference. */
function refreshCustomers(sqlite: Sqlite, customerIds: number[]): void {
  const ids = { ids: JSON.stringify(customerIds) };
  const rowsOf = sqlite.prepare<{ ids: string }, [number, string]>(
    'SELECT store_id, days FROM rollup_customer_orders WHERE customer_id IN (SELECT value FROM json_each(@ids))').raw();
  const deltas: Deltas = new Map();
  for (const [storeId, days] of rowsOf.all(ids)) contribute(deltas, storeId, days.split(','), -1);
  sqlite.prepare('DELETE FROM rollup_customer_orders WHERE customer_id IN (SELECT value FROM json_each(@ids))').run(ids);
  sqlite.prepare(CUSTOMER_ROWS('marked')).run(ids);
  for (const [storeId, days] of rowsOf.all(ids)) contribute(deltas, storeId, days.split(','), 1);
  writeDeltas(sqlite, deltas);
}

/**
 * Brings the gap rollups up to date with the marked customers, in one
 * transaction. The first call, a full rebuild of the other rollups since the
 * last call (a bulk load ran without marks), or a flood of marks rebuild
 * everything. Costs two small reads when nothing is marked.
 */
export function refreshOrderGaps(sqlite: Sqlite, now: Date = new Date()): void {
  const state = sqlite
    .prepare<[], { builtAt: string | null; seen: string | null }>(
      'SELECT built_at AS builtAt, rollups_rebuilt_at AS seen FROM rollup_gaps_state WHERE id = 1',
    )
    .get();
  const stale = !state?.builtAt || state.seen !== rollupsRebuiltAt(sqlite);
  if (!stale && sqlite.prepare('SELECT 1 FROM rollup_gap_marks LIMIT 1').get() === undefined) return;
  sqlite.transaction(() => {
    const marks = sqlite
      .prepare<[number], { id: number }>('SELECT customer_id AS id FROM rollup_gap_marks LIMIT ?')
      .all(REBUILD_ABOVE_MARKS + 1)
      .map((r) => r.id);
    if (stale || marks.length > REBUILD_ABOVE_MARKS) {
      rebuildAll(sqlite, now);
      return;
    }
    refreshCustomers(sqlite, marks);
    sqlite.prepare('DELETE FROM rollup_gap_marks WHERE customer_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(marks));
  })();
}
