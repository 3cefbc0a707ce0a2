import { sql, type Kysely } from 'kysely';

/**
 * 0004 — customers (search indexes, RFM scores and segments, merges).
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements: string[] = [
  // Name search is a case-insensitive prefix LIKE on one column: NOCASE indexes serve it.
  `CREATE INDEX customers_first_name ON customers (first_name COLLATE NOCASE)`,
  `CREATE INDEX customers_last_name ON customers (last_name COLLATE NOCASE)`,
  // The list's name sort walks this (NULL names sort as empty so keyset cursors stay comparable).
  `CREATE INDEX customers_sort_name ON customers
     (coalesce(last_name, '') COLLATE NOCASE, coalesce(first_name, '') COLLATE NOCASE, id)`,
  // The profile timeline reads each of these per customer, newest first.
  `CREATE INDEX returns_customer ON returns (customer_id, requested_at)`,
  `CREATE INDEX feedback_customer ON feedback (customer_id, created_at)`,
  `CREATE INDEX tickets_customer_created ON tickets (customer_id, created_at)`,
  // Merged customers are hidden from lists but kept, with every reference to them.
  `ALTER TABLE customers ADD COLUMN merged_into_id INTEGER REFERENCES customers(id)`,
  // Duplicate detection groups by normalized email (lower, trimmed) and phone (digits only).
  `CREATE INDEX customers_email_normalized ON customers (lower(trim(email)))
     WHERE email IS NOT NULL AND merged_into_id IS NULL`,
  `CREATE INDEX customers_phone_digits ON customers
     (replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', ''))
     WHERE phone IS NOT NULL AND merged_into_id IS NULL`,
  `CREATE TABLE customer_merges (
    id INTEGER PRIMARY KEY,
    source_customer_id INTEGER NOT NULL UNIQUE REFERENCES customers(id),
    target_customer_id INTEGER NOT NULL REFERENCES customers(id),
    staff_id INTEGER REFERENCES staff(id),
    idempotency_key TEXT NOT NULL UNIQUE,
    merged_at TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
    CHECK (source_customer_id <> target_customer_id)
  )`,
  `CREATE INDEX customer_merges_target ON customer_merges (target_customer_id)`,
  // One row per customer not merged away: derived, rebuilt by customers.rfm.recompute.
  // Scores and segment are NULL for a customer without a qualifying order. store_id and
  // marketing_consent are copied at computation so segment figures need no join.
  `CREATE TABLE customer_rfm (
    customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
    store_id INTEGER NOT NULL REFERENCES stores(id),
    marketing_consent INTEGER NOT NULL DEFAULT 0 CHECK (marketing_consent IN (0,1)),
    recency_days INTEGER,
    frequency INTEGER NOT NULL DEFAULT 0,
    monetary_minor INTEGER NOT NULL DEFAULT 0,
    r INTEGER CHECK (r BETWEEN 1 AND 5),
    f INTEGER CHECK (f BETWEEN 1 AND 5),
    m INTEGER CHECK (m BETWEEN 1 AND 5),
    segment TEXT CHECK (segment IN
      ('champions','loyal','potential','new','atRisk','cantLose','hibernating','lost')),
    last_order_at TEXT,
    first_order_at TEXT,
    orders_count INTEGER NOT NULL DEFAULT 0,
    spend_minor INTEGER NOT NULL DEFAULT 0,
    computed_at TEXT NOT NULL
  )`,
  // Covers segments.list (group by segment, optionally one store) without touching the table.
  `CREATE INDEX customer_rfm_segment ON customer_rfm (segment, store_id, marketing_consent, orders_count, spend_minor)`,
  // The list's sorts, per segment: a page walks each segment's index in sort order and
  // merges the heads, so a rare segment never means walking past every other one.
  // '' stands for "never ordered" so cursors stay comparable.
  `CREATE INDEX customer_rfm_segment_last_order ON customer_rfm (segment, coalesce(last_order_at, ''))`,
  `CREATE INDEX customer_rfm_segment_spend ON customer_rfm (segment, spend_minor)`,
  `CREATE INDEX customer_rfm_segment_orders ON customer_rfm (segment, orders_count)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
