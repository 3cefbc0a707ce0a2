import { sql, type Kysely } from 'kysely';

/**
 * 0014 — where an unfinished listing stands, so a sync killed mid-way resumes
 * at its next page instead of moving the cursor past records it has not read.
 * A listing paged by id (WooCommerce's orderby=id) is not ordered by updated_at:
 * the resource's cursor may only advance once the whole listing is applied, and
 * until then these columns (written in the same transaction as each page) say
 * which listing was under way (its `since`), the connector's token for the next
 * page, and the newest change seen so far.
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements = [
  `ALTER TABLE sync_state ADD COLUMN listing_since TEXT`,
  `ALTER TABLE sync_state ADD COLUMN listing_started_at TEXT`,
  `ALTER TABLE sync_state ADD COLUMN listing_page_token TEXT`,
  `ALTER TABLE sync_state ADD COLUMN listing_page INTEGER`,
  `ALTER TABLE sync_state ADD COLUMN listing_max_updated_at TEXT`,
  `ALTER TABLE sync_state ADD COLUMN listing_max_external_id TEXT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
