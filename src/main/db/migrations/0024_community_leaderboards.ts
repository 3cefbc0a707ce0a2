import { sql, type Kysely } from 'kysely';

/**
 * 0024 — the "most points earned" leaderboard reads a period of the ledger's
 * credits. The ledger had no index by time (only by customer, order and
 * expiry), so that read scanned every entry (over a million on a large store).
 * This covering partial index holds the ledger's credits (positive entries)
 * by time, with their type, so the board's read is one index range and never
 * touches the table. Entries are written with the current time, so new ones
 * land at the index's end: cheap to keep up on every posting.
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements = [
  `CREATE INDEX points_ledger_credits_by_time ON points_ledger (created_at, entry_type, customer_id, points)
     WHERE points > 0`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
