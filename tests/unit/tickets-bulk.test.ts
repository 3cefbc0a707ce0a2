import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { AGENT, AGENT_2, MANAGER, NOW, errorOf, putTicket, serviceCaller, serviceShop } from './tickets-fixtures';

let connection: Connection;
let now: Date;
let call: ReturnType<typeof serviceCaller>;
beforeEach(async () => {
  connection = await serviceShop();
  now = NOW;
  call = serviceCaller(connection, () => now);
});
afterEach(() => connection.close());

const state = (id: number) => connection.sqlite
  .prepare('SELECT assignee_id AS assigneeId, tags, status, solved_at AS solvedAt, version FROM tickets WHERE id = ?').get(id);

describe('tickets.bulk and tickets.undo', () => {
  beforeEach(() => {
    putTicket(connection.sqlite, { id: 1, assigneeId: AGENT, tags: ['shipping'] });
    putTicket(connection.sqlite, { id: 2, assigneeId: null, tags: [], status: 'waiting_customer' });
    putTicket(connection.sqlite, { id: 3, assigneeId: AGENT_2, tags: ['vip'], status: 'solved' });
  });

  it('assigns many at once and undo puts each previous assignee back', () => {
    const before = [1, 2, 3].map(state);
    const result = call('tickets.bulk', { ids: [1, 2, 3], staffId: MANAGER, action: { kind: 'assign', assigneeId: AGENT_2 } });
    expect(result.changed).toBe(2); // ticket 3 already had Ben
    expect([1, 2, 3].map((id) => (state(id) as { assigneeId: number }).assigneeId)).toEqual([AGENT_2, AGENT_2, AGENT_2]);
    expect(call('tickets.undo', { undoToken: result.undoToken, staffId: MANAGER })).toEqual({ restored: 2 });
    const after = [1, 2, 3].map(state) as { version: number }[];
    expect(after.map(({ version: _v, ...rest }) => rest)).toEqual(before.map((b) => {
      const { version: _v, ...rest } = b as { version: number };
      return rest;
    }));
  });

  it('tags and closes; undo restores the tags, status and solve exactly', () => {
    const tagged = call('tickets.bulk', { ids: [1, 2], staffId: AGENT, action: { kind: 'tag', tag: 'vip' } });
    expect(JSON.parse((state(1) as { tags: string }).tags)).toEqual(['shipping', 'vip']);
    expect(call('tickets.undo', { undoToken: tagged.undoToken, staffId: AGENT })).toEqual({ restored: 2 });
    expect(JSON.parse((state(1) as { tags: string }).tags)).toEqual(['shipping']);
    expect(JSON.parse((state(2) as { tags: string }).tags)).toEqual([]);

    const closed = call('tickets.bulk', { ids: [1, 2, 3], staffId: AGENT, action: { kind: 'close' } });
    expect(closed.changed).toBe(3);
    expect(state(2)).toMatchObject({ status: 'closed', solvedAt: NOW.toISOString() });
    expect(call('tickets.undo', { undoToken: closed.undoToken, staffId: AGENT })).toEqual({ restored: 3 });
    expect(state(1)).toMatchObject({ status: 'open', solvedAt: null });
    expect(state(2)).toMatchObject({ status: 'waiting_customer', solvedAt: null });
    // Ticket 3 was solved (without a recorded time) before: exactly that comes back, with no new CSAT request.
    expect(state(3)).toMatchObject({ status: 'solved', solvedAt: null });
    expect(connection.sqlite.prepare('SELECT count(*) FROM csat_requests').pluck().get()).toBe(0);
  });

  it('leaves a ticket changed since the action as it is, and a second undo is a CONFLICT', () => {
    const result = call('tickets.bulk', { ids: [1, 2], staffId: AGENT, action: { kind: 'close' } });
    const v = (state(2) as { version: number }).version;
    call('tickets.update', { id: 2, staffId: AGENT_2, expectedVersion: v, patch: { priority: 'urgent' } });
    expect(call('tickets.undo', { undoToken: result.undoToken, staffId: AGENT })).toEqual({ restored: 1 });
    expect(state(1)).toMatchObject({ status: 'open' });
    expect(state(2)).toMatchObject({ status: 'closed' });
    expect(errorOf(() => call('tickets.undo', { undoToken: result.undoToken, staffId: AGENT })).code).toBe('CONFLICT');
  });

  it('cannot undo after ten minutes', () => {
    const result = call('tickets.bulk', { ids: [1], staffId: AGENT, action: { kind: 'close' } });
    now = new Date(NOW.getTime() + 10 * 60_000);
    expect(errorOf(() => call('tickets.undo', { undoToken: result.undoToken, staffId: AGENT })).code).toBe('CONFLICT');
    expect(state(1)).toMatchObject({ status: 'closed' });
  });

  it('an unknown ticket in the list changes none of them', () => {
    expect(errorOf(() => call('tickets.bulk', { ids: [1, 99], staffId: AGENT, action: { kind: 'close' } })).code).toBe('NOT_FOUND');
    expect(state(1)).toMatchObject({ status: 'open' });
  });
});

describe('tickets.autoAssign', () => {
  it('deals unassigned tickets round-robin, skipping anyone at capacity, and continues from the last one', () => {
    const s = connection.sqlite;
    s.prepare('UPDATE staff SET capacity = 2 WHERE id IN (2, 3, 4)').run();
    // Ann (3) already holds two open tickets: she is full.
    putTicket(s, { id: 1, assigneeId: AGENT });
    putTicket(s, { id: 2, assigneeId: AGENT });
    for (const id of [10, 11, 12, 13, 14, 15]) {
      putTicket(s, { id, slaDueAt: `2026-03-02T1${id - 10}:00:00.000Z` });
    }
    const result = call('tickets.autoAssign', { staffId: MANAGER });
    expect(result.assigned).toEqual([
      { ticketId: 10, assigneeId: MANAGER },
      { ticketId: 11, assigneeId: AGENT_2 },
      { ticketId: 12, assigneeId: MANAGER },
      { ticketId: 13, assigneeId: AGENT_2 },
    ]);
    expect(result.leftUnassigned).toBe(2);
    // Ann's tickets solved: she has room again, and the turn goes on after Ben (4): back to the manager, who is full, then Ann.
    s.prepare(`UPDATE tickets SET status = 'solved' WHERE id IN (1, 2)`).run();
    expect(call('tickets.autoAssign', { staffId: MANAGER, ticketIds: [15, 14] }).assigned).toEqual([
      { ticketId: 14, assigneeId: AGENT },
      { ticketId: 15, assigneeId: AGENT },
    ]);
  });
});
