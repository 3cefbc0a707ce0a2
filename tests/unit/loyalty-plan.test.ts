import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Sqlite } from '../../src/main/db/connection';
import { balance } from '../../src/main/domain/loyalty/ledger';
import { earnForOrder, reverseForRefund } from '../../src/main/domain/loyalty/orders';
import { adjust, redeem } from '../../src/main/domain/loyalty/postings';
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
