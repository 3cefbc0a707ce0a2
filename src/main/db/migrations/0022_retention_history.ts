import { sql, type Kysely } from 'kysely';

/**
 * 0022 — what the retention insights need beyond the rollups of 0018/0019:
 *
 * 1. Each customer's order days (orders not cancelled), and a daily histogram of
 *    the days between a customer's consecutive orders, so "time between orders",
 *    "returning order share" and "repeat purchase rate" read a few thousand rows
 *    instead of walking a million orders. Kept up to date by customer marks
 *    (triggers below, one insert each that does nothing when the mark is there) that domain/insights/order-gaps.ts
 *    consumes when an insight is read; `built_at` NULL asks for a full build, and
 *    so does a full rebuild of the other rollups since the one seen last
 *    (`rollups_rebuilt_at`): a bulk load drops every rollup_mark_* trigger, these
 *    included, and rebuilds the rollups at its end.
 * 2. RFM segment history: customer_rfm holds only the current segment, so every
 *    change of a customer's segment is appended here (by a trigger on customer_rfm,
 *    which the customers area rewrites on each computation), and the moments of
 *    full computations are recorded (by a trigger on the setting the customers
 *    area writes when one finishes). Segment movement compares two computations.
 *
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const ORDER_COLUMNS = ['customer_id', 'placed_at', 'status'];
const changed = ORDER_COLUMNS.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
const markCustomer = (row: 'NEW' | 'OLD') =>
  `INSERT INTO rollup_gap_marks (customer_id) SELECT ${row}.customer_id WHERE ${row}.customer_id IS NOT NULL
     ON CONFLICT DO NOTHING;`;

const statements = [
  `CREATE TABLE rollup_customer_orders (
    customer_id INTEGER PRIMARY KEY,
    store_id INTEGER NOT NULL,
    first_day TEXT NOT NULL,
    orders INTEGER NOT NULL,
    -- every order day, oldest first, comma separated: what the customer contributes to rollup_order_gaps
    days TEXT NOT NULL
  )`,
  // Covers "customers first ordering in a range, and how many ordered again".
  `CREATE INDEX rollup_customer_orders_first ON rollup_customer_orders (first_day, store_id, orders)`,
  // Orders by the day placed and the whole days since the customer's previous order (-1: their first order).
  `CREATE TABLE rollup_order_gaps (
    store_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    gap_days INTEGER NOT NULL,
    orders INTEGER NOT NULL,
    PRIMARY KEY (store_id, day, gap_days)
  ) WITHOUT ROWID`,
  `CREATE TABLE rollup_gap_marks (customer_id INTEGER PRIMARY KEY)`,
  `CREATE TABLE rollup_gaps_state (id INTEGER PRIMARY KEY CHECK (id = 1), built_at TEXT, rollups_rebuilt_at TEXT)`,
  `INSERT INTO rollup_gaps_state (id, built_at, rollups_rebuilt_at) VALUES (1, NULL, NULL)`,
  `CREATE TRIGGER rollup_mark_gaps_insert AFTER INSERT ON orders BEGIN ${markCustomer('NEW')} END`,
  `CREATE TRIGGER rollup_mark_gaps_delete AFTER DELETE ON orders BEGIN ${markCustomer('OLD')} END`,
  `CREATE TRIGGER rollup_mark_gaps_update AFTER UPDATE OF ${ORDER_COLUMNS.join(', ')} ON orders WHEN ${changed}
     BEGIN ${markCustomer('OLD')} ${markCustomer('NEW')} END`,

  `CREATE TABLE rfm_segment_history (
    customer_id INTEGER NOT NULL,
    since TEXT NOT NULL,
    segment TEXT,
    PRIMARY KEY (customer_id, since)
  ) WITHOUT ROWID`,
  `CREATE TABLE rfm_computations (computed_at TEXT PRIMARY KEY)`,
  // Only a change is appended: a recompute that keeps a customer's segment costs one index seek.
  ...['INSERT', 'UPDATE OF segment'].map((event) =>
    `CREATE TRIGGER insights_segment_history_${event === 'INSERT' ? 'insert' : 'update'} AFTER ${event} ON customer_rfm
     WHEN NEW.segment IS NOT (SELECT h.segment FROM rfm_segment_history h WHERE h.customer_id = NEW.customer_id
                               ORDER BY h.since DESC LIMIT 1)
     BEGIN
       INSERT OR REPLACE INTO rfm_segment_history (customer_id, since, segment)
         VALUES (NEW.customer_id, NEW.computed_at, NEW.segment);
     END`),
  // The customers area records each full computation's time in this setting (domain/customers/rfm.ts).
  ...['INSERT', 'UPDATE OF value'].map((event) =>
    `CREATE TRIGGER insights_rfm_computed_${event === 'INSERT' ? 'insert' : 'update'} AFTER ${event} ON settings
     WHEN NEW.key = 'customers.rfmComputedAt'
     BEGIN
       INSERT INTO rfm_computations (computed_at) SELECT json_extract(NEW.value, '$')
         WHERE json_valid(NEW.value) AND json_extract(NEW.value, '$') IS NOT NULL ON CONFLICT DO NOTHING;
     END`),
  // What exists already is the first snapshot.
  `INSERT INTO rfm_segment_history (customer_id, since, segment)
     SELECT customer_id, computed_at, segment FROM customer_rfm WHERE segment IS NOT NULL`,
  `INSERT OR IGNORE INTO rfm_computations (computed_at)
     SELECT json_extract(value, '$') FROM settings
      WHERE key = 'customers.rfmComputedAt' AND json_valid(value) AND json_extract(value, '$') IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
