import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/core/dispatch';
import type { HandlerContext } from '../../src/main/core/handler';
import { handlers } from '../../src/main/core/handlers';
import type { Connection } from '../../src/main/db/connection';
import { auditTrail } from '../../src/main/domain/audit/log';
import { COUPON_CODE_PATTERN, newCouponCode } from '../../src/main/domain/loyalty/coupons';
import type { CouponView, RedemptionResult, RewardView } from '../../src/shared/contract';
import { memoryDb } from '../helpers/db';
import { handlerContext } from '../helpers/context';
import { insertCustomer, insertStore } from '../helpers/fixtures';

/** The rewards catalog and redemptions through the contract, as the UI calls them. */
let connection: Connection;
let events: unknown[];
let ctx: HandlerContext;
const noLog = () => undefined;
const call = (name: string, input: unknown) => dispatch(handlers, ctx, name, input, noLog);
const count = (table: string) => connection.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

async function ok<T>(name: string, input: unknown): Promise<T> {
  const result = await call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}

const fiveOff = { name: '$5 off', kind: 'fixed_amount', pointsCost: 500, valueMinor: 500 };
const give = (points: number, key = `give:${points}`) =>
  ok('loyalty.adjust', { customerId: 1, points, reason: 'Opening balance', staffId: 7, idempotencyKey: key });

beforeEach(async () => {
  connection = await memoryDb();
  insertStore(connection.sqlite, 1); // a demo store: coupons stay local
  connection.sqlite.prepare(`INSERT INTO stores (id, platform, name, currency, created_at, updated_at)
    VALUES (2, 'shopify', 'Live', 'USD', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`).run();
  insertCustomer(connection.sqlite, 1, 1);
  insertCustomer(connection.sqlite, 2, 2);
  connection.sqlite.prepare(`INSERT INTO products (id, store_id, external_id, title, price_minor, currency, created_at,
    updated_at) VALUES (1, 1, 'p1', 'Tote bag', 1500, 'USD', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`).run();
  connection.sqlite.prepare("INSERT INTO staff (id, name, created_at) VALUES (7, 'Ana', '2026-01-01T00:00:00.000Z')").run();
  events = [];
  ctx = handlerContext(connection, new Date('2026-05-01T00:00:00.000Z'), events);
});

afterEach(() => connection.close());

