import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import { dispatch } from '../../src/main/core/dispatch';
import { handlers } from '../../src/main/core/handlers';
import { earnForOrder } from '../../src/main/domain/loyalty/orders';
import { insertCustomer, insertOrder } from '../helpers/fixtures';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';

/**
 * A small shop for the returns tests, every figure chosen to be worked by hand:
 *
 * - store 1 is connected (Shopify: refunds go to the outbox), store 2 is a demo store (local only);
 * - staff 1 Mia (owner), 2 Leo (agent), 3 Gone (inactive);
 * - order 1 (#1001, store 1, customer 1, $123.45, earns 123 points at 1 point per $):
 *   line 11 = 2 × Runner shoe (product 1, category Shoes) for $50.00,
 *   line 12 = 1 × Clearance scarf (product 2, category Clearance) for $73.45; delivered 2026-05-05 10:00 UTC;
 * - order 2 (#1002, store 2, customer 1, $50.00, earns 50): line 21 = 1 × Runner shoe; delivered 2026-05-06 10:00 UTC;
 * - order 3 (#1003, store 1, customer 2, $20.00): line 31 = 1 × Runner shoe, never delivered;
 * - order 4 (#1004, store 2, customer 2, $500.00): line 41 = 50 × Sock pack (no product), delivered
 *   2026-05-06 10:00 UTC: enough units for many returns.
 */
export const RULES = { pointsPerUnit: 1, basis: 'total' as const, pendingDays: 0, lifetimeMonths: null };

export function seedShop(connection: Connection, ctx: HandlerContext): void {
  const s = connection.sqlite;
  s.exec(`INSERT INTO stores (id, platform, name, currency, created_at, updated_at)
    VALUES (1, 'shopify', 'Connected', 'USD', 'x', 'x'), (2, 'demo', 'Local only', 'USD', 'x', 'x');
    INSERT INTO staff (id, name, role, created_at) VALUES (1, 'Mia', 'owner', 'x'), (2, 'Leo', 'agent', 'x');
    INSERT INTO staff (id, name, active, created_at) VALUES (3, 'Gone', 0, 'x');
    INSERT INTO products (id, store_id, external_id, title, category, price_minor, currency, created_at, updated_at)
      VALUES (1, 1, 'p1', 'Runner shoe', 'Shoes', 2500, 'USD', 'x', 'x'),
             (2, 1, 'p2', 'Clearance scarf', 'Clearance', 7345, 'USD', 'x', 'x')`);
  insertCustomer(s, 1);
  insertCustomer(s, 2);
  s.exec(`UPDATE customers SET first_name = 'Ava', last_name = 'Stone' WHERE id = 1`);
  insertOrder(s, { id: 1, customerId: 1, seq: 1, placedAt: '2026-05-01T10:00:00.000Z', totalMinor: 12345 });
  insertOrder(s, { id: 2, customerId: 1, seq: 2, placedAt: '2026-05-02T10:00:00.000Z', totalMinor: 5000, storeId: 2 });
  insertOrder(s, { id: 3, customerId: 2, seq: 1, placedAt: '2026-05-03T10:00:00.000Z', totalMinor: 2000 });
  insertOrder(s, { id: 4, customerId: 2, seq: 2, placedAt: '2026-05-03T10:00:00.000Z', totalMinor: 50000, storeId: 2 });
  const line = s.prepare(`INSERT INTO order_lines (id, order_id, store_id, external_id, product_id, title, quantity,
    unit_price_minor, total_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  line.run(11, 1, 1, 'l11', 1, 'Runner shoe', 2, 2500, 5000);
  line.run(12, 1, 1, 'l12', 2, 'Clearance scarf', 1, 7345, 7345);
  line.run(21, 2, 2, 'l21', 1, 'Runner shoe', 1, 5000, 5000);
  line.run(31, 3, 1, 'l31', 1, 'Runner shoe', 1, 2000, 2000);
  line.run(41, 4, 2, 'l41', null, 'Sock pack', 50, 1000, 50000);
  const ship = s.prepare(`INSERT INTO shipments (order_id, store_id, external_id, carrier, status, delivered_at, created_at, updated_at)
    VALUES (?, ?, ?, 'UPS', ?, ?, 'x', 'x')`);
  ship.run(1, 1, 's1', 'Delivered', '2026-05-05T10:00:00.000Z');
  ship.run(2, 2, 's2', 'Delivered', '2026-05-06T10:00:00.000Z');
  ship.run(3, 1, 's3', 'InTransit', null);
  ship.run(4, 2, 's4', 'Delivered', '2026-05-06T10:00:00.000Z');
  for (const id of [1, 2, 3, 4]) earnForOrder(ctx, id, RULES);
}

/** A fresh database holding the shop above, and a handler context on it with the given clock; push events land in `events`. */
export async function returnsShop(now: Date | (() => Date), events: unknown[] = []): Promise<{ connection: Connection; ctx: HandlerContext }> {
  const connection = await memoryDb();
  const ctx = handlerContext(connection, now, events);
  seedShop(connection, ctx);
  return { connection, ctx };
}

let keys = 0;
/** A fresh idempotency key per call. */
export const key = (): string => `returns-test-key-${++keys}`;

export function caller(ctx: () => HandlerContext) {
  return async <T>(name: string, input: unknown): Promise<T> => {
    const result = await dispatch(handlers, ctx(), name, input, () => undefined);
    if (!result.ok) throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), { error: result.error });
    return result.data as T;
  };
}

export function rawCaller(ctx: () => HandlerContext) {
  return (name: string, input: unknown) => dispatch(handlers, ctx(), name, input, () => undefined);
}
