import { sql, type Kysely } from 'kysely';

/**
 * 0012 — the feedback inbox: an idempotency key for feedback entered by hand
 * (a retried save returns the first item, never a second one), a flag for
 * topics a person set by hand (re-applying the keyword rules leaves those
 * alone), and the index the product filter and the product trends walk.
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements = [
  `ALTER TABLE feedback ADD COLUMN idempotency_key TEXT`,
  `CREATE UNIQUE INDEX feedback_idempotency ON feedback (idempotency_key) WHERE idempotency_key IS NOT NULL`,
  `ALTER TABLE feedback ADD COLUMN topics_manual INTEGER NOT NULL DEFAULT 0 CHECK (topics_manual IN (0,1))`,
  `CREATE INDEX feedback_product ON feedback (product_id, created_at) WHERE product_id IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
