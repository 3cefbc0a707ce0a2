import { sql, type Kysely } from 'kysely';

/**
 * 0009 — service queues: the indexes that keep every queue's count and first
 * page fast at a million orders, the idempotency key of ticket creation, and
 * the undo snapshots of bulk actions.
 *
 * Every queue is a filter over OPEN tickets (not solved, not closed, not merged
 * away): a few thousand rows even when the table holds hundreds of thousands.
 * The queue indexes are therefore partial over that set, so they stay small and
 * each queue's first page is a walk of its own index in the default order
 * (earliest SLA deadline first, no deadline last: `ifnull(sla_due_at, '~')`,
 * since '~' sorts after every ISO time). The WHERE clauses must stay textually
 * the same as OPEN_TICKET and the queue conditions in domain/service/queues.ts,
 * or SQLite will not use them (tests/unit/queues-plan.test.ts checks).
 * FROZEN once landed.
 */
const OPEN = `status NOT IN ('solved','closed') AND merged_into_id IS NULL`;
const DUE = `ifnull(sla_due_at, '~')`;

const statements = [
  `ALTER TABLE tickets ADD COLUMN idempotency_key TEXT`,
  `CREATE UNIQUE INDEX tickets_idempotency ON tickets (idempotency_key) WHERE idempotency_key IS NOT NULL`,
  // all open tickets by deadline; also the range scan of "breaching or about to breach"
  `CREATE INDEX tickets_open_due ON tickets (${DUE}, id) WHERE ${OPEN}`,
  // unassigned (assignee_id IS NULL) and mine, by deadline
  `CREATE INDEX tickets_open_assignee ON tickets (assignee_id, ${DUE}, id) WHERE ${OPEN}`,
  // waiting on customer (and any status filter), by deadline
  `CREATE INDEX tickets_open_status ON tickets (status, ${DUE}, id) WHERE ${OPEN}`,
  `CREATE INDEX tickets_open_returns ON tickets (${DUE}, id)
     WHERE ${OPEN} AND (channel = 'return' OR return_id IS NOT NULL)`,
  `CREATE INDEX tickets_open_feedback ON tickets (${DUE}, id)
     WHERE ${OPEN} AND (channel = 'review' OR feedback_id IS NOT NULL)`,
  // every queue's count in one pass over the open set, without touching the table
  // (merged_into_id too: SQLite reads the partial index's own WHERE columns from the index to cover the query)
  `CREATE INDEX tickets_open_counts
     ON tickets (assignee_id, status, channel, sla_due_at, return_id, feedback_id, merged_into_id)
     WHERE ${OPEN}`,
  // Past tickets (a status filter with solved or closed) by deadline, last change or creation:
  // a walk that stops after a page instead of sorting every ticket ever solved.
  `CREATE INDEX tickets_due_all ON tickets (${DUE}, id)`,
  `CREATE INDEX tickets_updated ON tickets (updated_at, id)`,
  `CREATE INDEX tickets_created ON tickets (created_at, id)`,
  `CREATE INDEX tickets_merged_into ON tickets (merged_into_id) WHERE merged_into_id IS NOT NULL`,
  `CREATE INDEX tickets_shipment ON tickets (shipment_id) WHERE shipment_id IS NOT NULL`,
  // What a bulk action changed, so tickets.undo can put exactly that back.
  `CREATE TABLE ticket_bulk_undo (
    token TEXT PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    action TEXT NOT NULL,
    -- JSON [{ "id", "version" (after the action), "assigneeId", "tags", "status", ... (before) }]
    snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    undone_at TEXT
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
