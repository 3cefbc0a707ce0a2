import { sql, type Kysely } from 'kysely';

/**
 * 0002 — the audit log: every local change a person makes (notes, tags, local
 * refunds, manual point adjustments, merges) with who made it and when.
 * FROZEN once landed. Append-only like the points ledger: the triggers refuse
 * UPDATE and DELETE, so the trail shown to the merchant is the trail written.
 */
const statements = [
  `CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    staff_id INTEGER REFERENCES staff(id),
    entity_type TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
  )`,
  `CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, id)`,
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
