import { sql, type Kysely } from 'kysely';

/**
 * 0017 — a push that loses a race is reported, and the merchant decides.
 * When the shop changed an order after the local change was made, the push of
 * that change stops (the marketplace owns orders) and the outbox row fails
 * with a sentence saying so. `race_seen_at` keeps the shop's change time it
 * lost to: sending the row again ("send anyway") only stops for a change on
 * the shop newer than that. NULL: no race seen; the row's created_at is the
 * line a shop change must cross to count as one.
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements = [
  `ALTER TABLE outbox ADD COLUMN race_seen_at TEXT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
