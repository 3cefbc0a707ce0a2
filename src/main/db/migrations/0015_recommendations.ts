import { sql, type Kysely } from 'kysely';

/**
 * 0015 — recommendation tuning (issue 6): the merchant's settings (one row,
 * versioned so a stale save is refused), trained models (the engine's
 * serialized model kept with the window of orders it learned from), offline
 * evaluations with their configuration, split and figures, and what was last
 * published to each store, so "what will change" compares against it.
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements = [
  `CREATE TABLE recs_config (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    config TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES staff(id)
  )`,
  `CREATE TABLE recs_models (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('training','ready','failed','cancelled')),
    started_at TEXT NOT NULL,
    finished_at TEXT,
    data_from TEXT,
    data_to TEXT,
    orders_used INTEGER NOT NULL DEFAULT 0,
    products INTEGER NOT NULL DEFAULT 0,
    customers INTEGER NOT NULL DEFAULT 0,
    options TEXT NOT NULL DEFAULT '{}',
    error TEXT,
    model BLOB
  )`,
  `CREATE INDEX recs_models_ready ON recs_models (status, id)`,
  `CREATE TABLE recs_experiments (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running','done','failed','cancelled')),
    split TEXT NOT NULL,
    split_description TEXT,
    config TEXT NOT NULL,
    ks TEXT NOT NULL,
    data_from TEXT,
    data_to TEXT,
    train_orders INTEGER,
    test_cases INTEGER,
    results TEXT,
    created_at TEXT NOT NULL,
    finished_at TEXT,
    created_by INTEGER REFERENCES staff(id),
    error TEXT
  )`,
  `CREATE TABLE recs_publications (
    id INTEGER PRIMARY KEY,
    store_id INTEGER NOT NULL REFERENCES stores(id),
    model_id INTEGER REFERENCES recs_models(id),
    config_version INTEGER NOT NULL,
    queued INTEGER NOT NULL,
    unchanged INTEGER NOT NULL,
    skipped INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES staff(id)
  )`,
  // The lists as last published per store and product: the baseline of the next "what will change".
  `CREATE TABLE recs_published_lists (
    store_id INTEGER NOT NULL REFERENCES stores(id),
    product_id INTEGER NOT NULL REFERENCES products(id),
    kind TEXT NOT NULL CHECK (kind IN ('related','complementary')),
    product_ids TEXT NOT NULL,
    publication_id INTEGER NOT NULL REFERENCES recs_publications(id),
    PRIMARY KEY (store_id, product_id, kind)
  ) WITHOUT ROWID`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
