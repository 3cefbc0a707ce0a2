import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Sqlite } from '../../src/main/db/connection';
import { balance } from '../../src/main/domain/loyalty/ledger';
import { earnForOrder, reverseForRefund } from '../../src/main/domain/loyalty/orders';
import { adjust, redeem } from '../../src/main/domain/loyalty/postings';
import { postBonus } from '../../src/main/domain/loyalty/bonus';
import { customerCoupons } from '../../src/main/domain/loyalty/coupons';
import { redeemReward } from '../../src/main/domain/loyalty/redemption';
import { saveReward } from '../../src/main/domain/loyalty/rewards';
import { tierStatus } from '../../src/main/domain/loyalty/tiers';
import { writeLoyaltySettings } from '../../src/main/domain/loyalty/settings';
import { DEFAULT_LOYALTY_SETTINGS } from '../../src/shared/contract';
import { memoryDb } from '../helpers/db';
import { capturePlans as plansOf } from '../helpers/plans';
import { insertCustomer, insertOrder, insertStore } from '../helpers/fixtures';

/**
 * A balance is read on every posting and every customer profile (budget: 1 ms
 * on the 1M-order store): each statement must find its rows through an index,
 * never scan the ledger.
 */
let connection: Connection;
beforeAll(async () => {
  connection = await memoryDb();
  insertStore(connection.sqlite);
  insertCustomer(connection.sqlite, 1);
  insertOrder(connection.sqlite, { id: 1, customerId: 1, seq: 1, placedAt: '2026-01-01T00:00:00.000Z', totalMinor: 9000 });
});
afterAll(() => connection.close());

describe('loyalty program query plans', () => {
  it('redeems a reward, lists coupons, gives a bonus and computes a tier through indexes', () => {
    const now = () => new Date('2026-03-01T00:00:00.000Z');
    writeLoyaltySettings(connection.sqlite, { ...DEFAULT_LOYALTY_SETTINGS, tierBasis: 'spend',
      bonusActions: { ...DEFAULT_LOYALTY_SETTINGS.bonusActions, review: 5 },
      tiers: [{ id: 'base', name: 'Base', threshold: 0, multiplier: 1, benefits: '' },
        { id: 'gold', name: 'Gold', threshold: 100000, multiplier: 2, benefits: '' }] }, now());
    const reward = saveReward(connection.sqlite, { name: 'Five', kind: 'fixed_amount', pointsCost: 5, valueMinor: 500,
      percent: null, productId: null, minOrderMinor: 0, limitPerCustomer: 3, active: true }, now());
    adjust({ sqlite: connection.sqlite, now }, { customerId: 1, points: 50, reason: 'Plan test' });
    const plans = plansOf(connection.sqlite, (sqlite) => {
      const ctx = { sqlite, now };
      redeemReward(ctx, { customerId: 1, rewardId: reward.id, idempotencyKey: 'plan:reward' });
      customerCoupons(sqlite, 1);
      postBonus(ctx, { customerId: 1, action: 'review', reference: 'plan-review' });
      tierStatus(ctx, 1);
    }, { selectsOnly: true });
    expect(plans.length).toBeGreaterThan(6);
    // Aliases too: c coupons, l points_ledger, o outbox.
    for (const plan of plans) expect(plan).not.toMatch(/SCAN (points_ledger|orders|customers|coupons|outbox|c|l|o)\b/);
    expect(plans.some((plan) => /SEARCH c USING INDEX coupons_customer \(customer_id=\?\)/.test(plan))).toBe(true);
    expect(plans.some((plan) => /SEARCH c USING COVERING INDEX coupons_reward \(reward_id=\?/.test(plan))).toBe(true);
    expect(plans.some((plan) => /SEARCH orders USING INDEX orders_customer/.test(plan))).toBe(true);
  });
});

describe('loyalty query plans', () => {
  it('reads a customer\'s ledger, an order\'s earning and an idempotency key through indexes', () => {
    const now = () => new Date('2026-03-01T00:00:00.000Z');
    const plans = plansOf(connection.sqlite, (sqlite) => {
      const ctx = { sqlite, now };
      earnForOrder(ctx, 1);
      adjust(ctx, { customerId: 1, points: 10, reason: 'Plan test' });
      redeem(ctx, { customerId: 1, points: 5, idempotencyKey: 'plan:redeem' });
      reverseForRefund(ctx, { orderId: 1, refundedTotalMinor: 9000, refundKey: 'plan:refund' });
      balance(ctx, 1);
    }, { selectsOnly: true });
    expect(plans.length).toBeGreaterThan(4);
    for (const plan of plans) expect(plan).not.toMatch(/SCAN points_ledger|SCAN orders|SCAN customers/);
    expect(plans.some((plan) => /SEARCH points_ledger USING INDEX points_ledger_customer/.test(plan))).toBe(true);
    expect(plans.some((plan) => /SEARCH points_ledger USING INDEX points_ledger_order/.test(plan))).toBe(true);
  });
});
