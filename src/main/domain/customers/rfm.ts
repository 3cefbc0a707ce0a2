import { CUSTOMER_SEGMENTS, type RfmRecomputeResult } from '../../../shared/contract';
import type { Sqlite } from '../../db/connection';
import { currentCustomerId } from './merged';
import { segmentCaseSql, segmentOf } from './segments-grid';

/**
 * RFM figures (recency, frequency, monetary) per customer, kept in
 * customer_rfm, which is derived and rebuilt whole by one set-based statement.
 *
 * What counts: orders not cancelled and not voided or failed (no sale took
 * place); spend is total less refunds, summed only over orders in the
 * customer's store currency (a customer merged across currencies keeps the
 * others in the order count, not in the money).
 *
 * Scores are quintiles by percent rank, 1 + floor(5 × percent_rank), rather
 * than NTILE: NTILE splits ties at random, so two customers with one order
 * each could get F = 1 and F = 3; a percent rank gives equal values equal
 * scores (with most customers buying once, they all get F = 1).
 */
export const QUALIFYING_ORDER = `o.status <> 'cancelled' AND o.financial_status NOT IN ('voided', 'failed')`;

const score = (column: string) => `min(5, 1 + CAST(5 * percent_rank() OVER (ORDER BY ${column}) AS INTEGER))`;

const RECOMPUTE_SQL = `
  INSERT INTO customer_rfm (customer_id, store_id, marketing_consent, recency_days, frequency, monetary_minor, r, f, m, segment,
    last_order_at, first_order_at, orders_count, spend_minor, computed_at)
  WITH agg AS (
    SELECT o.customer_id AS id, count(*) AS n, min(o.placed_at) AS first_at, max(o.placed_at) AS last_at,
           sum(CASE WHEN o.currency = s.currency THEN o.total_minor - o.refunded_minor ELSE 0 END) AS spend
      FROM orders o
      JOIN customers c ON c.id = o.customer_id AND c.merged_into_id IS NULL
      JOIN stores s ON s.id = c.store_id
     WHERE ${QUALIFYING_ORDER}
     GROUP BY o.customer_id
  ), scored AS (
    SELECT id, n, first_at, last_at, spend, ${score('last_at')} AS r, ${score('n')} AS f, ${score('spend')} AS m
      FROM agg
  )
  SELECT c.id, c.store_id, c.marketing_consent, CAST(julianday(@now) - julianday(sc.last_at) AS INTEGER), coalesce(sc.n, 0), coalesce(sc.spend, 0),
         sc.r, sc.f, sc.m, ${segmentCaseSql('sc.r', 'sc.f', 'sc.m')},
         sc.last_at, sc.first_at, coalesce(sc.n, 0), coalesce(sc.spend, 0), @now
    FROM customers c LEFT JOIN scored sc ON sc.id = c.id
   WHERE c.merged_into_id IS NULL`;

const COMPUTED_AT_KEY = 'customers.rfmComputedAt';
const DURATION_KEY = 'customers.rfmRecomputeMs';

const readSetting = <T>(sqlite: Sqlite, key: string): T | null => {
  const row = sqlite.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
  return row ? (JSON.parse(row.value) as T) : null;
};

/** When the last full recompute ran (kept in settings: reading it off 500k rows would be a scan). */
export function figuresComputedAt(sqlite: Sqlite): string | null {
  return readSetting<string>(sqlite, COMPUTED_AT_KEY);
}

/** How long the last full recompute took, so the next one can show how far along it probably is. */
export function lastRecomputeMs(sqlite: Sqlite): number | null {
  return readSetting<number>(sqlite, DURATION_KEY);
}

/** Rebuilds every customer's row in one transaction. */
export function recomputeAllRfm(sqlite: Sqlite, now: Date): RfmRecomputeResult {
  const started = performance.now();
  const computedAt = now.toISOString();
  const counts = sqlite.transaction(() => {
    // Building each index once over the sorted result is several times cheaper than keeping
    // four indexes up to date through half a million inserts; the definitions are the
    // migration's own, read back from the schema, and all of it is one transaction.
    const indexes = sqlite
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer_rfm' AND sql IS NOT NULL",
      )
      .all();
    for (const index of indexes) sqlite.prepare(`DROP INDEX ${index.name}`).run();
    sqlite.prepare('DELETE FROM customer_rfm').run();
    sqlite.prepare(RECOMPUTE_SQL).run({ now: computedAt });
    for (const index of indexes) sqlite.prepare(index.sql).run();
    const write = sqlite.prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
    write.run(COMPUTED_AT_KEY, JSON.stringify(computedAt), computedAt);
    // All but the commit is done: close enough to the whole for a progress estimate.
    write.run(DURATION_KEY, JSON.stringify(Math.round(performance.now() - started)), computedAt);
    return sqlite
      .prepare<[], { customers: number; withOrders: number }>(
        'SELECT count(*) AS customers, count(segment) AS withOrders FROM customer_rfm',
      )
      .get()!;
  }).immediate();
  return { ...counts, computedAt, durationMs: Math.round(performance.now() - started) };
}

