/**
 * How each daily rollup is computed from its raw table: one INSERT … SELECT …
 * GROUP BY per rollup, with the rows it reads left open (`rows`), so a full
 * rebuild and the recompute of one marked bucket run the very same SQL and
 * cannot disagree. Definitions (issue 7):
 * - an order's day is the UTC day of placed_at; money counts orders not cancelled;
 * - a shipment's day is the UTC day it shipped (created, when never shipped);
 *   delivered = status 'Delivered'; on time = delivered on or before the UTC day of
 *   the original estimate (the current estimate when there is no original);
 * - transit days = whole UTC days from the shipped day to the delivered day;
 *   business days count only Monday–Friday days after the shipped day up to the
 *   delivered day (shipped Friday, delivered Monday = 1); order-to-delivery starts
 *   at the day the order was placed. Histograms are kept by delivery day.
 */

export type DailyKind = 'orders' | 'payments' | 'refunds' | 'shipments' | 'delivery' | 'tickets' | 'returns';

/*
 * In the bucket conditions a unary + keeps store_id (and status) from choosing an
 * index: the (store_id, external_id) keys would read every row of the store,
 * where the day's range over the time index reads one day.
 */

export interface DailySource {
  /** The rollup_dirty kind whose marks this table answers. */
  kind: DailyKind;
  table: string;
  /**
   * What a mark's key names: 'store-day' ('store_id|YYYY-MM-DD'), 'day', or 'slice'
   * (the JSON array [store_id, day, carrier, country, region]).
   */
  key: 'store-day' | 'day' | 'slice';
  /** INSERT … SELECT over the raw rows matching the SQL condition `rows`. */
  insert(rows: string): string;
  /** The condition selecting one bucket's raw rows, with @store, @day, @next, and @carrier, @country, @region for slices. */
  bucket: string;
}

const countIf = (condition: string) => `sum(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
const sumIf = (condition: string, value: string) => `sum(CASE WHEN ${condition} THEN ${value} ELSE 0 END)`;
const LIVE = "status <> 'cancelled'";

const orders: DailySource = {
  kind: 'orders',
  table: 'rollup_orders_daily',
  key: 'store-day',
  insert: (rows) => `INSERT INTO rollup_orders_daily (store_id, day, currency, channel, payment_method, orders, cancelled,
      gross_minor, refunded_minor, discount_minor, shipping_minor, tax_minor, first_orders, repeat_orders, guest_orders)
    SELECT store_id, substr(placed_at, 1, 10), currency, channel, coalesce(payment_method, ''), count(*),
           ${countIf("status = 'cancelled'")},
           ${sumIf(LIVE, 'total_minor')}, ${sumIf(LIVE, 'refunded_minor')}, ${sumIf(LIVE, 'discount_minor')},
           ${sumIf(LIVE, 'shipping_minor')}, ${sumIf(LIVE, 'tax_minor')},
           ${countIf(`${LIVE} AND customer_order_seq = 1`)}, ${countIf(`${LIVE} AND customer_order_seq >= 2`)},
           ${countIf(`${LIVE} AND customer_id IS NULL`)}
      FROM orders WHERE ${rows}
     GROUP BY 1, 2, 3, 4, 5`,
  bucket: '+store_id = @store AND placed_at >= @day AND placed_at < @next',
};

const payments: DailySource = {
  kind: 'payments',
  table: 'rollup_payments_daily',
  key: 'store-day',
  insert: (rows) => `INSERT INTO rollup_payments_daily (store_id, day, currency, method, gateway, kind, status, payments, amount_minor)
    SELECT store_id, substr(processed_at, 1, 10), currency, method, gateway, kind, status, count(*), sum(amount_minor)
      FROM payments WHERE ${rows}
     GROUP BY 1, 2, 3, 4, 5, 6, 7`,
  bucket: '+store_id = @store AND processed_at >= @day AND processed_at < @next',
};

const refunds: DailySource = {
  kind: 'refunds',
  table: 'rollup_refunds_daily',
  key: 'store-day',
  insert: (rows) => `INSERT INTO rollup_refunds_daily (store_id, day, currency, reason, refunds, amount_minor)
    SELECT store_id, substr(refunded_at, 1, 10), currency, coalesce(reason, ''), count(*), sum(amount_minor)
      FROM refunds WHERE ${rows}
     GROUP BY 1, 2, 3, 4`,
  bucket: '+store_id = @store AND refunded_at >= @day AND refunded_at < @next',
};

/** Must match the expression indexes shipments_rollup_day and shipments_rollup_delivered (migration rollup_marks). */
export const SHIPMENT_DAY = 'substr(coalesce(shipped_at, created_at), 1, 10)';
const DELIVERED = "status = 'Delivered'";
const ESTIMATE_DAY = 'substr(coalesce(original_estimated_delivery_at, estimated_delivery_at), 1, 10)';
const WITH_ESTIMATE = `${DELIVERED} AND delivered_at IS NOT NULL AND ${ESTIMATE_DAY} IS NOT NULL`;

const shipments: DailySource = {
  kind: 'shipments',
  table: 'rollup_shipments_daily',
  key: 'slice',
  insert: (rows) => `INSERT INTO rollup_shipments_daily (store_id, day, carrier, country, region, status, shipments, delivered,
      with_estimate, on_time, disputed)
    SELECT store_id, ${SHIPMENT_DAY}, carrier, coalesce(destination_country, ''), coalesce(destination_region, ''), status,
           count(*), ${countIf(DELIVERED)}, ${countIf(WITH_ESTIMATE)},
           ${countIf(`${WITH_ESTIMATE} AND substr(delivered_at, 1, 10) <= ${ESTIMATE_DAY}`)},
           ${countIf('disputed_at IS NOT NULL')}
      FROM shipments WHERE ${rows}
     GROUP BY 1, 2, 3, 4, 5, 6`,
  bucket: `+store_id = @store AND ${SHIPMENT_DAY} = @day AND carrier = @carrier
    AND coalesce(destination_country, '') = @country AND coalesce(destination_region, '') = @region`,
};

// Day numbers counted from Monday 1900-01-01, so n % 7 is the weekday (0 = Monday).
const dayNumber = (iso: string) => `CAST(julianday(substr(${iso}, 1, 10)) - julianday('1900-01-01') AS INTEGER)`;
// Monday–Friday days in [day 0, day n]: five per whole week, then the weekdays of the part week.
const weekdaysThrough = (n: string) => `(5 * (${n} / 7) + min(${n} % 7 + 1, 5))`;
const VARIANTS = `(SELECT 'transit' AS metric, 'calendar' AS basis UNION ALL SELECT 'transit', 'business'
  UNION ALL SELECT 'order_to_delivery', 'calendar' UNION ALL SELECT 'order_to_delivery', 'business')`;

const delivery: DailySource = {
  kind: 'delivery',
  table: 'rollup_delivery_days',
  key: 'slice',
  // Each delivered shipment is read once (CROSS JOIN keeps it the outer loop) and counted
  // in the four histograms; transit needs a shipped day.
  insert: (rows) => `INSERT INTO rollup_delivery_days (store_id, day, carrier, country, region, metric, basis, days, shipments)
    SELECT store_id, day, carrier, country, region, v.metric, v.basis,
           CASE WHEN v.basis = 'calendar' THEN max(delivered - (CASE WHEN v.metric = 'transit' THEN shipped ELSE placed END), 0)
                ELSE max(${weekdaysThrough('delivered')}
                         - ${weekdaysThrough("(CASE WHEN v.metric = 'transit' THEN shipped ELSE placed END)")}, 0) END,
           count(*)
      FROM (SELECT s.store_id, substr(s.delivered_at, 1, 10) AS day, s.carrier,
                   coalesce(s.destination_country, '') AS country, coalesce(s.destination_region, '') AS region,
                   ${dayNumber('s.delivered_at')} AS delivered,
                   CASE WHEN s.shipped_at IS NOT NULL THEN ${dayNumber('s.shipped_at')} END AS shipped,
                   ${dayNumber('o.placed_at')} AS placed
              FROM shipments s JOIN orders o ON o.id = s.order_id
             WHERE +s.status = 'Delivered' AND s.delivered_at IS NOT NULL AND (${rows})
             LIMIT -1) AS d
      CROSS JOIN ${VARIANTS} AS v
     WHERE v.metric = 'order_to_delivery' OR shipped IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
  bucket: `+s.store_id = @store AND substr(s.delivered_at, 1, 10) = @day AND s.carrier = @carrier
    AND coalesce(s.destination_country, '') = @country AND coalesce(s.destination_region, '') = @region`,
};

