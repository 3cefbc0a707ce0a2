import type { SlaState } from '../../../../shared/contract';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../../db/connection';
import { loadSlaPolicy } from './policy';
import { isTerminalStatus, nextSlaClocks, type SlaClockRow, type SlaEventKind } from './rules';

export { loadSlaPolicy } from './policy';

/**
 * A ticket's SLA clocks. The service desk calls `applySlaEvent` inside the
 * transaction of each change, after writing it; this reads the ticket as it
 * now is and stores the clocks. All targets are business minutes on the
 * policy's calendar (calendar.ts); "late" means strictly after the due time.
 *
 * - Targets come from the policy for the ticket's priority; a channel with
 *   its own table (`channelTargets`) uses that instead.
 * - First reply: due = created + first-reply target. The first public staff
 *   reply stops it: first_reply_breached = 1 if it came late, else 0.
 * - Next reply: a customer message after a staff reply starts it (due =
 *   message + next-reply target, unless one already runs: the oldest unanswered
 *   message counts). The next public staff reply stops it; late adds one to
 *   next_reply_breaches. Reply clocks never pause: a reply owed stays owed.
 * - Resolution: due = created + resolution target. While the status is one of
 *   the policy's pauseStatuses the clock stops: sla_paused_at and
 *   resolution_left_minutes (business minutes left, negative if already late)
 *   are stored; on resume due = now + the minutes left, and the paused time is
 *   added to resolution_paused_minutes. A deadline passing during a pause is
 *   not a breach; one that had passed before the pause stays one.
 * - Priority or channel change (and a policy save): the running deadlines are
 *   recomputed from where each clock started (creation, the customer message,
 *   the reopen) with the new targets, keeping paused time out.
 * - Solved or closed: every clock stops. resolution_breached is set (late
 *   solve, or paused with no time left); an unanswered first or next reply is
 *   decided at the solve time, since solving answers the customer.
 * - Reopened (solved/closed → any other status): a new resolution clock with
 *   the full target from the reopen time; resolution_breached is cleared.
 * - sla_due_at is the earliest running deadline, NULL when none runs (solved,
 *   closed, or paused with no reply owed), so "breaching" is one range scan.
 */
export type SlaEvent = {
  kind: 'created' | 'customer_message' | 'staff_public_reply' | 'status_changed' | 'priority_changed' | 'channel_changed';
  at: Date;
};

export const SLA_CLOCK_COLUMNS = [
  'status', 'priority', 'channel', 'created_at', 'first_reply_due_at', 'next_reply_due_at', 'resolution_due_at',
  'sla_due_at', 'sla_paused_at', 'resolution_left_minutes', 'last_customer_message_at', 'first_reply_breached',
  'next_reply_breaches', 'resolution_breached', 'resolution_started_at', 'resolution_paused_minutes',
  'next_reply_started_at',
] as const;

/** The columns applySlaEvent writes: everything it reads except the ticket's own fields. */
const WRITTEN = SLA_CLOCK_COLUMNS.filter((c) => !['status', 'priority', 'channel', 'created_at'].includes(c));

const READ_SQL = `SELECT ${SLA_CLOCK_COLUMNS.join(', ')} FROM tickets WHERE id = ?`;
const WRITE_SQL = `UPDATE tickets SET ${WRITTEN.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;
// Prepared once per connection: the clocks run on every ticket write and 100k times in the demo backfill.
const statements = new WeakMap<Sqlite, { read: Statement<[number], SlaClockRow>; write: Statement<unknown[]> }>();

function statementsFor(sqlite: Sqlite): { read: Statement<[number], SlaClockRow>; write: Statement<unknown[]> } {
  let found = statements.get(sqlite);
  if (!found) {
    found = { read: sqlite.prepare<[number], SlaClockRow>(READ_SQL), write: sqlite.prepare<unknown[]>(WRITE_SQL) };
    statements.set(sqlite, found);
  }
  return found;
}

export function readSlaClockRow(sqlite: Sqlite, ticketId: number): SlaClockRow | undefined {
  return statementsFor(sqlite).read.get(ticketId);
}

export function writeSlaClockRow(sqlite: Sqlite, ticketId: number, row: SlaClockRow): void {
  const values: unknown[] = WRITTEN.map((column) => row[column]);
  values.push(ticketId);
  statementsFor(sqlite).write.run(values);
}

export function applySlaEvent(sqlite: Sqlite, ticketId: number, event: SlaEvent): void {
  const row = readSlaClockRow(sqlite, ticketId);
  if (!row) return;
  if (event.kind === 'created') {
    // The opening message (the customer's words, e.g. typed in from a phone call) counts as theirs.
    const last = sqlite
      .prepare<[number], { at: string | null }>(
        "SELECT MAX(created_at) AS at FROM ticket_messages WHERE ticket_id = ? AND author_type = 'customer'",
      )
      .get(ticketId);
    if (last?.at) row.last_customer_message_at = last.at;
  }
  const next = nextSlaClocks(row, event.kind as SlaEventKind, event.at, loadSlaPolicy(sqlite));
  writeSlaClockRow(sqlite, ticketId, next);
}

/** What a countdown shows: amber within `warningMinutes` of the deadline, red once it passed. */
export function slaStateOf(
  row: {
    status: string;
    sla_due_at: string | null;
    sla_paused_at: string | null;
    first_reply_breached: number | null;
    resolution_breached: number | null;
  },
  now: Date,
  warningMinutes: number,
): SlaState {
  if (isTerminalStatus(row.status)) {
    if (row.resolution_breached === 1 || row.first_reply_breached === 1) return 'missed';
    return row.resolution_breached === 0 ? 'met' : 'none';
  }
  if (row.sla_due_at !== null) {
    const leftMs = Date.parse(row.sla_due_at) - now.getTime();
    if (leftMs <= 0) return 'breached';
    return leftMs <= warningMinutes * 60_000 ? 'warning' : 'ok';
  }
  return row.sla_paused_at !== null ? 'paused' : 'none';
}