describe('the rewards catalog', () => {
  it('saves each kind, lists active ones cheapest first, archives without deleting', async () => {
    const five = await ok<RewardView>('loyalty.rewards.save', fiveOff);
    const tenPercent = await ok<RewardView>('loyalty.rewards.save', { name: '10% off', kind: 'percent', pointsCost: 800,
      percent: 10, minOrderMinor: 3000, limitPerCustomer: 1 });
    const shipping = await ok<RewardView>('loyalty.rewards.save', { name: 'Free shipping', kind: 'free_shipping',
      pointsCost: 300 });
    const tote = await ok<RewardView>('loyalty.rewards.save', { name: 'Free tote', kind: 'gift_product', pointsCost: 1200,
      productId: 1 });
    expect(tote).toMatchObject({ productTitle: 'Tote bag', active: true, limitPerCustomer: null, minOrderMinor: 0,
      valueMinor: null, percent: null, issuedCount: 0 });
    expect(tenPercent).toMatchObject({ percent: 10, minOrderMinor: 3000, limitPerCustomer: 1 });
    const list = await ok<{ rewards: RewardView[] }>('loyalty.rewards.list', {});
    expect(list.rewards.map((r) => r.id)).toEqual([shipping.id, five.id, tenPercent.id, tote.id]);
    expect(await ok('loyalty.rewards.archive', { id: shipping.id })).toMatchObject({ active: false });
    expect((await ok<{ rewards: RewardView[] }>('loyalty.rewards.list', {})).rewards).toHaveLength(3);
    expect((await ok<{ rewards: RewardView[] }>('loyalty.rewards.list', { includeInactive: true })).rewards)
      .toHaveLength(4);
    const renamed = await ok<RewardView>('loyalty.rewards.save', { ...fiveOff, id: five.id, name: '$5 voucher' });
    expect(renamed).toMatchObject({ id: five.id, name: '$5 voucher' });
    expect(events).toHaveLength(6);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a fixed amount without its value', { ...fiveOff, valueMinor: undefined }, 'valueMinor', /required/],
    ['a percent reward with a value', { name: 'x', kind: 'percent', pointsCost: 5, percent: 5, valueMinor: 100 },
      'valueMinor', /must be empty/],
    ['a percent above 100', { name: 'x', kind: 'percent', pointsCost: 5, percent: 120 }, 'percent', /at most 100/],
    ['a gift without a product', { name: 'x', kind: 'gift_product', pointsCost: 5 }, 'productId', /required/],
    ['a cost of 0 points', { ...fiveOff, pointsCost: 0 }, 'pointsCost', /greater than 0/],
    ['a fractional cost', { ...fiveOff, pointsCost: 2.5 }, 'pointsCost', /whole number/],
    ['a limit of 0', { ...fiveOff, limitPerCustomer: 0 }, 'limitPerCustomer', /at least 1/],
    ['a negative minimum order', { ...fiveOff, minOrderMinor: -1 }, 'minOrderMinor', /not be negative/],
    ['an unknown kind', { ...fiveOff, kind: 'cashback' }, 'kind', /./],
  ])('refuses %s with VALIDATION naming the field', async (_label, input, path, message) => {
    const result = await call('loyalty.rewards.save', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    const issues = (result.error.details as { issues: { path: string; message: string }[] }).issues;
    expect(issues.find((i) => i.path === path)?.message).toMatch(message);
    expect(count('rewards')).toBe(0);
  });

  it('refuses a gift of a product that does not exist, and an unknown reward', async () => {
    expect(await call('loyalty.rewards.save', { name: 'x', kind: 'gift_product', pointsCost: 5, productId: 9 }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'There is no product with id 9 to give.' } });
    expect(await call('loyalty.rewards.archive', { id: 9 }))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no reward with id 9.' } });
  });
});

