import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Sqlite } from '../../src/main/db/connection';
import { ticketsListInput, type InputOf, type QueueName } from '../../src/shared/contract';
import { listTickets } from '../../src/main/domain/service/list';
import { countQueues } from '../../src/main/domain/service/queues';
import { openTicketsByAssignee } from '../../src/main/domain/service/round-robin';
import { capturePlans } from '../helpers/plans';
import { AGENT, NOW, putTicket, serviceShop } from './tickets-fixtures';

/**
 * At a million orders the tickets table holds hundreds of thousands of rows,
 * almost all solved or closed. Every queue must read only the open ones,
 * through migration 0009's partial indexes, and its first page must walk the
 * index in deadline order and stop after a page: never scan the table, never
 * sort the whole queue.
 */
let connection: Connection;
beforeAll(async () => {
  connection = await serviceShop();
  putTicket(connection.sqlite, { id: 1, assigneeId: AGENT, slaDueAt: '2026-03-02T16:00:00.000Z' });
  putTicket(connection.sqlite, { id: 2 });
  putTicket(connection.sqlite, { id: 3, status: 'closed' });
  connection.sqlite.exec('ANALYZE');
});
afterAll(() => connection.close());

const FULL_SORT = /USE TEMP B-TREE FOR ORDER BY/;
const BARE_SCAN = /\bSCAN (t|tickets)\b(?! USING)/;

function pagePlan(input: InputOf<'tickets.list'>): string {
  const plans = capturePlans(connection.sqlite, (spied: Sqlite) => listTickets(spied, ticketsListInput.parse(input), NOW),
    { selectsOnly: true });
  const page = plans.find((p) => /SEARCH c USING/.test(p));
  return page ?? plans.join('\n');
}

const QUEUE_INDEX: Record<QueueName, RegExp> = {
  all_open: /(SCAN|SEARCH) t USING INDEX tickets_open_due/,
  unassigned: /SEARCH t USING INDEX tickets_open_assignee \(assignee_id=\?\)/,
  mine: /SEARCH t USING INDEX tickets_open_assignee \(assignee_id=\?\)/,
  sla_breaching: /SEARCH t USING INDEX tickets_open_due \(<expr><\?\)/,
  waiting_customer: /SEARCH t USING INDEX tickets_open_status \(status=\?\)/,
  returns: /SCAN t USING INDEX tickets_open_returns/,
  negative_feedback: /SCAN t USING INDEX tickets_open_feedback/,
};

describe('queue query plans', () => {
  for (const [queue, index] of Object.entries(QUEUE_INDEX) as [QueueName, RegExp][]) {
    it(`walks ${queue}'s own partial index in deadline order`, () => {
      const plan = pagePlan({ queue, staffId: AGENT });
      expect(plan).toMatch(index);
      expect(plan).not.toMatch(FULL_SORT);
      expect(plan).not.toMatch(BARE_SCAN);
      expect(plan).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
    });
  }

  it('starts the next page inside the index, after the cursor', () => {
    const first = listTickets(connection.sqlite, ticketsListInput.parse({ queue: 'mine', staffId: AGENT, limit: 1 }), NOW);
    putTicket(connection.sqlite, { id: 4, assigneeId: AGENT });
    const cursor = listTickets(connection.sqlite, ticketsListInput.parse({ queue: 'mine', staffId: AGENT, limit: 1 }), NOW).nextCursor;
    expect(first.rows).toHaveLength(1);
    const plan = pagePlan({ queue: 'mine', staffId: AGENT, limit: 1, cursor: cursor! });
    expect(plan).toMatch(/SEARCH t USING INDEX tickets_open_assignee \(assignee_id=\? AND <expr>>\?\)/);
    expect(plan).not.toMatch(FULL_SORT);
  });

  it('other orders sort only the open tickets, never the whole table', () => {
    for (const by of ['updated', 'created', 'priority'] as const) {
      const plan = pagePlan({ sort: { by, direction: 'desc' } });
      expect(plan).toMatch(/USING (COVERING )?INDEX tickets_open_/);
      expect(plan).not.toMatch(BARE_SCAN);
      // Customers, orders and assignees are joined for the page's rows only, after the sort.
      expect(plan).toMatch(/^CO-ROUTINE page \| SCAN t USING INDEX tickets_open_due \| USE TEMP B-TREE FOR ORDER BY \| SCAN page \|/);
    }
  });

  it('walks a sort index for past tickets (solved, closed) instead of sorting all of them', () => {
    const solved: InputOf<'tickets.list'> = { filter: { status: ['solved', 'closed'] } };
    expect(pagePlan({ ...solved })).toMatch(/SCAN t USING INDEX tickets_due_all/);
    expect(pagePlan({ ...solved, sort: { by: 'slaDue', direction: 'desc' } })).toMatch(/SCAN t USING INDEX tickets_due_all/);
    expect(pagePlan({ ...solved, sort: { by: 'updated', direction: 'desc' } })).toMatch(/SCAN t USING INDEX tickets_updated/);
    expect(pagePlan({ ...solved, sort: { by: 'created', direction: 'asc' } })).toMatch(/SCAN t USING INDEX tickets_created/);
    for (const sort of ['slaDue', 'updated', 'created'] as const) {
      expect(pagePlan({ ...solved, sort: { by: sort, direction: 'desc' } })).not.toMatch(FULL_SORT);
    }
  });

  it('counts every queue from one covering partial index', () => {
    const [plan] = capturePlans(connection.sqlite, (spied) => countQueues(spied, AGENT, NOW), { selectsOnly: true })
      .filter((p) => /tickets|\bt\b/.test(p));
    expect(plan).toMatch(/SCAN t USING COVERING INDEX tickets_open_counts/);
  });

  it('counts open tickets per person from the same index', () => {
    const [plan] = capturePlans(connection.sqlite, (spied) => openTicketsByAssignee(spied), { selectsOnly: true });
    expect(plan).toMatch(/USING (COVERING )?INDEX tickets_open_(counts|assignee)/);
    expect(plan).not.toMatch(FULL_SORT);
  });
});
