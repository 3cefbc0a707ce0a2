import { contract, type OperationName, type OutputOf, type InputOf } from '../../src/shared/contract';
import { handlers } from '../../src/main/core/handlers';
import type { HandlerContext } from '../../src/main/core/handler';
import type { Sqlite } from '../../src/main/db/connection';

/**
 * Helpers for the customers-area tests (customers*, segments*, merge* test
 * files): calling an operation as the dispatcher does (zod first), and rows
 * the fixtures in tests/helpers do not make.
 */
export function call<N extends OperationName>(ctx: HandlerContext, name: N, input: InputOf<N>): OutputOf<N> {
  const parsed = contract[name].input.parse(input);
  const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => OutputOf<N>;
  return handler(parsed, ctx);
}

export function insertStaff(sqlite: Sqlite, id = 1, name = 'Ana'): void {
  sqlite.prepare(`INSERT INTO staff (id, name, active, created_at) VALUES (?, ?, 1, '2026-01-01T00:00:00.000Z')`).run(id, name);
}

export interface PersonSpec {
  first?: string | null;
  last?: string | null;
  email?: string | null;
  phone?: string | null;
  marketing?: boolean;
  localTags?: string[];
  remoteTags?: string[];
}

export function setPerson(sqlite: Sqlite, id: number, p: PersonSpec): void {
  sqlite
    .prepare(
      `UPDATE customers SET first_name = @first, last_name = @last, email = @email, phone = @phone,
         marketing_consent = @marketing, local_tags = @localTags, remote_tags = @remoteTags WHERE id = @id`,
    )
    .run({
      id, first: p.first ?? null, last: p.last ?? null, email: p.email === undefined ? `c${id}@example.com` : p.email,
      phone: p.phone ?? null, marketing: p.marketing ? 1 : 0, localTags: JSON.stringify(p.localTags ?? []),
      remoteTags: JSON.stringify(p.remoteTags ?? []),
    });
}

export function insertTicketFor(sqlite: Sqlite, id: number, customerId: number, createdAt: string): void {
  sqlite
    .prepare(`INSERT INTO tickets (id, customer_id, channel, subject, status, created_at, updated_at)
              VALUES (?, ?, 'email', 'Where is my parcel?', 'open', ?, ?)`)
    .run(id, customerId, createdAt, createdAt);
}

export function insertReturnFor(sqlite: Sqlite, id: number, customerId: number, orderId: number, at: string): void {
  sqlite
    .prepare(`INSERT INTO returns (id, rma_number, order_id, customer_id, status, reason, currency, requested_at, updated_at)
              VALUES (?, ?, ?, ?, 'requested', 'Too small', 'USD', ?, ?)`)
    .run(id, `RMA-${id}`, orderId, customerId, at, at);
}

export function insertFeedbackFor(sqlite: Sqlite, id: number, customerId: number, at: string, rating = 5): void {
  sqlite
    .prepare(`INSERT INTO feedback (id, customer_id, source, rating, title, created_at) VALUES (?, ?, 'review', ?, 'Lovely', ?)`)
    .run(id, customerId, rating, at);
}
