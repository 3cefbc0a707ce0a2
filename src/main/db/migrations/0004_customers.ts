import { sql, type Kysely } from 'kysely';

/**
 * 0004 — customers (search indexes, RFM scores and segments, merges).
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements: string[] = [];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
