import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { backfillServiceClocks } from '../../src/main/domain/service/sla/backfill';
import { slaStateOf } from '../../src/main/domain/service/sla/clock';
import { memoryDb } from '../helpers/db';
import { insertStore } from '../helpers/fixtures';

/**
 * The demo backfill replays each ticket's conversation through the clocks
 * (default policy, Toronto, EST = UTC-5) and records the CSAT requests of
 * solved tickets. "Now" is Mon 2026-11-23 12:30 EST = 17:30Z.
 */
let connection: Connection;
const NOW = new Date('2026-11-23T17:30:00.000Z');

beforeEach(async () => {
  connection = await memoryDb();
  const { sqlite } = connection;
  insertStore(sqlite);
  sqlite.prepare("UPDATE stores SET timezone = 'America/Toronto', domain = 'maple.example'").run();
  sqlite.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (3, 'Adam Agent', 'agent', '2026-01-01T00:00:00.000Z')").run();
  const ticket = sqlite.prepare(`INSERT INTO tickets (id, store_id, channel, subject, status, priority, assignee_id, first_replied_at,
    solved_at, created_at, updated_at) VALUES (?, 1, 'email', 'Parcel', ?, ?, 3, ?, ?, ?, ?)`);
  const message = sqlite.prepare(`INSERT INTO ticket_messages (ticket_id, author_type, staff_id, visibility, body, created_at)
    VALUES (?, ?, ?, 'public', 'text', ?)`);
  const say = (id: number, ...said: [string, string][]) => {
    for (const [who, at] of said) message.run(id, who, who === 'staff' ? 3 : null, at);
  };
  // 1: solved in time (normal: first reply due Tue 11-17 10:00 EST, resolution Thu 11-19 10:00 EST), answered CSAT.
  ticket.run(1, 'solved', 'normal', '2026-11-16T16:00:00.000Z', '2026-11-17T15:00:00.000Z', '2026-11-16T15:00:00.000Z', '2026-11-17T15:00:00.000Z');
  say(1, ['customer', '2026-11-16T15:00:00.000Z'], ['staff', '2026-11-16T16:00:00.000Z'], ['staff', '2026-11-17T15:00:00.000Z']);
  sqlite.prepare(`INSERT INTO feedback (id, store_id, source, rating, ticket_id, created_at)
    VALUES (10, 1, 'csat', 5, 1, '2026-11-18T09:00:00.000Z')`).run();
  // 2: new and unanswered, high: first reply Mon 09:00 + 240 = 13:00 EST (18:00Z), 30 minutes from now.
  ticket.run(2, 'new', 'high', null, null, '2026-11-23T14:00:00.000Z', '2026-11-23T14:00:00.000Z');
  say(2, ['customer', '2026-11-23T14:00:00.000Z']);
  // 3: waiting on the customer since the reply: paused.
  ticket.run(3, 'waiting_customer', 'normal', '2026-11-20T16:00:00.000Z', null, '2026-11-20T15:00:00.000Z', '2026-11-20T16:00:00.000Z');
  say(3, ['customer', '2026-11-20T15:00:00.000Z'], ['staff', '2026-11-20T16:00:00.000Z']);
  // 4: the customer wrote back Mon 16:00 EST and nobody answered: next reply due Wed 11-18 16:00 EST, breached.
  ticket.run(4, 'open', 'normal', '2026-11-16T16:00:00.000Z', null, '2026-11-16T15:00:00.000Z', '2026-11-16T21:00:00.000Z');
  say(4, ['customer', '2026-11-16T15:00:00.000Z'], ['staff', '2026-11-16T16:00:00.000Z'], ['customer', '2026-11-16T21:00:00.000Z']);
});
afterEach(() => connection.close());

const row = (id: number) => connection.sqlite.prepare(`SELECT status, sla_due_at, sla_paused_at, first_reply_breached,
  resolution_breached, next_reply_due_at, first_reply_due_at FROM tickets WHERE id = ?`).get(id) as Parameters<typeof slaStateOf>[0]
  & { next_reply_due_at: string | null; first_reply_due_at: string | null };

describe('backfillServiceClocks', () => {
  it('gives history its verdicts and open tickets live deadlines', () => {
    expect(backfillServiceClocks(connection.sqlite, NOW)).toEqual({ tickets: 4, csatRequests: 1 });
    expect(row(1)).toMatchObject({ first_reply_breached: 0, resolution_breached: 0, sla_due_at: null });
    expect(row(2)).toMatchObject({ first_reply_due_at: '2026-11-23T18:00:00.000Z', sla_due_at: '2026-11-23T18:00:00.000Z' });
    expect(row(4)).toMatchObject({ first_reply_breached: 0, next_reply_due_at: '2026-11-18T21:00:00.000Z' });
    expect([1, 2, 3, 4].map((id) => slaStateOf(row(id), NOW, 60))).toEqual(['met', 'warning', 'paused', 'breached']);
  });

  it('records the request each solve made, linked to the demo answer, with the same code every run', () => {
    backfillServiceClocks(connection.sqlite, NOW);
    const request = connection.sqlite.prepare('SELECT * FROM csat_requests').get() as Record<string, unknown>;
    expect(request).toMatchObject({ ticket_id: 1, staff_id: 3, created_at: '2026-11-17T15:00:00.000Z',
      responded_at: '2026-11-18T09:00:00.000Z', feedback_id: 10 });
    expect(request.message).toContain(`https://maple.example/pages/feedback?csat=${request.code as string}`);
    connection.sqlite.prepare('DELETE FROM csat_requests').run();
    backfillServiceClocks(connection.sqlite, NOW);
    expect(connection.sqlite.prepare('SELECT code FROM csat_requests').pluck().get()).toBe(request.code);
  });
});
