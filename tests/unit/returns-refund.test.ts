import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import type { OrderWriteResult } from '../../src/shared/contract';
import type { ReturnDetail, ReturnPolicy } from '../../src/shared/contract/returns';
import { balance } from '../../src/main/domain/loyalty/ledger';
import { earnForOrder } from '../../src/main/domain/loyalty/orders';
import { caller, key, rawCaller, RULES, returnsShop } from './returns-fixtures';

/**
 * Resolving a return moves money: a refund through orders.refund's own path
 * (refund row, order totals, points reversed through the ledger, the outbox
 * for a connected store), store credit recorded and sent to a connected
 * store, an exchange nothing. A refused resolution posts nothing.
 */
let connection: Connection;
let ctx: HandlerContext;
let events: { event: string; payload: unknown }[];
const NOW = new Date('2026-05-10T09:00:00.000Z');
const call = caller(() => ctx);
const raw = rawCaller(() => ctx);
const count = (sql: string, ...args: unknown[]) => connection.sqlite.prepare(sql).pluck().get(...args) as number;

function footprint(): number[] {
  return ['return_events', 'refunds', 'points_ledger', 'audit_log', 'outbox']
    .map((t) => count(`SELECT count(*) FROM ${t}`))
    .concat(count('SELECT sum(version) FROM returns'), count('SELECT sum(refunded_minor) FROM orders'));
}

/** A return of `lines` on `orderId`, taken through to inspected. */
async function inspected(orderId: number, lines: { orderLineId: number; quantity: number }[]): Promise<ReturnDetail> {
  let r = await call<ReturnDetail>('returns.create', { orderId, staffId: 2, lines, reason: 'damaged_in_transit', idempotencyKey: key() });
  for (const to of ['approved', 'received', 'inspected']) {
    r = await call<ReturnDetail>('returns.transition', { id: r.id, staffId: 2, expectedVersion: r.version, to, idempotencyKey: key() });
  }
  return r;
}

const resolve = (r: ReturnDetail, extra: Record<string, unknown>) => raw('returns.transition',
  { id: r.id, staffId: 1, expectedVersion: r.version, to: 'resolved', idempotencyKey: key(), ...extra });

beforeEach(async () => {
  events = [];
  ({ connection, ctx } = await returnsShop(NOW, events));
  // 10% restocking fee and $5.00 paid return shipping.
  const policy = await call<ReturnPolicy>('returns.policy.get', {});
  const { version, updatedAt: _u, ...value } = policy;
  await call('returns.policy.update', { staffId: 1, expectedVersion: version,
    policy: { ...value, restockingFeeBps: 1000, returnShipping: 'paid', returnShippingFeeMinor: 500 } });
});
afterEach(() => connection.close());

