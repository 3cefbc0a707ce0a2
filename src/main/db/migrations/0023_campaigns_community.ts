import { sql, type Kysely } from 'kysely';

/**
 * 0023 — campaigns measured against a holdout, lucky draws, and the community
 * (issue 8).
 *
 * A campaign's audience is resolved and FROZEN at launch into campaign_members:
 * each member's arm (treatment or holdout) comes from a hash of the campaign's
 * salt and the customer id, so it is the same on every evaluation, and the
 * report compares the two arms from the launch on. Customers left out for want
 * of marketing consent are counted on the campaign, never enrolled.
 * Launch is one IMMEDIATE transaction guarded by the status and the launch key:
 * a second launch (another click, another staff member) finds it launched.
 * Every points posting goes through the ledger with a campaign key
 * (campaign:<id>:...), every coupon has a unique code and idempotency key.
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements = [
  `CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    goal TEXT NOT NULL CHECK (goal IN ('reactivate','upsell','reward')),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','launched','cancelled')),
    store_id INTEGER REFERENCES stores(id),
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    audience TEXT NOT NULL,
    holdout_percent REAL NOT NULL DEFAULT 10 CHECK (holdout_percent >= 0 AND holdout_percent <= 50),
    holdout_salt TEXT NOT NULL,
    mechanics TEXT NOT NULL DEFAULT '[]',
    note TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_by INTEGER REFERENCES staff(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    launched_at TEXT,
    launched_by INTEGER REFERENCES staff(id),
    audience_count INTEGER,
    excluded_no_consent INTEGER,
    cancelled_at TEXT
  )`,
  `CREATE INDEX campaigns_window ON campaigns (starts_at, ends_at)`,
  `CREATE TABLE campaign_members (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    arm TEXT NOT NULL CHECK (arm IN ('treatment','holdout')),
    PRIMARY KEY (campaign_id, customer_id)
  ) WITHOUT ROWID`,
  `CREATE INDEX campaign_members_customer ON campaign_members (customer_id, campaign_id)`,
  `CREATE TABLE campaign_coupons (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    store_id INTEGER NOT NULL REFERENCES stores(id),
    code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('fixed_amount','percent','free_shipping')),
    value_minor INTEGER,
    percent REAL,
    min_order_minor INTEGER NOT NULL DEFAULT 0,
    currency TEXT,
    expires_at TEXT,
    status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued','used','void')),
    used_order_id INTEGER REFERENCES orders(id),
    issued_at TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE
  )`,
  `CREATE INDEX campaign_coupons_campaign ON campaign_coupons (campaign_id, customer_id)`,
  `CREATE INDEX campaign_coupons_expiry ON campaign_coupons (expires_at) WHERE status = 'issued'`,
  `CREATE TABLE campaign_prices (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products(id),
    price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
    PRIMARY KEY (campaign_id, product_id)
  ) WITHOUT ROWID`,
  `CREATE TABLE campaign_checkins (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    day TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('staff','import','order')),
    staff_id INTEGER REFERENCES staff(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (campaign_id, customer_id, day)
  ) WITHOUT ROWID`,
  `CREATE TABLE draws (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    name TEXT NOT NULL,
    weighting TEXT NOT NULL CHECK (weighting IN ('none','tier','points')),
    winners_count INTEGER NOT NULL CHECK (winners_count > 0),
    prize TEXT NOT NULL,
    seed TEXT NOT NULL,
    entrants TEXT NOT NULL,
    entrants_hash TEXT NOT NULL,
    winners TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    run_at TEXT NOT NULL,
    run_by INTEGER REFERENCES staff(id)
  )`,
  `CREATE INDEX draws_campaign ON draws (campaign_id, id)`,
  `CREATE TABLE community_groups (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL CHECK (platform IN ('wechat','qq','whatsapp','discord','facebook','other')),
    name TEXT NOT NULL,
    link TEXT,
    owner TEXT,
    moderators TEXT NOT NULL DEFAULT '[]',
    rules TEXT NOT NULL DEFAULT '',
    archived_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE community_members (
    group_id INTEGER NOT NULL REFERENCES community_groups(id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member','moderator')),
    source TEXT NOT NULL CHECK (source IN ('import','profile')),
    joined_at TEXT NOT NULL,
    PRIMARY KEY (group_id, customer_id)
  ) WITHOUT ROWID`,
  `CREATE INDEX community_members_customer ON community_members (customer_id)`,
  `CREATE TABLE community_notes (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES community_groups(id) ON DELETE CASCADE,
    customer_id INTEGER REFERENCES customers(id),
    body TEXT NOT NULL,
    staff_id INTEGER REFERENCES staff(id),
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX community_notes_group ON community_notes (group_id, id)`,
  `CREATE TABLE honours (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    board TEXT NOT NULL CHECK (board IN ('reviewers','referrers','points')),
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    rank INTEGER NOT NULL,
    badge TEXT NOT NULL,
    points INTEGER NOT NULL DEFAULT 0,
    ledger_entry_id INTEGER REFERENCES points_ledger(id),
    staff_id INTEGER REFERENCES staff(id),
    awarded_at TEXT NOT NULL,
    UNIQUE (board, period_from, period_to, customer_id)
  )`,
  `CREATE INDEX honours_customer ON honours (customer_id)`,
  `CREATE TABLE announcements (
    id INTEGER PRIMARY KEY,
    title_en TEXT NOT NULL,
    title_zh TEXT NOT NULL,
    body_en TEXT NOT NULL,
    body_zh TEXT NOT NULL,
    group_ids TEXT NOT NULL DEFAULT '[]',
    campaign_id INTEGER REFERENCES campaigns(id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE message_templates (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    body_en TEXT NOT NULL,
    body_zh TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
