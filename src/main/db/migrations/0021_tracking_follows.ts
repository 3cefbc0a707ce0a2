import { sql, type Kysely } from 'kysely';

/**
 * 0021 — which shipments the tracking provider follows (issue 7, tracking).
 * A row says the provider has a tracking for the shipment (its id there, the
 * carrier slug it settled on) and the provider's own update time of what was
 * last applied: the newest of those, less an overlap, is where the next
 * "trackings updated since" listing starts, on the provider's clock.
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements = [
  `CREATE TABLE tracking_follows (
    shipment_id INTEGER PRIMARY KEY REFERENCES shipments(id) ON DELETE CASCADE,
    provider TEXT NOT NULL,
    remote_id TEXT NOT NULL,
    slug TEXT,
    remote_updated_at TEXT,
    followed_at TEXT NOT NULL
  )`,
  // Not unique: two shipments can carry one parcel (orders packed together), so one tracking updates both.
  `CREATE INDEX tracking_follows_remote ON tracking_follows (provider, remote_id)`,
  `CREATE INDEX tracking_follows_updated ON tracking_follows (provider, remote_updated_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
