import { sql, type Kysely } from 'kysely';

/**
 * 0007 — searches by email and phone go through the normalized indexes of
 * migration 0004 (lower-cased email, phone digits), which also find
 * "Ava@Example.COM" and "(416) 555-0101"; the raw-value indexes of 0001 are no
 * longer read, and each cost about half a second to build per 500k customers.
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements = ['DROP INDEX customers_email', 'DROP INDEX customers_phone'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
