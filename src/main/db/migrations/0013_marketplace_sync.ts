import { sql, type Kysely } from 'kysely';

/**
 * 0013 — marketplace sync: how a store connects (never its secret: that lives
 * in the OS keychain or an encrypted file, see src/main/sync/secrets), the runs
 * and their log, records quarantined with their reason, imported CSV files (so
 * the same file twice changes nothing), and an outbox whose failed messages the
 * merchant may discard, sent in order per entity.
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements = [
  `ALTER TABLE stores ADD COLUMN shop_url TEXT`,
  `ALTER TABLE stores ADD COLUMN sync_resources TEXT NOT NULL DEFAULT '["products","customers","orders"]'`,
  `ALTER TABLE stores ADD COLUMN sync_interval_minutes INTEGER NOT NULL DEFAULT 15 CHECK (sync_interval_minutes >= 0)`,
  `ALTER TABLE stores ADD COLUMN connected_at TEXT`,
  `ALTER TABLE stores ADD COLUMN disconnected_at TEXT`,
  // 'os' (keychain via Electron safeStorage) or 'file' (encrypted file keyed by the profile); NULL: no secret kept
  `ALTER TABLE stores ADD COLUMN secret_store TEXT CHECK (secret_store IN ('os','file'))`,
  `ALTER TABLE sync_state ADD COLUMN remote_total INTEGER`,
  `ALTER TABLE sync_state ADD COLUMN last_run_id INTEGER`,
  `CREATE TABLE sync_runs (
    id INTEGER PRIMARY KEY,
    store_id INTEGER NOT NULL REFERENCES stores(id),
    trigger TEXT NOT NULL CHECK (trigger IN ('manual','schedule','startup')),
    status TEXT NOT NULL CHECK (status IN ('running','succeeded','failed','cancelled')),
    resources TEXT NOT NULL,
    fetched INTEGER NOT NULL DEFAULT 0,
    created INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    quarantined INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    started_at TEXT NOT NULL,
    finished_at TEXT
  )`,
  `CREATE INDEX sync_runs_store ON sync_runs (store_id, id)`,
  `CREATE TABLE sync_log (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES sync_runs(id),
    at TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('info','warning','error')),
    resource TEXT,
    message TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
  )`,
  `CREATE INDEX sync_log_run ON sync_log (run_id, id)`,
  `CREATE TABLE sync_quarantine (
    id INTEGER PRIMARY KEY,
    store_id INTEGER NOT NULL REFERENCES stores(id),
    run_id INTEGER REFERENCES sync_runs(id),
    resource TEXT NOT NULL,
    external_id TEXT,
    reason TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_at TEXT
  )`,
  `CREATE INDEX sync_quarantine_store ON sync_quarantine (store_id, resolved_at, id)`,
  `CREATE TABLE import_files (
    id INTEGER PRIMARY KEY,
    store_id INTEGER NOT NULL REFERENCES stores(id),
    format TEXT NOT NULL,
    file_name TEXT,
    -- sha-256 of the file's bytes: the same file imported again is recognised
    content_hash TEXT NOT NULL,
    rows INTEGER NOT NULL,
    staff_id INTEGER REFERENCES staff(id),
    imported_at TEXT NOT NULL,
    UNIQUE (store_id, content_hash)
  )`,
  `CREATE TABLE outbox_v13 (
    id INTEGER PRIMARY KEY,
    store_id INTEGER NOT NULL REFERENCES stores(id),
    idempotency_key TEXT NOT NULL UNIQUE,
    operation TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id INTEGER,
    -- messages about one entity ('order:42') are sent in id order, one at a time
    entity_key TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','done','failed','discarded')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    last_http_status INTEGER,
    created_at TEXT NOT NULL,
    completed_at TEXT
  )`,
  `INSERT INTO outbox_v13 (id, store_id, idempotency_key, operation, target_type, target_id, entity_key, payload, status,
       attempts, next_attempt_at, last_error, created_at, completed_at)
     SELECT id, store_id, idempotency_key, operation, target_type, target_id,
       target_type || ':' || coalesce(target_id, id), payload, status, attempts, next_attempt_at, last_error, created_at,
       completed_at
     FROM outbox`,
  `DROP TABLE outbox`,
  `ALTER TABLE outbox_v13 RENAME TO outbox`,
  `CREATE INDEX outbox_pending ON outbox (status, next_attempt_at)`,
  `CREATE INDEX outbox_entity ON outbox (store_id, entity_key, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
