import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { InputOf, QueueName } from '../../src/shared/contract';
import { AGENT, AGENT_2, NOW, putTicket, serviceCaller, serviceShop } from './tickets-fixtures';

/**
 * Hand-built queue membership. Now is 15:00; the default policy warns 60
 * minutes ahead, so "breaching" means due at or before 16:00.
 *
 *  id  status               assignee  channel  due    other        queues
 *   1  open                 Ann       email    14:00               all, mine, breaching
 *   2  new                  —         chat     15:30               all, unassigned, breaching
 *   3  waiting_customer     Ann       email    —                    all, mine, waiting
 *   4  open                 Ben       return   18:00               all, returns
 *   5  open                 —         email    —      feedback 1   all, unassigned, negative
 *   6  open                 Ann       review   —                    all, mine, negative
 *   7  solved               Ann       email    10:00               —
 *   8  closed               —         email    —                    —
 *   9  open, merged into 1  —         email    09:00               —
 *  10  waiting_third_party  —         email    16:00               all, unassigned, breaching
 *  11  open                 Ben       email    —      return 1     all, returns
 */
let connection: Connection;
let call: ReturnType<typeof serviceCaller>;
beforeAll(async () => {
  connection = await serviceShop();
  call = serviceCaller(connection);
  const s = connection.sqlite;
  s.prepare(`INSERT INTO feedback (id, source, rating, created_at) VALUES (1, 'review', 1, '2026-03-01T00:00:00.000Z')`).run();
  s.prepare(`INSERT INTO returns (id, rma_number, order_id, status, reason, currency, requested_at, updated_at)
             VALUES (1, 'RMA-1', 1, 'requested', 'Too small', 'USD', '2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z')`).run();
  const due = (hhmm: string) => `2026-03-02T${hhmm}:00.000Z`;
  putTicket(s, { id: 1, assigneeId: AGENT, slaDueAt: due('14:00'), priority: 'low', tags: ['vip'] });
  putTicket(s, { id: 2, status: 'new', channel: 'chat', slaDueAt: due('15:30'), priority: 'urgent' });
  putTicket(s, { id: 3, status: 'waiting_customer', assigneeId: AGENT, priority: 'high', customerId: 1 });
  putTicket(s, { id: 4, channel: 'return', assigneeId: AGENT_2, slaDueAt: due('18:00'), tags: ['vip', 'returns'] });
  putTicket(s, { id: 5, feedbackId: 1, priority: 'urgent' });
  putTicket(s, { id: 6, channel: 'review', assigneeId: AGENT });
  putTicket(s, { id: 7, status: 'solved', assigneeId: AGENT, slaDueAt: due('10:00') });
  putTicket(s, { id: 8, status: 'closed' });
  putTicket(s, { id: 9, mergedIntoId: 1, slaDueAt: due('09:00') });
  putTicket(s, { id: 10, status: 'waiting_third_party', slaDueAt: due('16:00'), priority: 'high' });
  putTicket(s, { id: 11, returnId: 1, assigneeId: AGENT_2 });
});
afterAll(() => connection.close());

const ids = (input: InputOf<'tickets.list'>) => call('tickets.list', input).rows.map((r) => r.id);

describe('queues.counts', () => {
  it('counts every queue over open, unmerged tickets', () => {
    expect(call('queues.counts', { staffId: AGENT })).toEqual({
      all_open: 8, unassigned: 3, mine: 3, sla_breaching: 3, waiting_customer: 1, returns: 2, negative_feedback: 2,
      asOf: NOW.toISOString(),
    });
    expect(call('queues.counts', {}).mine).toBe(0);
  });

  it('agrees with the length of every queue\'s list', () => {
    const counts = call('queues.counts', { staffId: AGENT });
    for (const queue of ['all_open', 'unassigned', 'mine', 'sla_breaching', 'waiting_customer', 'returns', 'negative_feedback'] as QueueName[]) {
      expect(ids({ queue, staffId: AGENT, limit: 200 }), queue).toHaveLength(counts[queue]);
    }
  });
});

describe('tickets.list', () => {
  it('lists each queue earliest deadline first, tickets without one last', () => {
    expect(ids({})).toEqual([1, 2, 10, 4, 3, 5, 6, 11]);
    expect(ids({ queue: 'unassigned' })).toEqual([2, 10, 5]);
    expect(ids({ queue: 'mine', staffId: AGENT })).toEqual([1, 3, 6]);
    expect(ids({ queue: 'sla_breaching' })).toEqual([1, 2, 10]);
    expect(ids({ queue: 'waiting_customer' })).toEqual([3]);
    expect(ids({ queue: 'returns' })).toEqual([4, 11]);
    expect(ids({ queue: 'negative_feedback' })).toEqual([5, 6]);
  });

  it('shows where each deadline stands', () => {
    const rows = call('tickets.list', {}).rows;
    expect(Object.fromEntries(rows.map((r) => [r.id, r.slaState]))).toMatchObject({ 1: 'breached', 2: 'warning', 4: 'ok', 6: 'none' });
    expect(rows[0]).toMatchObject({ assignee: { id: AGENT, name: 'Ann Agent' }, tags: ['vip'], slaDueAt: '2026-03-02T14:00:00.000Z' });
  });

  it('sorts by priority urgent first, and by deadline descending still with no deadline last', () => {
    expect(ids({ sort: { by: 'priority', direction: 'asc' } })).toEqual([2, 5, 10, 3, 4, 6, 11, 1]);
    expect(ids({ sort: { by: 'slaDue', direction: 'desc' } })).toEqual([4, 10, 2, 1, 11, 6, 5, 3]);
  });

  it('filters by tag, assignee (null for nobody), status and search', () => {
    expect(ids({ filter: { tag: ['vip'] } })).toEqual([1, 4]);
    expect(ids({ filter: { assigneeId: [null, AGENT_2] } })).toEqual([2, 10, 4, 5, 11]);
    expect(ids({ queue: 'unassigned', filter: { priority: ['urgent'] } })).toEqual([2, 5]);
    expect(ids({ filter: { search: '#4' } })).toEqual([4]);
    expect(ids({ filter: { search: 'Ticket 1' } })).toEqual([1, 10, 11]);
    expect(ids({ filter: { search: 'c1@example' } })).toEqual([3]);
  });

  it('lists solved and closed tickets when "all" is asked for those statuses', () => {
    expect(ids({ filter: { status: ['solved', 'closed'] } })).toEqual([7, 8]);
    expect(ids({ queue: 'unassigned', filter: { status: ['closed'] } })).toEqual([]);
  });

  it('pages with a cursor without skipping or repeating a ticket', () => {
    for (const sort of [{ by: 'slaDue', direction: 'asc' }, { by: 'priority', direction: 'asc' }, { by: 'created', direction: 'desc' }] as const) {
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = call('tickets.list', { sort, limit: 3, cursor });
        seen.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(ids({ sort }));
    }
  });

  it('refuses the cursor of another queue', () => {
    const { nextCursor } = call('tickets.list', { limit: 2 });
    expect(() => call('tickets.list', { queue: 'unassigned', limit: 2, cursor: nextCursor! })).toThrow(/different filter or sort/);
  });
});
