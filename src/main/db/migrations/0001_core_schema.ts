import { sql, type Kysely } from 'kysely';

/**
 * 0001 — the domain's core tables. FROZEN: never edit once landed; add a new
 * migration instead. Imports nothing from the app so it means the same forever.
 *
 * Conventions: money is INTEGER minor units beside a `currency` column; times are
 * UTC ISO-8601 TEXT; rows that come from a marketplace are unique on
 * (store_id, external_id) and keep the remote `remote_updated_at`.
 */
const statements = [
  `CREATE TABLE stores (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL CHECK (platform IN ('demo','shopify','woocommerce','vendure','csv')),
    name TEXT NOT NULL,
    domain TEXT,
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    timezone TEXT NOT NULL DEFAULT 'UTC',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT UNIQUE,
    role TEXT NOT NULL DEFAULT 'agent' CHECK (role IN ('owner','admin','agent')),
    capacity INTEGER NOT NULL DEFAULT 20 CHECK (capacity >= 0),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    store_id INTEGER NOT NULL REFERENCES stores(id),
    external_id TEXT NOT NULL,
    title TEXT NOT NULL,
    sku TEXT,
    category TEXT,
    brand TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
    currency TEXT NOT NULL,
    inventory_quantity INTEGER,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','draft','archived')),
    remote_created_at TEXT,
    remote_updated_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (store_id, external_id)
  )`,
  `CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    store_id INTEGER NOT NULL REFERENCES stores(id),
    external_id TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    first_name TEXT,
    last_name TEXT,
    country TEXT,
    region TEXT,
    city TEXT,
    marketing_consent INTEGER NOT NULL DEFAULT 0 CHECK (marketing_consent IN (0,1)),
    personalization_consent INTEGER NOT NULL DEFAULT 0 CHECK (personalization_consent IN (0,1)),
    birthday TEXT,
    remote_tags TEXT NOT NULL DEFAULT '[]',
    local_tags TEXT NOT NULL DEFAULT '[]',
    local_note TEXT,
    remote_created_at TEXT,
    remote_updated_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (store_id, external_id)
  )`,
  `CREATE INDEX customers_email ON customers (email)`,
  `CREATE INDEX customers_phone ON customers (phone)`,
  `CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    store_id INTEGER NOT NULL REFERENCES stores(id),
    external_id TEXT NOT NULL,
    order_number TEXT NOT NULL,
    customer_id INTEGER REFERENCES customers(id),
    -- 1 for a customer's first order, 2 for the second...: derived, recomputed after sync
    customer_order_seq INTEGER,
    channel TEXT NOT NULL DEFAULT 'online',
    status TEXT NOT NULL CHECK (status IN ('open','completed','cancelled')),
    financial_status TEXT NOT NULL CHECK (financial_status IN
      ('pending','authorized','paid','partially_refunded','refunded','voided','failed')),
    fulfillment_status TEXT NOT NULL CHECK (fulfillment_status IN
      ('unfulfilled','partial','fulfilled','returned')),
    currency TEXT NOT NULL,
    subtotal_minor INTEGER NOT NULL,
    discount_minor INTEGER NOT NULL DEFAULT 0,
    shipping_minor INTEGER NOT NULL DEFAULT 0,
    tax_minor INTEGER NOT NULL DEFAULT 0,
    total_minor INTEGER NOT NULL,
    refunded_minor INTEGER NOT NULL DEFAULT 0,
    payment_method TEXT,
    shipping_country TEXT,
    shipping_region TEXT,
    remote_tags TEXT NOT NULL DEFAULT '[]',
    local_tags TEXT NOT NULL DEFAULT '[]',
    local_note TEXT,
    placed_at TEXT NOT NULL,
    cancelled_at TEXT,
    remote_updated_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (store_id, external_id)
  )`,
  // The dashboard reads orders by time; these cover its aggregates without touching the table.
  `CREATE INDEX orders_placed ON orders
     (placed_at, currency, status, total_minor, refunded_minor, customer_id, customer_order_seq)`,
  `CREATE INDEX orders_customer ON orders (customer_id, placed_at, customer_order_seq)`,
  `CREATE INDEX orders_number ON orders (order_number)`,
  `CREATE TABLE order_lines (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    store_id INTEGER NOT NULL REFERENCES stores(id),
    external_id TEXT NOT NULL,
    product_id INTEGER REFERENCES products(id),
    title TEXT NOT NULL,
    sku TEXT,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_minor INTEGER NOT NULL,
    discount_minor INTEGER NOT NULL DEFAULT 0,
    total_minor INTEGER NOT NULL,
    UNIQUE (store_id, external_id)
  )`,
  `CREATE INDEX order_lines_order ON order_lines (order_id)`,
  `CREATE INDEX order_lines_product ON order_lines (product_id)`,
  `CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    store_id INTEGER NOT NULL REFERENCES stores(id),
    external_id TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'sale' CHECK (kind IN ('authorization','capture','sale','void','refund')),
    method TEXT NOT NULL,
    gateway TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending','success','failure','error')),
    amount_minor INTEGER NOT NULL,
    currency TEXT NOT NULL,
    error_code TEXT,
    processed_at TEXT NOT NULL,
    remote_updated_at TEXT,
    UNIQUE (store_id, external_id)
  )`,
  `CREATE INDEX payments_order ON payments (order_id)`,
  `CREATE INDEX payments_processed ON payments (processed_at)`,
  `CREATE TABLE refunds (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    store_id INTEGER NOT NULL REFERENCES stores(id),
    external_id TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
    currency TEXT NOT NULL,
    reason TEXT,
    note TEXT,
    refunded_at TEXT NOT NULL,
    remote_updated_at TEXT,
    UNIQUE (store_id, external_id)
  )`,
  `CREATE INDEX refunds_order ON refunds (order_id)`,
  `CREATE TABLE shipments (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    store_id INTEGER NOT NULL REFERENCES stores(id),
    external_id TEXT NOT NULL,
    carrier TEXT NOT NULL,
    service TEXT,
    tracking_number TEXT,
    tracking_url TEXT,
    status TEXT NOT NULL CHECK (status IN ('Pending','InfoReceived','InTransit','OutForDelivery',
      'AttemptFail','Delivered','AvailableForPickup','Exception','Expired')),
    sub_status TEXT,
    destination_country TEXT,
    destination_region TEXT,
    shipped_at TEXT,
    original_estimated_delivery_at TEXT,
    estimated_delivery_at TEXT,
    delivered_at TEXT,
    last_event_at TEXT,
    remote_updated_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (store_id, external_id)
  )`,
  `CREATE INDEX shipments_order ON shipments (order_id)`,
  `CREATE INDEX shipments_status ON shipments (status, shipped_at)`,
  `CREATE TABLE tracking_events (
    id INTEGER PRIMARY KEY,
    shipment_id INTEGER NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
    occurred_at TEXT NOT NULL,
    status TEXT NOT NULL,
    sub_status TEXT,
    location TEXT,
    message TEXT,
    -- the same scan reported twice by a provider is one event
    UNIQUE (shipment_id, occurred_at, status)
  )`,
  // Append-only: a balance is the sum of its entries; corrections are new entries.
  `CREATE TABLE points_ledger (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    entry_type TEXT NOT NULL CHECK (entry_type IN ('earn','bonus','redeem','expire','adjust','reverse')),
    points INTEGER NOT NULL CHECK (points <> 0),
    order_id INTEGER REFERENCES orders(id),
    -- the event this entry records (e.g. 'order:123:earn'); the same event never posts twice
    idempotency_key TEXT NOT NULL UNIQUE,
    available_at TEXT NOT NULL,
    expires_at TEXT,
    reason TEXT,
    staff_id INTEGER REFERENCES staff(id),
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX points_ledger_customer ON points_ledger (customer_id, created_at)`,
  `CREATE INDEX points_ledger_order ON points_ledger (order_id)`,
  `CREATE TRIGGER points_ledger_no_update BEFORE UPDATE ON points_ledger
     BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only'); END`,
  `CREATE TRIGGER points_ledger_no_delete BEFORE DELETE ON points_ledger
     BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only'); END`,
  `CREATE TABLE tickets (
    id INTEGER PRIMARY KEY,
    store_id INTEGER REFERENCES stores(id),
    external_id TEXT,
    customer_id INTEGER REFERENCES customers(id),
    order_id INTEGER REFERENCES orders(id),
    channel TEXT NOT NULL CHECK (channel IN
      ('email','chat','phone','marketplace','review','return','manual')),
    subject TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN
      ('new','open','waiting_customer','waiting_third_party','solved','closed')),
    priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low','normal','high','urgent')),
    assignee_id INTEGER REFERENCES staff(id),
    tags TEXT NOT NULL DEFAULT '[]',
    first_replied_at TEXT,
    solved_at TEXT,
    csat_score INTEGER CHECK (csat_score BETWEEN 1 AND 5),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (store_id, external_id)
  )`,
  `CREATE INDEX tickets_status ON tickets (status, priority)`,
  `CREATE INDEX tickets_customer ON tickets (customer_id)`,
  `CREATE TABLE ticket_messages (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    author_type TEXT NOT NULL CHECK (author_type IN ('customer','staff','system')),
    staff_id INTEGER REFERENCES staff(id),
    visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public','internal')),
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, created_at)`,
  `CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    store_id INTEGER REFERENCES stores(id),
    external_id TEXT,
    customer_id INTEGER REFERENCES customers(id),
    order_id INTEGER REFERENCES orders(id),
    product_id INTEGER REFERENCES products(id),
    source TEXT NOT NULL CHECK (source IN ('review','survey','csat','nps','message')),
    rating INTEGER,
    title TEXT,
    body TEXT,
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','acknowledged','actioned','archived')),
    ticket_id INTEGER REFERENCES tickets(id),
    created_at TEXT NOT NULL,
    UNIQUE (store_id, external_id)
  )`,
  `CREATE INDEX feedback_created ON feedback (created_at)`,
  `CREATE TABLE returns (
    id INTEGER PRIMARY KEY,
    store_id INTEGER REFERENCES stores(id),
    external_id TEXT,
    rma_number TEXT NOT NULL UNIQUE,
    order_id INTEGER NOT NULL REFERENCES orders(id),
    customer_id INTEGER REFERENCES customers(id),
    status TEXT NOT NULL CHECK (status IN
      ('requested','approved','rejected','in_transit','received','refunded','closed')),
    reason TEXT NOT NULL,
    resolution TEXT CHECK (resolution IN ('refund','exchange','store_credit')),
    refund_minor INTEGER,
    currency TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    received_at TEXT,
    closed_at TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (store_id, external_id)
  )`,
  `CREATE INDEX returns_order ON returns (order_id)`,
  `CREATE TABLE return_lines (
    id INTEGER PRIMARY KEY,
    return_id INTEGER NOT NULL REFERENCES returns(id) ON DELETE CASCADE,
    order_line_id INTEGER NOT NULL REFERENCES order_lines(id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    reason TEXT
  )`,
  `CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE sync_state (
    store_id INTEGER NOT NULL REFERENCES stores(id),
    resource TEXT NOT NULL,
    cursor_updated_at TEXT,
    cursor_external_id TEXT,
    last_started_at TEXT,
    last_succeeded_at TEXT,
    last_error TEXT,
    PRIMARY KEY (store_id, resource)
  )`,
  `CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    store_id INTEGER NOT NULL REFERENCES stores(id),
    idempotency_key TEXT NOT NULL UNIQUE,
    operation TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id INTEGER,
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','done','failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    completed_at TEXT
  )`,
  `CREATE INDEX outbox_pending ON outbox (status, next_attempt_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
