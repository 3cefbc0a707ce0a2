import { beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../src/main/core/handler';
import { balance, ledgerState, post } from '../../src/main/domain/loyalty/ledger';
import { earnForOrder, reverseForRefund } from '../../src/main/domain/loyalty/orders';
import { adjust, expireDue, redeem } from '../../src/main/domain/loyalty/postings';
import type { Sqlite } from '../../src/main/db/connection';
import { generateDemoStore } from '../../src/main/demo';
import { memoryDb } from '../helpers/db';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';

/**
 * The points ledger on hand-made data. Orders from the fixtures have
 * subtotal = total and no discount, so an order of 10000 cents earns 100
 * points, pending 14 days from its placement, expiring 365 days after it.
 */
let sqlite: Sqlite;
let clock: Date;
let ctx: HandlerContext;
const at = (iso: string) => (clock = new Date(iso));
const count = () => sqlite.prepare('SELECT count(*) FROM points_ledger').pluck().get() as number;
const order = (id: number, totalMinor: number, placedAt = '2026-01-01T00:00:00.000Z') =>
  insertOrder(sqlite, { id, customerId: 1, seq: id, placedAt, totalMinor });
const bonus = (points: number, key: string, expiresAt: string | null = null) =>
  post(ctx, { customerId: 1, entryType: 'bonus', points, idempotencyKey: key, expiresAt });
const remainders = () => ledgerState(sqlite, 1).lots.map((lot) => lot.remaining);
const refund = (orderId: number, refundedTotalMinor: number, key: string) =>
  reverseForRefund(ctx, { orderId, refundedTotalMinor, refundKey: key });

beforeEach(async () => {
  const connection = await memoryDb();
  sqlite = connection.sqlite;
  insertStore(sqlite);
  insertCustomer(sqlite, 1);
  insertCustomer(sqlite, 2);
  sqlite.prepare("INSERT INTO staff (id, name, created_at) VALUES (7, 'Ana', '2026-01-01T00:00:00.000Z')").run();
  at('2026-01-01T00:00:00.000Z');
  ctx = { sqlite, db: connection.db, dbPath: ':memory:', now: () => clock, emit: () => undefined };
});

describe('lots', () => {
  it('spends the lot that expires first, then the older one', () => {
    bonus(100, 'a', '2026-12-31T00:00:00.000Z');
    bonus(50, 'b', '2026-06-30T00:00:00.000Z');
    redeem(ctx, { customerId: 1, points: 60, idempotencyKey: 'r1' });
    expect(remainders()).toEqual([90, 0]);
    bonus(30, 'c', null); // no expiry: spent last
    redeem(ctx, { customerId: 1, points: 100, idempotencyKey: 'r2' });
    expect(remainders()).toEqual([0, 0, 20]);
  });

  it('keeps an order\'s points pending for 14 days and refuses to spend them', () => {
    order(1, 12345, '2026-03-01T10:00:00.000Z'); // 123 points
    at('2026-03-05T00:00:00.000Z');
    expect(earnForOrder(ctx, 1)?.entry.points).toBe(123);
    expect(balance(ctx, 1)).toMatchObject({ approved: 0, pending: 123, debt: 0 });
    expect(() => redeem(ctx, { customerId: 1, points: 10, idempotencyKey: 'early' })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(count()).toBe(1);
    at('2026-03-15T10:00:00.000Z');
    expect(balance(ctx, 1)).toMatchObject({ approved: 123, pending: 0 });
  });

  it('lists what expires soon and expires each lot once', () => {
    bonus(10, 'soon', '2026-01-20T00:00:00.000Z');
    bonus(20, 'later', '2026-02-20T00:00:00.000Z');
    bonus(40, 'much-later', '2026-03-20T00:00:00.000Z');
    bonus(80, 'never', null);
    expect(balance(ctx, 1).expiringSoon).toEqual({ days30: 10, days60: 30, days90: 70 });
    redeem(ctx, { customerId: 1, points: 4, idempotencyKey: 'r' }); // from the 10 that expire first
    at('2026-02-21T00:00:00.000Z');
    expect(balance(ctx, 1)).toMatchObject({ approved: 120, pending: 0 }); // 40 + 80: the rest expired
    expect(expireDue(ctx).map((p) => p.entry.points)).toEqual([-6, -20]);
    expect(expireDue(ctx)).toEqual([]);
    expect(remainders()).toEqual([0, 0, 40, 80]);
    expect(sqlite.prepare('SELECT sum(points) FROM points_ledger').pluck().get()).toBe(120);
  });
});

describe('refunds', () => {
  it('reverses pro rata of the money refunded so far, and exactly all on a full refund', () => {
    order(1, 3000); // 30 points
    earnForOrder(ctx, 1);
    expect(refund(1, 1000, 'refund:1')?.entry.points).toBe(-10);
    expect(refund(1, 1500, 'refund:2')?.entry.points).toBe(-5); // floor(30 × 1500 / 3000) - 10
    expect(refund(1, 1500, 'refund:2')?.replayed).toBe(true);
    expect(refund(1, 3000, 'refund:3')?.entry.points).toBe(-15);
    expect(refund(1, 3000, 'refund:4')).toBeNull(); // nothing left to take back
    expect(balance(ctx, 1)).toMatchObject({ approved: 0, pending: 0, debt: 0 });
    expect(count()).toBe(4);
  });

  it('takes what was spent from other points first, and records the rest as debt that later earning repays', () => {
    bonus(30, 'welcome');
    order(1, 10000); // 100 points, approved from 15 January
    earnForOrder(ctx, 1);
    at('2026-01-20T00:00:00.000Z');
    // The order's lot expires (in a year) before the welcome bonus (never), so it is spent first.
    redeem(ctx, { customerId: 1, points: 120, idempotencyKey: 'spend' }); // all 100 of the order's + 20 welcome
    bonus(5, 'review');
    expect(refund(1, 10000, 'refund:1')?.entry.points).toBe(-100); // its lot is empty: 10 welcome + 5 review, 85 owed
    expect(balance(ctx, 1)).toMatchObject({ approved: 0, pending: 0, debt: 85 });
    order(2, 5000, '2026-01-20T00:00:00.000Z'); // 50 points: all repay debt
    earnForOrder(ctx, 2);
    expect(balance(ctx, 1)).toMatchObject({ approved: 0, pending: 0, debt: 35 });
    order(3, 20000, '2026-01-20T00:00:00.000Z'); // 200: 35 repay the debt, 165 pending
    earnForOrder(ctx, 3);
    expect(balance(ctx, 1)).toMatchObject({ approved: 0, pending: 165, debt: 0 });
    // The ledger's sum is what the customer holds less what they owe.
    expect(sqlite.prepare('SELECT sum(points) FROM points_ledger').pluck().get()).toBe(165);
  });
});

describe('postings', () => {
  it('posts the same event once: a replay returns the first posting', () => {
    order(1, 10000);
    expect(earnForOrder(ctx, 1)?.replayed).toBe(false);
    expect(earnForOrder(ctx, 1)?.replayed).toBe(true);
    at('2026-02-01T00:00:00.000Z');
    expect(redeem(ctx, { customerId: 1, points: 40, idempotencyKey: 'checkout:9' }).replayed).toBe(false);
    expect(redeem(ctx, { customerId: 1, points: 40, idempotencyKey: 'checkout:9' }).replayed).toBe(true);
    expect(count()).toBe(2);
    expect(balance(ctx, 1).approved).toBe(60);
    expect(() => redeem(ctx, { customerId: 1, points: 41, idempotencyKey: 'checkout:9' })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it('refuses to spend more than the spendable balance, posting nothing', () => {
    bonus(50, 'b');
    expect(() => adjust(ctx, { customerId: 1, points: -51, reason: 'Typo', staffId: 7 })).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/50 spendable points/) }),
    );
    expect(() => redeem(ctx, { customerId: 1, points: 51, idempotencyKey: 'r' })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(count()).toBe(1);
    expect(adjust(ctx, { customerId: 1, points: -50, reason: 'Typo', staffId: 7 }).entry).toMatchObject({
      points: -50, reason: 'Typo', staffId: 7, entryType: 'adjust',
    });
    expect(balance(ctx, 1).approved).toBe(0);
  });

  it.each([
    ['fractional points', () => redeem(ctx, { customerId: 1, points: 1.5, idempotencyKey: 'k' })],
    ['zero points', () => adjust(ctx, { customerId: 1, points: 0, reason: 'Nothing' })],
    ['a negative redemption', () => redeem(ctx, { customerId: 1, points: -5, idempotencyKey: 'k' })],
    ['a negative earning', () => post(ctx, { customerId: 1, entryType: 'earn', points: -5, idempotencyKey: 'k' })],
    ['a blank reason', () => adjust(ctx, { customerId: 1, points: 5, reason: '   ' })],
    ['a negative refund', () => refund(1, -1, 'k')],
  ])('answers %s with VALIDATION, posting nothing', (_, attempt) => {
    bonus(50, 'b');
    expect(attempt).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(count()).toBe(1);
  });

  it.each([
    ['an adjustment for an unknown customer', () => adjust(ctx, { customerId: 99, points: 5, reason: 'Hi' })],
    ['an adjustment by an unknown staff member', () => adjust(ctx, { customerId: 1, points: 5, reason: 'Hi', staffId: 99 })],
  ])('answers %s with VALIDATION (bad input), posting nothing', (_, attempt) => {
    expect(attempt).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(count()).toBe(0);
  });

  it.each([
    ['an unknown order', () => earnForOrder(ctx, 99)],
    ['the balance of an unknown customer', () => balance(ctx, 99)],
  ])('answers %s with NOT_FOUND', (_, attempt) => {
    expect(attempt).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(count()).toBe(0);
  });

  it('earns nothing for a guest, an unpaid or a cancelled order', () => {
    insertOrder(sqlite, { id: 1, customerId: null, seq: null, placedAt: '2026-01-01T00:00:00.000Z', totalMinor: 9000 });
    insertOrder(sqlite, { id: 2, customerId: 1, seq: 1, placedAt: '2026-01-01T00:00:00.000Z', totalMinor: 9000,
      status: 'cancelled' });
    order(3, 9000);
    sqlite.exec("UPDATE orders SET financial_status = 'pending' WHERE id = 3");
    expect([1, 2, 3].map((id) => earnForOrder(ctx, id))).toEqual([null, null, null]);
    expect(count()).toBe(0);
  });
});

describe('the demo store', () => {
  it('writes a ledger the lot model accepts: no debit without points to cover it', async () => {
    const demo = await memoryDb();
    generateDemoStore(demo.sqlite, { size: { orders: 3000 }, seed: 11, now: new Date('2026-03-01T12:00:00.000Z') });
    const customers = demo.sqlite.prepare('SELECT DISTINCT customer_id FROM points_ledger').pluck().all() as number[];
    expect(customers.length).toBeGreaterThan(100);
    for (const customerId of customers) {
      const state = ledgerState(demo.sqlite, customerId);
      expect(state.debt, `customer ${customerId}`).toBe(0);
    }
    demo.close();
  });
});
