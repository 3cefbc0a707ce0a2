import { sql, type Kysely } from 'kysely';

/**
 * 0005 — loyalty program: the rewards catalog, the coupons redemptions issue,
 * the tier each customer holds, and an index for expiry reports.
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements: string[] = [
  // Expiring-soon lists find whose lots expire in a window by expiry date (covering: no table lookups).
  `CREATE INDEX points_ledger_expiry ON points_ledger (expires_at, customer_id) WHERE expires_at IS NOT NULL`,
  `CREATE TABLE rewards (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind TEXT NOT NULL CHECK (kind IN ('fixed_amount','percent','free_shipping','gift_product')),
    points_cost INTEGER NOT NULL CHECK (points_cost > 0),
    value_minor INTEGER CHECK (value_minor > 0),
    percent INTEGER CHECK (percent BETWEEN 1 AND 100),
    product_id INTEGER REFERENCES products(id),
    min_order_minor INTEGER NOT NULL DEFAULT 0 CHECK (min_order_minor >= 0),
    -- NULL: a customer may redeem it any number of times
    limit_per_customer INTEGER CHECK (limit_per_customer > 0),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((kind = 'fixed_amount') = (value_minor IS NOT NULL)),
    CHECK ((kind = 'percent') = (percent IS NOT NULL)),
    CHECK ((kind = 'gift_product') = (product_id IS NOT NULL))
  )`,
  // A coupon copies its reward's terms: editing the reward later never changes an issued coupon.
  `CREATE TABLE coupons (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    reward_id INTEGER NOT NULL REFERENCES rewards(id),
    ledger_entry_id INTEGER NOT NULL UNIQUE REFERENCES points_ledger(id),
    store_id INTEGER NOT NULL REFERENCES stores(id),
    kind TEXT NOT NULL CHECK (kind IN ('fixed_amount','percent','free_shipping','gift_product')),
    value_minor INTEGER,
    percent INTEGER,
    product_id INTEGER REFERENCES products(id),
    min_order_minor INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued','used','void')),
    issued_at TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE
  )`,
  // A customer's coupons (and the per-customer limit); a reward's issued count in the catalog.
  `CREATE INDEX coupons_customer ON coupons (customer_id, reward_id, status)`,
  `CREATE INDEX coupons_reward ON coupons (reward_id, status)`,
  // Upgrades apply at once; a downgrade waits for held_until (the end of the period the tier was earned in).
  `CREATE TABLE customer_tiers (
    customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
    tier_id TEXT NOT NULL,
    since TEXT NOT NULL,
    held_until TEXT
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
