import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import { dispatch } from '../../src/main/core/dispatch';
import { handlers } from '../../src/main/core/handlers';
import { generateDemoStore } from '../../src/main/demo';
import { getOrder } from '../../src/main/domain/orders/detail';
import { memoryDb } from '../helpers/db';

/** orders.get on a generated store: the drawer shows what the tables hold for that order, no more. */
let connection: Connection;
let ctx: HandlerContext;
const count = (sql: string, ...args: unknown[]) => connection.sqlite.prepare(sql).pluck().get(...args) as number;

beforeAll(async () => {
  connection = await memoryDb();
  const now = new Date('2026-11-23T12:00:00Z');
  generateDemoStore(connection.sqlite, { size: { orders: 600 }, seed: 7, now });
  ctx = { sqlite: connection.sqlite, db: connection.db, dbPath: ':memory:', now: () => now, emit: () => undefined };
});
afterAll(() => connection.close());

/** An order with a return, a ticket, a tracked shipment and points: the richest drawer. */
function richOrderId(): number {
  return count(`SELECT o.id FROM orders o
    WHERE EXISTS (SELECT 1 FROM returns r JOIN return_lines rl ON rl.return_id = r.id WHERE r.order_id = o.id)
      AND EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id)
      AND EXISTS (SELECT 1 FROM shipments s JOIN tracking_events e ON e.shipment_id = s.id WHERE s.order_id = o.id)
      AND EXISTS (SELECT 1 FROM points_ledger p WHERE p.order_id = o.id)
      AND EXISTS (SELECT 1 FROM refunds f WHERE f.order_id = o.id)
    ORDER BY o.id LIMIT 1`);
}

describe('orders.get', () => {
  it('returns the order with every part that belongs to it', () => {
    const id = richOrderId();
    expect(id).toBeGreaterThan(0);
    const order = getOrder(connection.sqlite, id);
    expect(order.id).toBe(id);
    expect(order.lines).toHaveLength(count('SELECT count(*) FROM order_lines WHERE order_id = ?', id));
    expect(order.payments).toHaveLength(count('SELECT count(*) FROM payments WHERE order_id = ?', id));
    expect(order.refunds).toHaveLength(count('SELECT count(*) FROM refunds WHERE order_id = ?', id));
    expect(order.tickets).toHaveLength(count('SELECT count(*) FROM tickets WHERE order_id = ?', id));
    expect(order.points).toHaveLength(count('SELECT count(*) FROM points_ledger WHERE order_id = ?', id));
    expect(order.shipments).toHaveLength(count('SELECT count(*) FROM shipments WHERE order_id = ?', id));
    expect(order.returns).toHaveLength(count('SELECT count(*) FROM returns WHERE order_id = ?', id));
    for (const shipment of order.shipments) {
      expect(shipment.trackingEvents).toHaveLength(count('SELECT count(*) FROM tracking_events WHERE shipment_id = ?', shipment.id));
      const times = shipment.trackingEvents.map((e) => e.occurredAt);
      expect(times).toEqual([...times].sort());
    }
    for (const r of order.returns) {
      expect(r.lines).toHaveLength(count('SELECT count(*) FROM return_lines WHERE return_id = ?', r.id));
      for (const line of r.lines) expect(order.lines.map((l) => l.id)).toContain(line.orderLineId);
    }
    expect(order.refunds.reduce((sum, r) => sum + r.amountMinor, 0)).toBe(order.refundedMinor);
    expect(order.lines.every((l) => l.quantity > 0 && Number.isInteger(l.totalMinor))).toBe(true);
  });

  it('sums the points the order earned and lost, and lists every tag once', () => {
    const id = richOrderId();
    connection.sqlite.prepare(`UPDATE orders SET remote_tags = '["b","a"]', local_tags = '["a","c"]' WHERE id = ?`).run(id);
    const order = getOrder(connection.sqlite, id);
    const sum = (type: string) => count(`SELECT coalesce(sum(points), 0) FROM points_ledger WHERE order_id = ? AND entry_type = ?`, id, type);
    expect(order.pointsSummary.earned).toBe(sum('earn'));
    expect(order.pointsSummary.earned).toBeGreaterThan(0);
    expect(order.pointsSummary.reversed).toBe(-sum('reverse'));
    expect(order.tags).toEqual(['a', 'b', 'c']);
    expect(order.audit).toEqual([]);
  });

  it('summarises the customer, counting their orders', () => {
    const id = richOrderId();
    const order = getOrder(connection.sqlite, id);
    const customerId = count('SELECT customer_id FROM orders WHERE id = ?', id);
    expect(order.customer?.id).toBe(customerId);
    expect(order.customerSummary).toMatchObject({
      id: customerId,
      orderCount: count('SELECT count(*) FROM orders WHERE customer_id = ?', customerId),
      marketingConsent: expect.any(Boolean),
    });
    expect(order.customerSummary?.name).toBe(order.customer?.name);
    expect(Array.isArray(order.remoteTags) && Array.isArray(order.localTags)).toBe(true);
  });

  it('shows a guest order without a customer', () => {
    const guestId = count('SELECT id FROM orders WHERE customer_id IS NULL LIMIT 1');
    expect(guestId).toBeGreaterThan(0); // the demo store has guest checkouts
    const order = getOrder(connection.sqlite, guestId);
    expect(order.customer).toBeNull();
    expect(order.customerSummary).toBeNull();
  });

  it('answers an unknown id with NOT_FOUND and a sentence', async () => {
    const result = await dispatch(handlers, ctx, 'orders.get', { id: 999_999 }, () => undefined);
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no order with id 999999.' } });
  });

  it.each([[{ id: 0 }], [{ id: 1.5 }], [{}], [{ id: '1' }]])('rejects %j with VALIDATION', async (input) => {
    const result = await dispatch(handlers, ctx, 'orders.get', input, () => undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
