import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import type { HandlerContext } from '../../src/main/core/handler';
import type { ReturnDetail, ReturnPolicy } from '../../src/shared/contract/returns';
import { DEFAULT_RETURN_POLICY } from '../../src/main/domain/returns/policy';
import { caller, key, rawCaller, returnsShop } from './returns-fixtures';

/**
 * The return policy (saved with a version, owners and managers only) and the
 * check each request gets: the window counted from delivery (boundaries
 * worked by hand), final sale, not delivered, serial returners. A flagged
 * request is still recorded as requested.
 */
let connection: Connection;
let ctx: HandlerContext;
let now: Date;
const call = caller(() => ctx);
const raw = rawCaller(() => ctx);

async function savePolicy(change: Partial<typeof DEFAULT_RETURN_POLICY>, staffId = 1): Promise<ReturnPolicy> {
  const { version, updatedAt: _u, ...value } = await call<ReturnPolicy>('returns.policy.get', {});
  return call<ReturnPolicy>('returns.policy.update', { staffId, expectedVersion: version, policy: { ...value, ...change } });
}

const request = (orderId: number, orderLineId: number, quantity = 1) => call<ReturnDetail>('returns.create',
  { orderId, staffId: 2, lines: [{ orderLineId, quantity }], reason: 'changed_mind', idempotencyKey: key() });

beforeEach(async () => {
  now = new Date('2026-05-10T09:00:00.000Z');
  ({ connection, ctx } = await returnsShop(() => now));
});
afterEach(() => connection.close());

describe('returns.policy', () => {
  it('starts from the defaults at version 0 with reasons in both languages', async () => {
    const policy = await call<ReturnPolicy>('returns.policy.get', {});
    expect(policy).toMatchObject({ version: 0, updatedAt: null, windowDays: 30, returnShipping: 'free' });
    expect(policy.reasons.find((r) => r.code === 'does_not_fit')).toEqual({ code: 'does_not_fit', en: 'Does not fit', zh: '尺码不合适', active: true });
  });

  it('saves with a version, refuses a stale save with the current policy, and audits who saved', async () => {
    const first = await savePolicy({ windowDays: 14 });
    expect(first).toMatchObject({ version: 1, windowDays: 14, updatedAt: now.toISOString() });
    const { version: _v, updatedAt: _u, ...value } = first;
    const stale = await raw('returns.policy.update', { staffId: 1, expectedVersion: 0, policy: { ...value, windowDays: 60 } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { current: { version: 1, windowDays: 14 } } } });
    expect((await call<ReturnPolicy>('returns.policy.get', {})).windowDays).toBe(14);
    const audit = connection.sqlite.prepare(`SELECT staff_id AS staffId, action FROM audit_log WHERE action = 'returns.policy.update'`).all();
    expect(audit).toEqual([{ staffId: 1, action: 'returns.policy.update' }]);
  });

  it('lets only an owner or a manager change it', async () => {
    const { version, updatedAt: _u, ...value } = await call<ReturnPolicy>('returns.policy.get', {});
    expect(await raw('returns.policy.update', { staffId: 2, expectedVersion: version, policy: value })).toMatchObject({ ok: false,
      error: { code: 'VALIDATION', message: 'Only an owner or a manager can change the return policy; ask one of them to make this change.' } });
  });

  it('refuses a reason code used twice and a policy without an active reason', async () => {
    const reasons = [{ code: 'a', en: 'A', zh: '甲', active: true }, { code: 'a', en: 'B', zh: '乙', active: true }];
    await expect(savePolicy({ reasons })).rejects.toThrow('The reason code "a" is used twice; give each reason its own code.');
    await expect(savePolicy({ reasons: [{ code: 'a', en: 'A', zh: '甲', active: false }] })).rejects.toThrow('Keep at least one return reason active');
  });
});

describe('the policy check', () => {
  it('counts the window from delivery: open until the same time 30 days later, inclusive', async () => {
    // Order 1 was delivered 2026-05-05 10:00 UTC; May 5 + 30 days = June 4 (26 days to May 31, then 4).
    now = new Date('2026-06-04T10:00:00.000Z');
    expect((await request(1, 11)).policyFlags).toEqual([]);
    now = new Date('2026-06-04T10:00:00.001Z');
    const late = await request(1, 11);
    expect(late).toMatchObject({ status: 'requested', policyFlags: ['outside_window'] });
  });

  it('moves the boundary with the window', async () => {
    await savePolicy({ windowDays: 7 });
    // Delivered 2026-05-05 10:00 UTC + 7 days = 2026-05-12 10:00.
    now = new Date('2026-05-12T09:59:59.999Z');
    expect((await request(1, 11)).policyFlags).toEqual([]);
    now = new Date('2026-05-12T10:00:00.001Z');
    expect((await request(1, 11)).policyFlags).toEqual(['outside_window']);
  });

  it('flags a request on an order not delivered yet, counting its window from the order', async () => {
    // Order 3 placed 2026-05-03 10:00, never delivered: inside 30 days of the order on May 10.
    expect((await request(3, 31)).policyFlags).toEqual(['not_delivered']);
  });

  it('flags final-sale categories (any case) and products', async () => {
    await savePolicy({ finalSaleCategories: ['clearance'] });
    expect((await request(1, 12)).policyFlags).toEqual(['final_sale']);
    expect((await request(1, 11)).policyFlags).toEqual([]);
    await savePolicy({ finalSaleCategories: [], finalSaleProductIds: [1] });
    expect((await request(2, 21)).policyFlags).toEqual(['final_sale']);
  });

  it('flags the request that reaches the serial-returner threshold in 12 months, not older ones', async () => {
    await savePolicy({ serialReturnerThreshold: 3 });
    // A return 366 days ago does not count; 364 days ago does.
    connection.sqlite.exec(`INSERT INTO returns (id, rma_number, order_id, customer_id, status, reason, currency, requested_at, updated_at)
      VALUES (50, 'RMA-000050', 3, 2, 'closed', 'changed_mind', 'USD', '2025-05-09T09:00:00.000Z', 'x')`);
    expect((await request(4, 41)).policyFlags).toEqual([]);
    connection.sqlite.exec(`UPDATE returns SET requested_at = '2025-05-11T09:00:00.000Z' WHERE id = 50`);
    expect((await request(4, 41)).policyFlags).toEqual(['serial_returner']);
    // Customer 1 has none of these: the flag is per customer.
    expect((await request(1, 11)).policyFlags).toEqual([]);
  });
});
