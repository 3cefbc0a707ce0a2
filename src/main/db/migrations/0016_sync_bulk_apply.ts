import { sql, type Kysely } from 'kysely';

/**
 * 0016 — sync-apply (issue 5): the first full sync of a large shop, and rows
 * the platform removed.
 *
 * - sync_deferred_indexes: the secondary indexes a first backfill dropped (the
 *   apply never reads them, and keeping them up row by row costs more than
 *   sorting them once at the end), each with its exact DDL from sqlite_master.
 *   A row is written in the same transaction as its DROP INDEX and deleted in
 *   the same transaction as its CREATE INDEX, so whatever remains after a crash
 *   names exactly the indexes to rebuild when the database is next opened.
 * - refunds / shipments removed_remotely_at: a refund or shipment deleted on the
 *   platform is deleted here too, unless local data hangs off it (a return's
 *   refund link, its points reversal, a ticket's shipment link, tracking
 *   events): then it is kept and marked with when the platform stopped listing it.
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements = [
  `CREATE TABLE sync_deferred_indexes (
    name TEXT PRIMARY KEY,
    table_name TEXT NOT NULL,
    sql TEXT NOT NULL,
    store_id INTEGER,
    resource TEXT,
    deferred_at TEXT NOT NULL
  )`,
  `ALTER TABLE refunds ADD COLUMN removed_remotely_at TEXT`,
  `ALTER TABLE shipments ADD COLUMN removed_remotely_at TEXT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
