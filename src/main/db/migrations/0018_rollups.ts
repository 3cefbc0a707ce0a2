import { sql, type Kysely } from 'kysely';

/**
 * 0018 — shipments' dispute and tracking columns, the tracking provider, and daily rollups for the logistics, payments and retention dashboards
 * (issue 7), so a dashboard over years of orders reads a few thousand rows
 * instead of millions. Days are UTC 'YYYY-MM-DD', months 'YYYY-MM'; text keys
 * that may be missing are '' (never NULL) so they can be part of a key.
 * How they are kept up to date (marks written by triggers, touched days
 * recomputed from the raw tables) is migration 0019 and domain/insights/rollups.
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements = [
  // Orders by the day they were placed.
  `CREATE TABLE rollup_orders_daily (
    store_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    currency TEXT NOT NULL,
    channel TEXT NOT NULL,
    payment_method TEXT NOT NULL,
    orders INTEGER NOT NULL,
    cancelled INTEGER NOT NULL,
    -- the rest count orders that were not cancelled
    gross_minor INTEGER NOT NULL,
    refunded_minor INTEGER NOT NULL,
    discount_minor INTEGER NOT NULL,
    shipping_minor INTEGER NOT NULL,
    tax_minor INTEGER NOT NULL,
    first_orders INTEGER NOT NULL,
    repeat_orders INTEGER NOT NULL,
    guest_orders INTEGER NOT NULL,
    PRIMARY KEY (store_id, day, currency, channel, payment_method)
  ) WITHOUT ROWID`,
  // Payments by the day they were processed.
  `CREATE TABLE rollup_payments_daily (
    store_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    currency TEXT NOT NULL,
    method TEXT NOT NULL,
    gateway TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    payments INTEGER NOT NULL,
    amount_minor INTEGER NOT NULL,
    PRIMARY KEY (store_id, day, currency, method, gateway, kind, status)
  ) WITHOUT ROWID`,
  // Refunds by the day they were made.
  `CREATE TABLE rollup_refunds_daily (
    store_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    currency TEXT NOT NULL,
    reason TEXT NOT NULL,
    refunds INTEGER NOT NULL,
    amount_minor INTEGER NOT NULL,
    PRIMARY KEY (store_id, day, currency, reason)
  ) WITHOUT ROWID`,
  // Shipments by the day they were shipped (created day when never shipped), with their current status.
  `CREATE TABLE rollup_shipments_daily (
    store_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    carrier TEXT NOT NULL,
    country TEXT NOT NULL,
    region TEXT NOT NULL,
    status TEXT NOT NULL,
    shipments INTEGER NOT NULL,
    delivered INTEGER NOT NULL,
    -- delivered with an original estimate, and of those on or before it (by the delivery day)
    with_estimate INTEGER NOT NULL,
    on_time INTEGER NOT NULL,
    disputed INTEGER NOT NULL,
    PRIMARY KEY (store_id, day, carrier, country, region, status)
  ) WITHOUT ROWID`,
  // Delivered shipments by delivery day: histograms of whole days, for percentiles.
  // metric: 'transit' (shipped → delivered) or 'order_to_delivery' (placed → delivered);
  // basis: 'calendar' or 'business' (Monday to Friday).
  `CREATE TABLE rollup_delivery_days (
    store_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    carrier TEXT NOT NULL,
    country TEXT NOT NULL,
    region TEXT NOT NULL,
    metric TEXT NOT NULL CHECK (metric IN ('transit','order_to_delivery')),
    basis TEXT NOT NULL CHECK (basis IN ('calendar','business')),
    days INTEGER NOT NULL,
    shipments INTEGER NOT NULL,
    PRIMARY KEY (store_id, day, carrier, country, region, metric, basis, days)
  ) WITHOUT ROWID`,
  // Tickets by the day they were created (SLA and CSAT).
  `CREATE TABLE rollup_tickets_daily (
    day TEXT NOT NULL,
    channel TEXT NOT NULL,
    priority TEXT NOT NULL,
    created INTEGER NOT NULL,
    solved INTEGER NOT NULL,
    -- targets judged (due and met, or breached) and met
    sla_judged INTEGER NOT NULL,
    sla_met INTEGER NOT NULL,
    csat_responses INTEGER NOT NULL,
    csat_sum INTEGER NOT NULL,
    PRIMARY KEY (day, channel, priority)
  ) WITHOUT ROWID`,
  // Returns by the day they were requested.
  `CREATE TABLE rollup_returns_daily (
    store_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    reason TEXT NOT NULL,
    returns INTEGER NOT NULL,
    items INTEGER NOT NULL,
    PRIMARY KEY (store_id, day, reason)
  ) WITHOUT ROWID`,
  // Each customer's activity per month (orders not cancelled), and their first month: cohorts without scanning orders.
  `CREATE TABLE rollup_customer_months (
    customer_id INTEGER NOT NULL,
    month TEXT NOT NULL,
    store_id INTEGER NOT NULL,
    currency TEXT NOT NULL,
    orders INTEGER NOT NULL,
    net_minor INTEGER NOT NULL,
    PRIMARY KEY (customer_id, month, currency)
  ) WITHOUT ROWID`,
  `CREATE TABLE rollup_cohorts (
    store_id INTEGER NOT NULL,
    currency TEXT NOT NULL,
    cohort TEXT NOT NULL,
    month TEXT NOT NULL,
    customers INTEGER NOT NULL,
    orders INTEGER NOT NULL,
    net_minor INTEGER NOT NULL,
    PRIMARY KEY (store_id, currency, cohort, month)
  ) WITHOUT ROWID`,
  `CREATE TABLE rollup_customer_first (
    customer_id INTEGER PRIMARY KEY,
    store_id INTEGER NOT NULL,
    cohort TEXT NOT NULL
  )`,
  // What changed since the rollups were last brought up to date: (kind, key) where key is
  // 'store_id|day' for daily tables, a day for tickets, a customer id for the customer tables.
  `CREATE TABLE rollup_dirty (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (kind, key)
  ) WITHOUT ROWID`,
  // Logistics: a delivered parcel the customer says never came, and what the tracking provider last said.
  `ALTER TABLE shipments ADD COLUMN disputed_at TEXT`,
  `ALTER TABLE shipments ADD COLUMN disputed_note TEXT`,
  `ALTER TABLE shipments ADD COLUMN tracking_checked_at TEXT`,
  `ALTER TABLE shipments ADD COLUMN tracking_error TEXT`,
  // The tracking provider (one; its API key lives in the secret vault, never here).
  `CREATE TABLE tracking_provider (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    provider TEXT NOT NULL,
    base_url TEXT,
    enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0,1)),
    interval_minutes INTEGER NOT NULL DEFAULT 60,
    secret_store TEXT,
    last_run_at TEXT,
    last_error TEXT,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE rollup_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    refreshed_at TEXT,
    full_rebuild_at TEXT
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
