import type { Connection, Sqlite } from '../../src/main/db/connection';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';
import { handlerContext } from '../helpers/context';
import { contract, type InputOf } from '../../src/shared/contract';
import type { HandlerContext } from '../../src/main/core/handler';
import { serviceHandlers } from '../../src/main/domain/service/handlers';

/**
 * A small shop for the service-desk tests: three customers with an order
 * each, and a team of owner (1), manager (2), two agents (3, 4) and an agent
 * who left (5). Monday 2 March 2026, 15:00 UTC: inside business hours.
 */
export const NOW = new Date('2026-03-02T15:00:00.000Z');
export const OWNER = 1;
export const MANAGER = 2;
export const AGENT = 3;
export const AGENT_2 = 4;
export const FORMER = 5;

export async function serviceShop(): Promise<Connection> {
  const connection = await memoryDb();
  const s = connection.sqlite;
  insertStore(s);
  for (const id of [1, 2, 3]) {
    insertCustomer(s, id);
    insertOrder(s, { id, customerId: id, seq: 1, placedAt: '2026-02-20T10:00:00.000Z', totalMinor: 4250 * id });
  }
  s.prepare(`UPDATE customers SET first_name = 'Ada', last_name = 'Lovelace' WHERE id = 1`).run();
  const staff = s.prepare('INSERT INTO staff (id, name, email, role, capacity, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  staff.run(OWNER, 'Olive Owner', 'olive@example.com', 'owner', 10, 1, '2026-01-01T00:00:00.000Z');
  staff.run(MANAGER, 'Max Manager', 'max@example.com', 'manager', 10, 1, '2026-01-01T00:00:00.000Z');
  staff.run(AGENT, 'Ann Agent', 'ann@example.com', 'agent', 10, 1, '2026-01-01T00:00:00.000Z');
  staff.run(AGENT_2, 'Ben Agent', 'ben@example.com', 'agent', 10, 1, '2026-01-01T00:00:00.000Z');
  staff.run(FORMER, 'Fay Former', 'fay@example.com', 'agent', 10, 0, '2026-01-01T00:00:00.000Z');
  return connection;
}

export interface TicketSpec {
  id: number;
  status?: string;
  priority?: string;
  channel?: string;
  assigneeId?: number | null;
  customerId?: number | null;
  slaDueAt?: string | null;
  tags?: string[];
  returnId?: number | null;
  feedbackId?: number | null;
  mergedIntoId?: number | null;
  createdAt?: string;
  updatedAt?: string;
}

/** A ticket row written as is (no clocks computed): queue tests choose every column themselves. */
export function putTicket(sqlite: Sqlite, t: TicketSpec): void {
  sqlite
    .prepare(
      `INSERT INTO tickets (id, customer_id, channel, subject, status, priority, assignee_id, tags, sla_due_at,
         return_id, feedback_id, merged_into_id, created_at, updated_at)
       VALUES (@id, @customerId, @channel, @subject, @status, @priority, @assigneeId, @tags, @slaDueAt,
         @returnId, @feedbackId, @mergedIntoId, @createdAt, @updatedAt)`,
    )
    .run({
      id: t.id, customerId: t.customerId ?? null, channel: t.channel ?? 'email', subject: `Ticket ${t.id}`,
      status: t.status ?? 'open', priority: t.priority ?? 'normal', assigneeId: t.assigneeId ?? null,
      tags: JSON.stringify(t.tags ?? []), slaDueAt: t.slaDueAt ?? null, returnId: t.returnId ?? null,
      feedbackId: t.feedbackId ?? null, mergedIntoId: t.mergedIntoId ?? null,
      createdAt: t.createdAt ?? '2026-03-01T10:00:00.000Z', updatedAt: t.updatedAt ?? '2026-03-01T10:00:00.000Z',
    });
}

/** Calls a service-desk operation the way the transports do: the contract's schema first, then the handler. */
export function serviceCaller(connection: Connection, now: () => Date = () => NOW, events: unknown[] = []) {
  const ctx = handlerContext(connection, now, events);
  return <N extends keyof typeof serviceHandlers>(name: N, input: InputOf<N>): ReturnType<(typeof serviceHandlers)[N]> => {
    const parsed = contract[name].input.parse(input) as Parameters<(typeof serviceHandlers)[N]>[0];
    const handler = serviceHandlers[name] as (input: unknown, ctx: HandlerContext) => ReturnType<(typeof serviceHandlers)[N]>;
    return handler(parsed, ctx);
  };
}

export { errorOf } from '../helpers/app-error';