interface LiveFigures {
  n: number;
  spend: number | null;
  firstAt: string | null;
  lastAt: string | null;
}

/** One customer's order figures, live, through orders_customer. */
type CustomerFigures = LiveFigures & { currency: string; storeId: number; marketing: number };

export function liveFigures(sqlite: Sqlite, customerId: number): CustomerFigures {
  return sqlite
    .prepare<[number], CustomerFigures>(
      `SELECT count(o.id) AS n, min(o.placed_at) AS firstAt, max(o.placed_at) AS lastAt, s.currency,
              c.store_id AS storeId, c.marketing_consent AS marketing,
              sum(CASE WHEN o.currency = s.currency THEN o.total_minor - o.refunded_minor ELSE 0 END) AS spend
         FROM customers c JOIN stores s ON s.id = c.store_id
         LEFT JOIN orders o ON o.customer_id = c.id AND ${QUALIFYING_ORDER}
        WHERE c.id = ?`,
    )
    .get(customerId)!;
}

/** Scored rows only: with `segment IN (…)` each count below is eight range seeks on a (segment, figure) index. */
const SCORED = `segment IN (${CUSTOMER_SEGMENTS.map((s) => `'${s}'`).join(', ')})`;

interface StoredFigures {
  segment: string | null;
  lastAt: string | null;
  n: number;
  spend: number;
}

/**
 * Rewrites one customer's row (after a merge or a refund) against the stored
 * population: their percent rank is the share of other scored customers below
 * them, as the full recompute's percent_rank gives. The others keep their
 * scores until the next full recompute. Each count seeks the (segment, …)
 * indexes, so this costs tens of milliseconds at a million customers, not a
 * table scan; the customer's own stored row is taken out of the counts.
 */