describe('resolving a return by refund', () => {
  it('refunds goods less fees through orders.refund, reverses the points pro rata and queues it for the store', async () => {
    const r = await inspected(1, [{ orderLineId: 11, quantity: 2 }]);
    // Goods $50.00; fee 10% = $5.00; shipping $5.00: $40.00 back.
    expect(r).toMatchObject({ goodsMinor: 5000, restockingFeeMinor: 500, returnShippingMinor: 500 });
    const before = balance(ctx, 1).approved;
    const result = await resolve(r, { resolution: 'refund' });
    expect(result.ok).toBe(true);
    const done = (result as { data: ReturnDetail }).data;
    // floor(123 points × $40.00 / $123.45) = floor(39.87) = 39
    expect(done).toMatchObject({ status: 'resolved', resolution: 'refund', refundMinor: 4000, pointsReversed: 39, delivery: 'queued' });
    expect(balance(ctx, 1).approved).toBe(before - 39);
    const reversal = connection.sqlite.prepare(`SELECT points, idempotency_key AS k FROM points_ledger WHERE entry_type = 'reverse'`).all();
    expect(reversal).toEqual([{ points: -39, k: `refund:${done.refundId}:reverse` }]);
    const refund = connection.sqlite.prepare('SELECT order_id AS orderId, amount_minor AS amount, reason FROM refunds WHERE id = ?').get(done.refundId);
    expect(refund).toEqual({ orderId: 1, amount: 4000, reason: 'return' });
    expect(connection.sqlite.prepare('SELECT refunded_minor AS r, financial_status AS f FROM orders WHERE id = 1').get())
      .toEqual({ r: 4000, f: 'partially_refunded' });
    const outbox = connection.sqlite.prepare('SELECT operation, target_id AS targetId, payload FROM outbox').all() as { operation: string; targetId: number; payload: string }[];
    expect(outbox.map((m) => [m.operation, m.targetId])).toEqual([['order.refund.create', 1]]);
    expect(JSON.parse(outbox[0]!.payload)).toMatchObject({ refundId: done.refundId, amountMinor: 4000 });
    expect(events.at(-1)).toEqual({ event: 'data.changed', payload: { areas: ['returns', 'orders', 'customers', 'loyalty'] } });
  });

  it('reverses exactly what orders.refund reverses for the same amount', async () => {
    const r = await inspected(1, [{ orderLineId: 11, quantity: 2 }]);
    const done = (await resolve(r, { resolution: 'refund' }) as { data: ReturnDetail }).data;
    // The same $40.00 refunded directly on a second, identical order (order 1's twin).
    connection.sqlite.exec(`INSERT INTO orders (id, store_id, external_id, order_number, customer_id, status, financial_status,
      fulfillment_status, currency, subtotal_minor, total_minor, placed_at, created_at, updated_at)
      VALUES (9, 1, 'o9', '#1009', 1, 'completed', 'paid', 'fulfilled', 'USD', 12345, 12345, '2026-05-01T10:00:00.000Z', 'x', 'x')`);
    earnForOrder(ctx, 9, RULES);
    const direct = await call<OrderWriteResult>('orders.refund', { id: 9, staffId: 1, amountMinor: 4000, idempotencyKey: key() });
    expect(direct.pointsSummary.reversed).toBe(done.pointsReversed);
  });

  it('keeps a demo store refund local: nothing in the outbox', async () => {
    const r = await inspected(2, [{ orderLineId: 21, quantity: 1 }]);
    // $50.00 − $5.00 − $5.00 = $40.00; floor(50 × 4000 / 5000) = 40 points.
    const done = (await resolve(r, { resolution: 'refund' }) as { data: ReturnDetail }).data;
    expect(done).toMatchObject({ refundMinor: 4000, pointsReversed: 40, delivery: 'local' });
    expect(count('SELECT count(*) FROM outbox')).toBe(0);
  });

  it('refuses a second refund with CONFLICT and posts nothing', async () => {
    const r = await inspected(1, [{ orderLineId: 11, quantity: 1 }]);
    const done = (await resolve(r, { resolution: 'refund', amountMinor: 1000 }) as { data: ReturnDetail }).data;
    const before = footprint();
    expect(await resolve(done, { resolution: 'refund', amountMinor: 1000 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(footprint()).toEqual(before);
  });

  it('refuses more than the order still has unrefunded with VALIDATION and posts nothing', async () => {
    await call('orders.refund', { id: 1, staffId: 1, amountMinor: 10000, idempotencyKey: key() });
    const r = await inspected(1, [{ orderLineId: 11, quantity: 2 }]);
    const before = footprint();
    // $40.00 asked, $23.45 left.
    const result = await resolve(r, { resolution: 'refund' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION',
      message: 'A refund of 40.00 USD is more than the 23.45 USD still refundable on order #1001.' } });
    expect(footprint()).toEqual(before);
    expect(await call<ReturnDetail>('returns.get', { id: r.id })).toMatchObject({ status: 'inspected', version: r.version, refundId: null });
  });
});

describe('resolving a return by store credit or exchange', () => {
  it('records store credit and queues it for a connected store, without a refund', async () => {
    const r = await inspected(1, [{ orderLineId: 12, quantity: 1 }]);
    const done = (await resolve(r, { resolution: 'store_credit', amountMinor: 7345 }) as { data: ReturnDetail }).data;
    expect(done).toMatchObject({ resolution: 'store_credit', refundMinor: 7345, refundId: null, pointsReversed: 0, delivery: 'queued' });
    expect(count('SELECT count(*) FROM refunds')).toBe(0);
    const message = connection.sqlite.prepare('SELECT operation, target_type AS t, target_id AS id, payload FROM outbox').get() as
      { operation: string; t: string; id: number; payload: string };
    expect(message).toMatchObject({ operation: 'store_credit.issue', t: 'customer', id: 1 });
    expect(JSON.parse(message.payload)).toMatchObject({ amountMinor: 7345, currency: 'USD', rmaNumber: r.rmaNumber });
  });

  it('pays nothing for an exchange', async () => {
    const r = await inspected(1, [{ orderLineId: 11, quantity: 1 }]);
    const before = count('SELECT count(*) FROM outbox');
    const done = (await resolve(r, { resolution: 'exchange' }) as { data: ReturnDetail }).data;
    expect(done).toMatchObject({ resolution: 'exchange', refundMinor: null, refundId: null, delivery: null });
    expect(count('SELECT count(*) FROM outbox')).toBe(before);
    expect(count('SELECT count(*) FROM refunds')).toBe(0);
  });
});
