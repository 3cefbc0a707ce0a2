import { sql, type Kysely } from 'kysely';

/**
 * 0010 — where each SLA clock started, so a change of priority, channel or
 * policy can recompute a running deadline "from the start, keeping paused
 * time out" without replaying the ticket's history:
 * - resolution_started_at: the creation time, or the reopen time after a solve;
 * - resolution_paused_minutes: business minutes the resolution clock has been
 *   paused since it started (waiting on the customer);
 * - next_reply_started_at: the customer message that started the running
 *   next-reply clock (last_customer_message_at moves with every message).
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements = [
  'ALTER TABLE tickets ADD COLUMN resolution_started_at TEXT',
  'ALTER TABLE tickets ADD COLUMN resolution_paused_minutes INTEGER NOT NULL DEFAULT 0',
  'ALTER TABLE tickets ADD COLUMN next_reply_started_at TEXT',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