export function recomputeCustomerRfm(sqlite: Sqlite, customerId: number, now: Date): void {
  const live = liveFigures(sqlite, customerId);
  const computedAt = now.toISOString();
  let scores: { r: number; f: number; m: number } | null = null;
  if (live.n > 0 && live.lastAt !== null) {
    const own = sqlite
      .prepare<[number], StoredFigures>(
        `SELECT segment, last_order_at AS lastAt, orders_count AS n, spend_minor AS spend FROM customer_rfm WHERE customer_id = ?`,
      )
      .get(customerId);
    const ownScored = own !== undefined && own.segment !== null;
    const count = (condition: string, value?: string | number) =>
      sqlite.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM customer_rfm WHERE ${SCORED}${condition}`)
        .get(...(value === undefined ? [] : [value]))!.n;
    const population = count('') - (ownScored ? 1 : 0);
    const below = (condition: string, value: string | number, ownIsBelow: boolean) =>
      count(` AND ${condition} < ?`, value) - (ownScored && ownIsBelow ? 1 : 0);
    const toScore = (countBelow: number) => Math.min(5, 1 + Math.floor(5 * (population <= 0 ? 0 : countBelow / population)));
    const spend = live.spend ?? 0;
    scores = {
      r: toScore(below("coalesce(last_order_at, '')", live.lastAt, (own?.lastAt ?? '') < live.lastAt)),
      f: toScore(below('orders_count', live.n, (own?.n ?? 0) < live.n)),
      m: toScore(below('spend_minor', spend, (own?.spend ?? 0) < spend)),
    };
  }
  const recency = live.lastAt === null ? null : Math.floor((now.getTime() - Date.parse(live.lastAt)) / 86_400_000);
  sqlite
    .prepare(
      `INSERT OR REPLACE INTO customer_rfm (customer_id, store_id, marketing_consent, recency_days, frequency,
         monetary_minor, r, f, m, segment, last_order_at, first_order_at, orders_count, spend_minor, computed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(customerId, live.storeId, live.marketing, recency, live.n, live.spend ?? 0, scores?.r ?? null, scores?.f ?? null, scores?.m ?? null,
      scores ? segmentOf(scores.r, scores.f, scores.m) : null, live.lastAt, live.firstAt, live.n, live.spend ?? 0,
      computedAt);
}

/**
 * For other areas, inside their transaction, after one customer's orders
 * changed (a refund, a cancellation): that customer's row is rewritten at
 * once, so the list, segments and exports stop showing the old spend. Orders
 * of a merged customer count for the one it was merged into. Nothing is
 * written before the first full computation (ensureRfm computes everyone then).
 */
export function refreshCustomerRfm(sqlite: Sqlite, customerId: number, now: Date): void {
  if (sqlite.prepare('SELECT 1 FROM customer_rfm LIMIT 1').get() === undefined) return;
  recomputeCustomerRfm(sqlite, currentCustomerId(sqlite, customerId), now);
}

/**
 * Makes sure the list has a row for every customer: computes everything on
 * first open (empty table), and gives customers created since the last
 * computation a row with their live figures and no segment yet. Customer ids
 * only grow, so the newcomers are an id range above the last row.
 */
export function ensureRfm(sqlite: Sqlite, now: Date): void {
  const any = sqlite.prepare('SELECT 1 FROM customer_rfm LIMIT 1').get();
  if (any === undefined) {
    if (sqlite.prepare('SELECT 1 FROM customers WHERE merged_into_id IS NULL LIMIT 1').get() !== undefined) {
      recomputeAllRfm(sqlite, now);
    }
    return;
  }
  const newcomers = sqlite
    .prepare<[], { id: number }>(
      `SELECT c.id FROM customers c
        WHERE c.id > (SELECT max(customer_id) FROM customer_rfm) AND c.merged_into_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM customer_rfm r WHERE r.customer_id = c.id)
        LIMIT 10000`,
    )
    .all();
  if (newcomers.length === 0) return;
  sqlite.transaction(() => {
    for (const { id } of newcomers) writeUnscoredRow(sqlite, id, now);
  })();
}

function writeUnscoredRow(sqlite: Sqlite, customerId: number, now: Date): void {
  const live = liveFigures(sqlite, customerId);
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO customer_rfm (customer_id, store_id, marketing_consent, frequency, monetary_minor,
         last_order_at, first_order_at, orders_count, spend_minor, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(customerId, live.storeId, live.marketing, live.n, live.spend ?? 0, live.lastAt, live.firstAt, live.n, live.spend ?? 0, now.toISOString());
}

// ---- sync-apply: a set-based refresh for many customers at once ---------------
const REFRESH_FIGURES_SQL = `
  INSERT INTO customer_rfm (customer_id, store_id, marketing_consent, recency_days, frequency, monetary_minor,
    last_order_at, first_order_at, orders_count, spend_minor, computed_at)
  SELECT c.id, c.store_id, c.marketing_consent,
         CAST(julianday(@now) - julianday(max(o.placed_at)) AS INTEGER), count(o.id),
         coalesce(sum(CASE WHEN o.currency = s.currency THEN o.total_minor - o.refunded_minor ELSE 0 END), 0),
         max(o.placed_at), min(o.placed_at), count(o.id),
         coalesce(sum(CASE WHEN o.currency = s.currency THEN o.total_minor - o.refunded_minor ELSE 0 END), 0), @now
    FROM customers c
    JOIN stores s ON s.id = c.store_id
    LEFT JOIN orders o ON o.customer_id = c.id AND ${QUALIFYING_ORDER}
   WHERE c.id IN (SELECT value FROM json_each(@ids)) AND c.merged_into_id IS NULL
   GROUP BY c.id
  ON CONFLICT (customer_id) DO UPDATE SET store_id = excluded.store_id, marketing_consent = excluded.marketing_consent,
    recency_days = excluded.recency_days, frequency = excluded.frequency, monetary_minor = excluded.monetary_minor,
    last_order_at = excluded.last_order_at, first_order_at = excluded.first_order_at,
    orders_count = excluded.orders_count, spend_minor = excluded.spend_minor, computed_at = excluded.computed_at`;

/**
 * For a sync page that touched many customers (a backfill touches hundreds):
 * their live figures (orders, spend, first and last order, recency) rewritten
 * in one statement, through orders_customer, so lists and exports show what
 * was just synced. Their R/F/M scores and segment are kept as they are: a
 * score is a rank among everyone, which the per-customer refresh
 * (recomputeCustomerRfm) finds with several index counts each, too slow for
 * hundreds per page; the next full recompute re-ranks everyone. A customer new
 * since then gets a row without scores, as ensureRfm gives newcomers. Nothing
 * is written before the first full computation.
 */
export function refreshCustomersRfmFigures(sqlite: Sqlite, customerIds: readonly number[], now: Date): void {
  if (customerIds.length === 0) return;
  if (sqlite.prepare('SELECT 1 FROM customer_rfm LIMIT 1').get() === undefined) return;
  sqlite.prepare(REFRESH_FIGURES_SQL).run({ ids: JSON.stringify(customerIds), now: now.toISOString() });
}