describe('redeeming a reward', () => {
  it('spends the points, issues a coupon with a readable code, and a retry returns the same coupon', async () => {
    const reward = await ok<RewardView>('loyalty.rewards.save', fiveOff);
    await give(800);
    events.length = 0;
    const input = { customerId: 1, rewardId: reward.id, idempotencyKey: 'redeem-1', staffId: 7 };
    const first = await ok<RedemptionResult>('loyalty.redeem', input);
    expect(first).toMatchObject({ replayed: false, entry: { type: 'redeem', points: -500, balanceAfter: 300 },
      balance: { approved: 300 }, coupon: { customerId: 1, rewardId: reward.id, rewardName: '$5 off', kind: 'fixed_amount',
        valueMinor: 500, pointsSpent: 500, status: 'issued', storeId: 1, queuedForStore: false } });
    expect(first.coupon.code).toMatch(COUPON_CODE_PATTERN);
    expect(first.coupon.ledgerEntryId).toBe(first.entry.id);
    expect(events).toEqual([{ event: 'data.changed', payload: { areas: ['loyalty'] } }]);
    const again = await ok<RedemptionResult>('loyalty.redeem', input);
    expect(again).toMatchObject({ replayed: true, coupon: { code: first.coupon.code }, balance: { approved: 300 } });
    expect(count('coupons')).toBe(1);
    expect(count('outbox')).toBe(0); // a demo store has no marketplace to send it to
    expect(auditTrail(connection.sqlite, 'customer', 1)[0]).toMatchObject({ action: 'points.redeem',
      detail: { couponCode: first.coupon.code, points: 500 } });
    const listed = await ok<{ coupons: CouponView[] }>('loyalty.coupons', { customerId: 1 });
    expect(listed.coupons).toEqual([first.coupon]);
  });

  it('queues the coupon for a connected store in the same transaction', async () => {
    const reward = await ok<RewardView>('loyalty.rewards.save', fiveOff);
    await ok('loyalty.adjust', { customerId: 2, points: 500, reason: 'Hi', staffId: 7, idempotencyKey: 'g2' });
    const result = await ok<RedemptionResult>('loyalty.redeem', { customerId: 2, rewardId: reward.id,
      idempotencyKey: 'r' });
    expect(result.coupon).toMatchObject({ storeId: 2, queuedForStore: true });
    const message = connection.sqlite.prepare('SELECT operation, target_id AS targetId, payload FROM outbox').get() as
      { operation: string; targetId: number; payload: string };
    expect(message).toMatchObject({ operation: 'coupon.create', targetId: result.coupon.id });
    expect(JSON.parse(message.payload)).toMatchObject({ code: result.coupon.code, kind: 'fixed_amount', valueMinor: 500 });
  });

  it.each<[string, () => Promise<Record<string, unknown>>, string, string]>([
    ['too few points', async () => ({ rewardId: (await ok<RewardView>('loyalty.rewards.save', fiveOff)).id }),
      'VALIDATION', 'The customer has 400 spendable points; "$5 off" costs 500.'],
    ['an archived reward', async () => {
      const { id } = await ok<RewardView>('loyalty.rewards.save', { ...fiveOff, pointsCost: 100 });
      await ok('loyalty.rewards.archive', { id });
      return { rewardId: id };
    }, 'CONFLICT', 'The reward "$5 off" is no longer offered.'],
    ['an unknown reward', async () => ({ rewardId: 99 }), 'VALIDATION', 'There is no reward with id 99.'],
    ['an unknown customer', async () => ({ customerId: 42, rewardId: (await ok<RewardView>('loyalty.rewards.save',
      fiveOff)).id }), 'VALIDATION', 'There is no customer with id 42.'],
  ])('refuses %s with a sentence, posting and issuing nothing', async (_label, setup, code, message) => {
    await give(400);
    const input = { customerId: 1, idempotencyKey: 'r', ...(await setup()) };
    const rows = count('points_ledger');
    expect(await call('loyalty.redeem', input)).toMatchObject({ ok: false, error: { code, message } });
    expect(count('points_ledger')).toBe(rows);
    expect(count('coupons')).toBe(0);
  });

  it('keeps to the limit per customer', async () => {
    const reward = await ok<RewardView>('loyalty.rewards.save', { ...fiveOff, pointsCost: 100, limitPerCustomer: 2 });
    await give(1000);
    await ok('loyalty.redeem', { customerId: 1, rewardId: reward.id, idempotencyKey: 'a' });
    await ok('loyalty.redeem', { customerId: 1, rewardId: reward.id, idempotencyKey: 'b' });
    expect(await call('loyalty.redeem', { customerId: 1, rewardId: reward.id, idempotencyKey: 'c' })).toMatchObject({
      ok: false, error: { code: 'CONFLICT',
        message: 'The customer has already redeemed "$5 off" 2 times, the most allowed per customer.' },
    });
    expect(await ok('loyalty.balance', { customerId: 1 })).toMatchObject({ approved: 800 });
    // A retry of an earlier redemption is still answered, not refused by the limit.
    expect(await ok('loyalty.redeem', { customerId: 1, rewardId: reward.id, idempotencyKey: 'a' }))
      .toMatchObject({ replayed: true });
  });

  it('refuses a key reused for another reward', async () => {
    const a = await ok<RewardView>('loyalty.rewards.save', { ...fiveOff, pointsCost: 100 });
    const b = await ok<RewardView>('loyalty.rewards.save', { ...fiveOff, name: 'Other', pointsCost: 100 });
    await give(1000);
    await ok('loyalty.redeem', { customerId: 1, rewardId: a.id, idempotencyKey: 'k' });
    expect(await call('loyalty.redeem', { customerId: 1, rewardId: b.id, idempotencyKey: 'k' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('makes codes from the unambiguous alphabet only', () => {
    const codes = new Set(Array.from({ length: 2000 }, newCouponCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(COUPON_CODE_PATTERN);
    expect([...codes].join('')).not.toMatch(/[01ILO]/);
  });
});
