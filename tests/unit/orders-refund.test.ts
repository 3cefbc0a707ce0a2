import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import { dispatch } from '../../src/main/core/dispatch';
import { handlers } from '../../src/main/core/handlers';
import { balance } from '../../src/main/domain/loyalty/ledger';
import { earnForOrder } from '../../src/main/domain/loyalty/orders';
import type { OrderWriteResult } from '../../src/shared/contract';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';
import { insertCustomer, insertOrder } from '../helpers/fixtures';

/**
 * orders.refund, the local refund flow: one transaction for the refund, the
 * order's totals, the points reversal, the audit entry and the outbox; a
 * replay writes nothing; a refused refund writes nothing.
 */
let connection: Connection;
let ctx: HandlerContext;
let events: unknown[];
const NOW = new Date('2026-06-01T12:00:00Z');
const RULES = { pointsPerUnit: 1, basis: 'total' as const, pendingDays: 0, lifetimeMonths: null };

const count = (sql: string, ...args: unknown[]) => connection.sqlite.prepare(sql).pluck().get(...args) as number;
const call = (name: string, input: unknown) => dispatch(handlers, ctx, name, input, () => undefined);

async function refund(input: Record<string, unknown>): Promise<OrderWriteResult> {
  const result = await call('orders.refund', { staffId: 1, ...input });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as OrderWriteResult;
}

/** Everything a refund writes, to prove a refused one wrote none of it. */
function footprint() {
  return ['refunds', 'points_ledger', 'audit_log', 'outbox'].map((t) => count(`SELECT count(*) FROM ${t}`))
    .concat(count('SELECT sum(refunded_minor) FROM orders'));
}

beforeEach(async () => {
  connection = await memoryDb();
  events = [];
  ctx = handlerContext(connection, NOW, events);
  const s = connection.sqlite;
  s.exec(`INSERT INTO stores (id, platform, name, currency, created_at, updated_at)
    VALUES (1, 'shopify', 'Connected', 'USD', 'x', 'x'), (2, 'demo', 'Local only', 'USD', 'x', 'x');
    INSERT INTO staff (id, name, created_at) VALUES (1, 'Mia', 'x');
    INSERT INTO staff (id, name, active, created_at) VALUES (2, 'Gone', 0, 'x')`);
  insertCustomer(s, 1);
  // Order 1: $123.45, earns 123 points. Order 2: local store. Order 3: cancelled. Order 4: voided.
  insertOrder(s, { id: 1, customerId: 1, seq: 1, placedAt: '2026-05-01T10:00:00.000Z', totalMinor: 12345 });
  insertOrder(s, { id: 2, customerId: 1, seq: 2, placedAt: '2026-05-02T10:00:00.000Z', totalMinor: 5000, storeId: 2 });
  insertOrder(s, { id: 3, customerId: 1, seq: 3, placedAt: '2026-05-03T10:00:00.000Z', totalMinor: 5000, status: 'cancelled' });
  insertOrder(s, { id: 4, customerId: 1, seq: 4, placedAt: '2026-05-04T10:00:00.000Z', totalMinor: 5000 });
  s.exec(`UPDATE orders SET financial_status = 'voided' WHERE id = 4`);
  for (const id of [1, 2]) earnForOrder(ctx, id, RULES);
});
afterEach(() => connection.close());

