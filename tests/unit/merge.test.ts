import { beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import { balance, ledgerState, type LedgerContext } from '../../src/main/domain/loyalty/ledger';
import { isPending, isSpendable } from '../../src/main/domain/loyalty/lots';
import { earnForOrder, reverseForRefund, type EarningRules } from '../../src/main/domain/loyalty/orders';
import { adjust, redeem } from '../../src/main/domain/loyalty/postings';
import { AppError } from '../../src/shared/errors';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';
import { currentCustomerId } from '../../src/main/domain/customers/merged';
import { call, insertFeedbackFor, insertReturnFor, insertStaff, insertTicketFor } from './customers-fixtures';

const NOW = new Date('2026-03-01T00:00:00.000Z');
const RULES: EarningRules = { pointsPerUnit: 1, basis: 'subtotalAfterDiscounts', pendingDays: 14, lifetimeMonths: 12 };
const S = 1;
const T = 2;
let connection: Connection;
let ctx: HandlerContext;
let ledger: LedgerContext;
let events: unknown[];

function codeOf(attempt: () => unknown): string {
  try {
    attempt();
  } catch (error) {
    if (error instanceof AppError) return `${error.code}: ${error.message}`;
    if (error instanceof Error && error.name === 'ZodError') return `VALIDATION: ${error.message}`;
    throw error;
  }
  return 'no error';
}

const liveLots = (customerId: number) => {
  const at = NOW.toISOString();
  return ledgerState(connection.sqlite, customerId).lots
    .filter((l) => isSpendable(l, at) || isPending(l, at))
    .map((l) => ({ remaining: l.remaining, availableAt: l.availableAt, expiresAt: l.expiresAt }));
};
const net = (customerId: number) =>
  connection.sqlite.prepare('SELECT coalesce(sum(points), 0) FROM points_ledger WHERE customer_id = ?').pluck().get(customerId) as number;
const count = (sql: string) => connection.sqlite.prepare(sql).pluck().get() as number;

beforeEach(async () => {
  events = [];
  connection = await memoryDb();
  ctx = handlerContext(connection, NOW, events);
  ledger = { sqlite: connection.sqlite, now: () => NOW };
  const { sqlite } = connection;
  insertStore(sqlite);
  insertStaff(sqlite, 1);
  for (const id of [S, T, 3]) insertCustomer(sqlite, id);
  // Source: an old approved lot (order 1), a pending one (order 2), and 30 points redeemed.
  insertOrder(sqlite, { id: 1, customerId: S, seq: 1, placedAt: '2026-01-05T00:00:00.000Z', totalMinor: 10000 });
  insertOrder(sqlite, { id: 2, customerId: S, seq: 2, placedAt: '2026-02-25T00:00:00.000Z', totalMinor: 5000 });
  insertOrder(sqlite, { id: 3, customerId: T, seq: 1, placedAt: '2026-01-20T00:00:00.000Z', totalMinor: 4000 });
  for (const id of [1, 2, 3]) earnForOrder(ledger, id, RULES);
  redeem(ledger, { customerId: S, points: 30, idempotencyKey: 'r1' });
  insertTicketFor(sqlite, 1, S, '2026-01-06T00:00:00.000Z');
  insertReturnFor(sqlite, 1, S, 1, '2026-01-07T00:00:00.000Z');
  insertFeedbackFor(sqlite, 1, S, '2026-01-08T00:00:00.000Z');
});

const merge = (key = 'merge-1', sourceId = S, targetId = T) =>
  call(ctx, 'customers.merge', { sourceId, targetId, staffId: 1, idempotencyKey: key });

describe('customers.merge', () => {
  it('moves orders, tickets, returns and feedback, and numbers the orders again', () => {
    const result = merge();
    expect(result).toMatchObject({ sourceId: S, targetId: T, replayed: false, moved: { orders: 2, tickets: 1, returns: 1, feedback: 1 } });
    expect(connection.sqlite.prepare('SELECT id, customer_order_seq AS seq FROM orders WHERE customer_id = ? ORDER BY id').all(T))
      .toEqual([{ id: 1, seq: 1 }, { id: 2, seq: 3 }, { id: 3, seq: 2 }]);
    for (const table of ['orders', 'tickets', 'returns', 'feedback']) expect(count(`SELECT count(*) FROM ${table} WHERE customer_id = ${S}`)).toBe(0);
    expect(events).toEqual([{ event: 'data.changed', payload: { areas: ['customers', 'orders', 'loyalty'] } }]);
  });

  it('moves every point lot with its availability and expiry, and keeps the total', () => {
    const sourceLots = liveLots(S);
    const targetLots = liveLots(T);
    expect(sourceLots).toHaveLength(2); // 70 approved left of 100, 50 pending
    const before = { s: balance(ledger, S), t: balance(ledger, T), net: net(S) + net(T) };
    const result = merge();
    expect(result.points).toEqual({ lots: 2, points: 120, debt: 0 });
    expect(liveLots(S)).toEqual([]);
    expect(liveLots(T)).toEqual([...targetLots, ...sourceLots]);
    expect(net(S) + net(T)).toBe(before.net);
    const after = balance(ledger, T);
    expect(after.approved).toBe(before.t.approved + before.s.approved);
    expect(after.pending).toBe(before.t.pending + before.s.pending);
    expect(balance(ledger, S)).toMatchObject({ approved: 0, pending: 0, debt: 0 });
    const keys = connection.sqlite.prepare("SELECT idempotency_key FROM points_ledger WHERE idempotency_key LIKE 'merge:%' ORDER BY id").pluck().all();
    expect(keys).toEqual(['merge:1:1:out', 'merge:1:1:in', 'merge:1:2:out', 'merge:1:2:in']);
  });

  it('carries debt over: the pair owes what the source owed', () => {
    // Spend the pending points too once available, then refund both orders: the source owes.
    redeem(ledger, { customerId: S, points: 70, idempotencyKey: 'r2' });
    reverseForRefund(ledger, { orderId: 1, refundedTotalMinor: 10000, refundKey: 'refund:1' });
    reverseForRefund(ledger, { orderId: 2, refundedTotalMinor: 5000, refundKey: 'refund:2' });
    const debt = balance(ledger, S).debt;
    expect(debt).toBe(100);
    const targetBefore = balance(ledger, T).approved + balance(ledger, T).pending;
    const before = net(S) + net(T);
    expect(merge().points).toEqual({ lots: 0, points: 0, debt: 100 });
    expect(balance(ledger, S)).toMatchObject({ approved: 0, pending: 0, debt: 0 });
    const after = balance(ledger, T);
    expect(after.approved + after.pending - after.debt).toBe(targetBefore - debt);
    expect(net(S) + net(T)).toBe(before);
  });

  it('a refund after the merge takes the points back from the surviving customer', () => {
    merge();
    const before = balance(ledger, T);
    // Order 2 earned 50 points; refunding it in full takes back exactly 50 from the survivor
    // (from its lots, oldest-expiring first: the moved lot no longer names the order).
    const posting = reverseForRefund(ledger, { orderId: 2, refundedTotalMinor: 5000, refundKey: 'refund:2' });
    expect(posting?.entry.customerId).toBe(T);
    expect(posting?.entry.points).toBe(-50);
    const after = balance(ledger, T);
    expect(after.approved + after.pending).toBe(before.approved + before.pending - 50);
    expect(after.debt).toBe(before.debt);
    expect(balance(ledger, S)).toMatchObject({ approved: 0, pending: 0, debt: 0 });
  });

  it('hides the source from lists and duplicates, keeps its history, and links both profiles', () => {
    merge();
    expect(call(ctx, 'customers.list', {}).rows.map((r) => r.id).sort()).toEqual([T, 3]);
    expect(call(ctx, 'customers.get', { id: S })).toMatchObject({ mergedIntoId: T, figures: { ordersCount: 0 } });
    const target = call(ctx, 'customers.get', { id: T });
    expect(target.mergedFrom).toEqual([{ id: S, name: null, email: 'c1@example.com', mergedAt: NOW.toISOString() }]);
    expect(target.figures.ordersCount).toBe(3);
    expect(target.timeline.items.filter((i) => i.kind === 'audit').map((i) => i.kind === 'audit' && i.action)).toEqual(['customer.merge']);
    // Transfers read as transfers on both timelines; the points earned before the merge do not.
    const transfers = (id: number) => call(ctx, 'customers.get', { id }).timeline.items
      .flatMap((i) => (i.kind === 'points' ? [[i.viaMerge, Math.sign(i.points)]] : []));
    expect(transfers(S).filter(([via]) => via).length).toBeGreaterThan(0);
    expect(transfers(S).filter(([via]) => !via).length).toBeGreaterThan(0);
    expect(transfers(T).some(([via, sign]) => via && sign === 1)).toBe(true);
    expect(count(`SELECT count(*) FROM customer_rfm WHERE customer_id = ${S}`)).toBe(0);
    expect(connection.sqlite.prepare('SELECT orders_count AS n, segment FROM customer_rfm WHERE customer_id = ?').get(T))
      .toMatchObject({ n: 3, segment: expect.any(String) });
  });

  it('replays the same key without doing anything again', () => {
    const first = merge();
    const rows = count('SELECT count(*) FROM points_ledger');
    const audits = count('SELECT count(*) FROM audit_log');
    expect(merge()).toEqual({ ...first, replayed: true });
    expect(count('SELECT count(*) FROM points_ledger')).toBe(rows);
    expect(count('SELECT count(*) FROM audit_log')).toBe(audits);
    expect(count('SELECT count(*) FROM customer_merges')).toBe(1);
    expect(events).toHaveLength(1);
  });

  it('refuses merges that make no sense, with sentences, changing nothing', () => {
    expect(codeOf(() => merge('k', S, S))).toMatch(/^VALIDATION: .*cannot be merged into itself/s);
    expect(codeOf(() => merge('k', 99, T))).toBe('NOT_FOUND: There is no customer with id 99 to merge away.');
    expect(codeOf(() => call(ctx, 'customers.merge', { sourceId: S, targetId: T, staffId: 9, idempotencyKey: 'k' })))
      .toBe('VALIDATION: There is no active staff member with id 9 to record the merge.');
    expect(count('SELECT count(*) FROM customer_merges') + count(`SELECT count(*) FROM orders WHERE customer_id = ${T}`)).toBe(1);
    merge();
    expect(codeOf(() => merge('k2'))).toBe(`CONFLICT: Customer #${S} was already merged into customer #${T}.`);
    expect(codeOf(() => merge('k3', 3, S))).toBe(`CONFLICT: Customer #${S} was merged into customer #${T}; merge into that customer instead.`);
    expect(codeOf(() => merge('merge-1', 3, T))).toBe('CONFLICT: This idempotency key was already used for a different merge.');
  });

  it('lets a target be merged on, and points follow the chain', () => {
    adjust(ledger, { customerId: 3, points: 5, reason: 'Welcome', staffId: 1, idempotencyKey: 'a3' });
    merge();
    const total = net(S) + net(T) + net(3);
    call(ctx, 'customers.merge', { sourceId: T, targetId: 3, staffId: 1, idempotencyKey: 'merge-2' });
    expect(net(S) + net(T) + net(3)).toBe(total);
    expect(liveLots(T)).toEqual([]);
    expect(call(ctx, 'customers.get', { id: 3 }).figures.ordersCount).toBe(3);
    expect([S, T, 3].map((id) => currentCustomerId(connection.sqlite, id))).toEqual([3, 3, 3]);
    expect(currentCustomerId(connection.sqlite, 99)).toBe(99);
  });
});
