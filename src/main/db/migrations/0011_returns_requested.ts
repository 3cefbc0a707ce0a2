import { sql, type Kysely } from 'kysely';

/**
 * 0011 — returns newest first: the returns list pages by (requested_at, id),
 * so its first page walks this index and stops after a page instead of
 * sorting every return of a large store (see tests/unit/returns-plan.test.ts).
 * FROZEN once landed: never edit after it is committed; add a new migration instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('CREATE INDEX returns_requested ON returns (requested_at, id)').execute(db);
}
