import { sql, type Kysely } from 'kysely';

/**
 * 0008 — the service desk: tickets with SLA clocks, versions and merges;
 * message attachments; CSAT requests; macros and knowledge-base articles;
 * feedback sentiment and topics; returns with the full RMA lifecycle
 * (requested → approved | declined → in transit → received → inspected →
 * resolved → closed), one event per step, and staff roles owner / manager / agent.
 *
 * `staff` and `returns` change CHECK constraints, which SQLite can only do by
 * rebuilding the table (https://sqlite.org/lang_altertable.html#otheralter):
 * this migration runs with foreign keys off and is checked with
 * `PRAGMA foreign_key_check` before it commits (see migrate.ts).
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
export const rebuildsTables = true;

const staff = [
  `CREATE TABLE staff_v8 (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT UNIQUE,
    role TEXT NOT NULL DEFAULT 'agent' CHECK (role IN ('owner','manager','agent')),
    capacity INTEGER NOT NULL DEFAULT 20 CHECK (capacity >= 0),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
  )`,
  `INSERT INTO staff_v8 (id, name, email, role, capacity, active, created_at)
     SELECT id, name, email, CASE role WHEN 'admin' THEN 'manager' ELSE role END, capacity, active, created_at FROM staff`,
  `DROP TABLE staff`,
  `ALTER TABLE staff_v8 RENAME TO staff`,
];

const returns = [
  `CREATE TABLE returns_v8 (
    id INTEGER PRIMARY KEY,
    store_id INTEGER REFERENCES stores(id),
    external_id TEXT,
    rma_number TEXT NOT NULL UNIQUE,
    order_id INTEGER NOT NULL REFERENCES orders(id),
    customer_id INTEGER REFERENCES customers(id),
    status TEXT NOT NULL CHECK (status IN
      ('requested','approved','declined','in_transit','received','inspected','resolved','closed')),
    reason TEXT NOT NULL,
    note TEXT,
    resolution TEXT CHECK (resolution IN ('refund','exchange','store_credit')),
    refund_minor INTEGER CHECK (refund_minor >= 0),
    restocking_fee_minor INTEGER NOT NULL DEFAULT 0 CHECK (restocking_fee_minor >= 0),
    return_shipping_minor INTEGER NOT NULL DEFAULT 0 CHECK (return_shipping_minor >= 0),
    currency TEXT NOT NULL,
    -- what the policy check found when the request was made, e.g. ["outside_window"]
    policy_flags TEXT NOT NULL DEFAULT '[]',
    refund_id INTEGER REFERENCES refunds(id),
    ticket_id INTEGER REFERENCES tickets(id),
    requested_at TEXT NOT NULL,
    received_at TEXT,
    resolved_at TEXT,
    closed_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    UNIQUE (store_id, external_id)
  )`,
  `INSERT INTO returns_v8 (id, store_id, external_id, rma_number, order_id, customer_id, status, reason, resolution,
       refund_minor, currency, requested_at, received_at, resolved_at, closed_at, updated_at)
     SELECT id, store_id, external_id, rma_number, order_id, customer_id,
       CASE status WHEN 'rejected' THEN 'declined' WHEN 'refunded' THEN 'resolved' ELSE status END,
       reason, resolution, refund_minor, currency, requested_at, received_at,
       CASE WHEN status IN ('refunded','closed') AND resolution IS NOT NULL THEN updated_at END,
       closed_at, updated_at
     FROM returns`,
  `DROP TABLE returns`,
  `ALTER TABLE returns_v8 RENAME TO returns`,
  `CREATE INDEX returns_order ON returns (order_id)`,
  `CREATE INDEX returns_customer ON returns (customer_id, requested_at)`,
  `CREATE INDEX returns_status ON returns (status, updated_at)`,
  // Who moved a return to which step, and when: the lifecycle is read from here.
  `CREATE TABLE return_events (
    id INTEGER PRIMARY KEY,
    return_id INTEGER NOT NULL REFERENCES returns(id),
    from_status TEXT,
    to_status TEXT NOT NULL,
    staff_id INTEGER REFERENCES staff(id),
    note TEXT,
    idempotency_key TEXT UNIQUE,
    at TEXT NOT NULL
  )`,
  `CREATE INDEX return_events_return ON return_events (return_id, at)`,
];

const tickets = [
  `ALTER TABLE tickets ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
  `ALTER TABLE tickets ADD COLUMN merged_into_id INTEGER REFERENCES tickets(id)`,
  `ALTER TABLE tickets ADD COLUMN feedback_id INTEGER REFERENCES feedback(id)`,
  `ALTER TABLE tickets ADD COLUMN return_id INTEGER REFERENCES returns(id)`,
  `ALTER TABLE tickets ADD COLUMN shipment_id INTEGER REFERENCES shipments(id)`,
  // SLA clocks (UTC ISO). sla_due_at is the earliest running deadline: NULL while
  // paused, solved, closed or without a policy, so "breaching" is one range scan.
  `ALTER TABLE tickets ADD COLUMN first_reply_due_at TEXT`,
  `ALTER TABLE tickets ADD COLUMN next_reply_due_at TEXT`,
  `ALTER TABLE tickets ADD COLUMN resolution_due_at TEXT`,
  `ALTER TABLE tickets ADD COLUMN sla_due_at TEXT`,
  `ALTER TABLE tickets ADD COLUMN sla_paused_at TEXT`,
  // business minutes of the resolution target left when the clock was paused
  `ALTER TABLE tickets ADD COLUMN resolution_left_minutes INTEGER`,
  `ALTER TABLE tickets ADD COLUMN last_customer_message_at TEXT`,
  `ALTER TABLE tickets ADD COLUMN first_reply_breached INTEGER CHECK (first_reply_breached IN (0,1))`,
  `ALTER TABLE tickets ADD COLUMN next_reply_breaches INTEGER NOT NULL DEFAULT 0`,
  `ALTER TABLE tickets ADD COLUMN resolution_breached INTEGER CHECK (resolution_breached IN (0,1))`,
  `ALTER TABLE tickets ADD COLUMN solved_by_id INTEGER REFERENCES staff(id)`,
  // JSON array of file references: [{ "name", "path", "size", "mime" }]
  `ALTER TABLE ticket_messages ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]'`,
  `ALTER TABLE ticket_messages ADD COLUMN idempotency_key TEXT`,
  `CREATE UNIQUE INDEX ticket_messages_idempotency ON ticket_messages (idempotency_key) WHERE idempotency_key IS NOT NULL`,
  `CREATE TABLE csat_requests (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets(id),
    code TEXT NOT NULL UNIQUE,
    message TEXT NOT NULL,
    staff_id INTEGER REFERENCES staff(id),
    created_at TEXT NOT NULL,
    responded_at TEXT,
    -- the answer is kept with the rest of the feedback (source 'csat')
    feedback_id INTEGER REFERENCES feedback(id)
  )`,
  `CREATE INDEX csat_requests_ticket ON csat_requests (ticket_id)`,
  `CREATE TABLE macros (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('en','zh-CN')),
    body TEXT NOT NULL,
    -- { "status"?: TicketStatus, "addTags"?: string[], "priority"?: TicketPriority }
    actions TEXT NOT NULL DEFAULT '{}',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (name, language)
  )`,
  `CREATE TABLE kb_articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('en','zh-CN')),
    body TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
];

const feedback = [
  `ALTER TABLE feedback ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
  // -1..1 from the rating and a lexicon text score; label derived from it
  `ALTER TABLE feedback ADD COLUMN sentiment_score REAL`,
  `ALTER TABLE feedback ADD COLUMN sentiment TEXT CHECK (sentiment IN ('negative','neutral','positive'))`,
  `ALTER TABLE feedback ADD COLUMN topics TEXT NOT NULL DEFAULT '[]'`,
  `ALTER TABLE feedback ADD COLUMN language TEXT`,
  `ALTER TABLE feedback ADD COLUMN imported_from TEXT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [...staff, ...returns, ...tickets, ...feedback]) {
    await sql.raw(statement).execute(db);
  }
}
