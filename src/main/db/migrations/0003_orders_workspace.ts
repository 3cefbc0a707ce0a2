import { sql, type Kysely } from 'kysely';

/**
 * 0003 — orders workspace (filter and sort indexes, order tags, saved views).
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
const statements: string[] = [];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