describe('orders.refund', () => {
  it('records a partial refund, reverses points pro rata, audits it and queues it for the store', async () => {
    const before = balance(ctx, 1).approved;
    const order = await refund({ id: 1, amountMinor: 4000, reason: 'Damaged', idempotencyKey: 'refund-key-1' });
    expect(order).toMatchObject({ refundedMinor: 4000, financialStatus: 'partially_refunded', delivery: { queuedFor: 'Connected' } });
    expect(order.refunds).toEqual([expect.objectContaining({ amountMinor: 4000, currency: 'USD', reason: 'Damaged' })]);
    // floor(123 × 4000 / 12345) = 39
    expect(order.pointsSummary).toEqual({ earned: 123, reversed: 39, spentOnOrder: null });
    expect(balance(ctx, 1).approved).toBe(before - 39);
    expect(order.audit).toEqual([expect.objectContaining({ action: 'refund.local', staff: { id: 1, name: 'Mia' },
      detail: expect.objectContaining({ amountMinor: 4000, pointsReversed: 39,
        before: { refundedMinor: 0, financialStatus: 'paid' }, after: { refundedMinor: 4000, financialStatus: 'partially_refunded' } }) })]);
    const outbox = connection.sqlite.prepare('SELECT operation, target_id AS targetId, payload FROM outbox').all() as { operation: string; targetId: number; payload: string }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ operation: 'order.refund.create', targetId: 1 });
    expect(JSON.parse(outbox[0]!.payload)).toMatchObject({ externalId: 'o1', amountMinor: 4000, currency: 'USD' });
    expect(count(`SELECT count(*) FROM refunds WHERE external_id = 'local:refund-key-1'`)).toBe(1);
    expect(events).toContainEqual({ event: 'data.changed', payload: { areas: ['orders', 'customers', 'loyalty'] } });
  });

  it('brings the balance down by exactly what the order earned on a full refund, in two parts', async () => {
    const before = balance(ctx, 1).approved;
    await refund({ id: 1, amountMinor: 3333, idempotencyKey: 'refund-part-1' });
    const order = await refund({ id: 1, amountMinor: 12345 - 3333, idempotencyKey: 'refund-part-2' });
    expect(order).toMatchObject({ refundedMinor: 12345, financialStatus: 'refunded' });
    expect(order.pointsSummary).toMatchObject({ earned: 123, reversed: 123 });
    expect(balance(ctx, 1).approved).toBe(before - 123);
  });

  it('replays the same idempotency key without writing or posting anything twice', async () => {
    const first = await refund({ id: 1, amountMinor: 12345, idempotencyKey: 'refund-replay' });
    const written = footprint();
    const again = await refund({ id: 1, amountMinor: 12345, idempotencyKey: 'refund-replay' });
    expect(footprint()).toEqual(written);
    expect(again.refunds).toEqual(first.refunds);
    expect(again.pointsSummary).toEqual(first.pointsSummary);
    expect([first.delivery, again.delivery]).toEqual([{ queuedFor: 'Connected' }, { queuedFor: null }]);
    expect(count('SELECT count(*) FROM outbox')).toBe(1);
  });

  it('refuses a key reused for another amount with CONFLICT', async () => {
    await refund({ id: 1, amountMinor: 100, idempotencyKey: 'refund-reused' });
    const written = footprint();
    const result = await call('orders.refund', { id: 1, amountMinor: 200, staffId: 1, idempotencyKey: 'refund-reused' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(footprint()).toEqual(written);
  });

  it('refuses an over-refund with a VALIDATION sentence and writes nothing', async () => {
    await refund({ id: 1, amountMinor: 12000, idempotencyKey: 'refund-most' });
    const written = footprint();
    const result = await call('orders.refund', { id: 1, amountMinor: 346, staffId: 1, idempotencyKey: 'refund-too-much' });
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION',
      message: 'A refund of 3.46 USD is more than the 3.45 USD still refundable on order #1001.', details: { refundableMinor: 345 } } });
    expect(footprint()).toEqual(written);
  });

  it.each([
    [3, /cancelled or voided/],
    [4, /cancelled or voided/],
  ])('refuses to refund order %i (cancelled or voided) with CONFLICT, writing nothing', async (id, message) => {
    const written = footprint();
    const result = await call('orders.refund', { id, amountMinor: 100, staffId: 1, idempotencyKey: `refund-order-${id}` });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(message) } });
    expect(footprint()).toEqual(written);
  });

  it('keeps a refund of a local-only store local: no outbox message', async () => {
    const order = await refund({ id: 2, amountMinor: 5000, idempotencyKey: 'refund-local-store' });
    expect(order.financialStatus).toBe('refunded');
    expect(order.pointsSummary).toMatchObject({ earned: 50, reversed: 50 });
    expect(order.delivery).toEqual({ queuedFor: null });
    expect(count('SELECT count(*) FROM outbox')).toBe(0);
  });

  it.each([
    ['a zero amount', { id: 1, amountMinor: 0, staffId: 1, idempotencyKey: 'refund-zero' }, 'VALIDATION'],
    ['a fractional amount', { id: 1, amountMinor: 10.5, staffId: 1, idempotencyKey: 'refund-frac' }, 'VALIDATION'],
    ['a negative amount', { id: 1, amountMinor: -5, staffId: 1, idempotencyKey: 'refund-neg' }, 'VALIDATION'],
    ['no idempotency key', { id: 1, amountMinor: 5, staffId: 1 }, 'VALIDATION'],
    ['an inactive staff member', { id: 1, amountMinor: 5, staffId: 2, idempotencyKey: 'refund-staff' }, 'VALIDATION'],
    ['an unknown order', { id: 99, amountMinor: 5, staffId: 1, idempotencyKey: 'refund-unknown' }, 'NOT_FOUND'],
  ])('refuses %s, writing nothing', async (_label, input, code) => {
    const written = footprint();
    const result = await call('orders.refund', input);
    expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(/\.$/) } });
    expect(footprint()).toEqual(written);
  });

  it('leaves the customer in debt, not below zero, when the earned points were already spent', async () => {
    connection.sqlite.prepare(`INSERT INTO points_ledger (customer_id, entry_type, points, idempotency_key, available_at, created_at)
      VALUES (1, 'redeem', -150, 'spent-it', ?, ?)`).run(NOW.toISOString(), NOW.toISOString());
    await refund({ id: 1, amountMinor: 12345, idempotencyKey: 'refund-after-spend' });
    const figures = balance(ctx, 1);
    expect(figures.approved).toBeGreaterThanOrEqual(0);
    expect(figures.approved - figures.debt).toBe(123 + 50 - 150 - 123);
  });
});