const tickets: DailySource = {
  kind: 'tickets',
  table: 'rollup_tickets_daily',
  key: 'day',
  // A ticket merged into another is counted there.
  insert: (rows) => `INSERT INTO rollup_tickets_daily (day, channel, priority, created, solved, sla_judged, sla_met,
      csat_responses, csat_sum)
    SELECT substr(created_at, 1, 10), channel, priority, count(*), ${countIf('solved_at IS NOT NULL')},
           ${countIf('first_reply_breached IS NOT NULL')} + ${countIf('resolution_breached IS NOT NULL')},
           ${countIf('first_reply_breached = 0')} + ${countIf('resolution_breached = 0')},
           ${countIf('csat_score IS NOT NULL')}, ${sumIf('csat_score IS NOT NULL', 'csat_score')}
      FROM tickets WHERE merged_into_id IS NULL AND (${rows})
     GROUP BY 1, 2, 3`,
  bucket: 'created_at >= @day AND created_at < @next',
};

const returns: DailySource = {
  kind: 'returns',
  table: 'rollup_returns_daily',
  key: 'store-day',
  insert: (rows) => `INSERT INTO rollup_returns_daily (store_id, day, reason, returns, items)
    SELECT coalesce(r.store_id, o.store_id), substr(r.requested_at, 1, 10), r.reason, count(*),
           sum((SELECT coalesce(sum(l.quantity), 0) FROM return_lines l WHERE l.return_id = r.id))
      FROM returns r JOIN orders o ON o.id = r.order_id
     WHERE ${rows}
     GROUP BY 1, 2, 3`,
  bucket: 'coalesce(r.store_id, o.store_id) = @store AND r.requested_at >= @day AND r.requested_at < @next',
};

export const DAILY_SOURCES: readonly DailySource[] = [orders, payments, refunds, shipments, delivery, tickets, returns];
