import type { QueueCounts, QueueName } from '../../../shared/contract/tickets';
import type { Sqlite } from '../../db/connection';
import type { SqlParams } from '../orders/sql-params';
import { loadSlaPolicy } from './sla/clock';
import { OPEN_TICKET } from './ticket-row';

/**
 * The built-in queues: each a filter over open tickets. The conditions are
 * written exactly like the WHERE clauses of migration 0009's partial indexes,
 * which is what lets SQLite use them; change both together.
 */
export const DUE_KEY = `ifnull(t.sla_due_at, '~')`;
const RETURNS = `(t.channel = 'return' OR t.return_id IS NOT NULL)`;
const NEGATIVE_FEEDBACK = `(t.channel = 'review' OR t.feedback_id IS NOT NULL)`;

/** "Breaching or about to": due before now plus the policy's warning time. */
export function breachingBefore(sqlite: Sqlite, now: Date): string {
  const { warningMinutes } = loadSlaPolicy(sqlite);
  return new Date(now.getTime() + warningMinutes * 60_000).toISOString();
}

/** The partial index (migration 0009) each queue reads: its rows are exactly the queue's candidates. */
export const QUEUE_INDEX: Record<QueueName, string> = {
  all_open: 'tickets_open_due',
  unassigned: 'tickets_open_assignee',
  mine: 'tickets_open_assignee',
  sla_breaching: 'tickets_open_due',
  waiting_customer: 'tickets_open_status',
  returns: 'tickets_open_returns',
  negative_feedback: 'tickets_open_feedback',
};

export function queueCondition(
  queue: QueueName,
  params: SqlParams,
  context: { staffId: number | undefined; breachingBefore: string },
): string {
  switch (queue) {
    case 'all_open':
      return OPEN_TICKET;
    case 'unassigned':
      return `${OPEN_TICKET} AND t.assignee_id IS NULL`;
    case 'mine':
      return `${OPEN_TICKET} AND t.assignee_id = ${params.add('me', context.staffId ?? 0)}`;
    case 'sla_breaching':
      return `${OPEN_TICKET} AND ${DUE_KEY} <= ${params.add('due', context.breachingBefore)}`;
    case 'waiting_customer':
      return `${OPEN_TICKET} AND t.status = 'waiting_customer'`;
    case 'returns':
      return `${OPEN_TICKET} AND ${RETURNS}`;
    case 'negative_feedback':
      return `${OPEN_TICKET} AND ${NEGATIVE_FEEDBACK}`;
  }
}

/**
 * Every queue's count in one pass over the open tickets, read from
 * tickets_open_counts alone (a covering partial index: the table is not touched).
 */
export function countQueues(sqlite: Sqlite, staffId: number | undefined, now: Date): QueueCounts {
  const row = sqlite
    .prepare<{ me: number; due: string }, Omit<QueueCounts, 'asOf'>>(
      `SELECT count(*) AS all_open,
              count(*) FILTER (WHERE t.assignee_id IS NULL) AS unassigned,
              count(*) FILTER (WHERE t.assignee_id = @me) AS mine,
              count(*) FILTER (WHERE t.sla_due_at <= @due) AS sla_breaching,
              count(*) FILTER (WHERE t.status = 'waiting_customer') AS waiting_customer,
              count(*) FILTER (WHERE ${RETURNS}) AS returns,
              count(*) FILTER (WHERE ${NEGATIVE_FEEDBACK}) AS negative_feedback
         FROM tickets t INDEXED BY tickets_open_counts
        WHERE ${OPEN_TICKET}`,
    )
    .get({ me: staffId ?? 0, due: breachingBefore(sqlite, now) });
  return { ...(row as Omit<QueueCounts, 'asOf'>), asOf: now.toISOString() };
}
