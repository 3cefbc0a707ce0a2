import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { paymentsSummary } from '../../src/main/domain/insights/payments/handlers';
import { paymentsSummaryInput } from '../../src/shared/contract/insights';
import { handlerContext } from '../helpers/context';
import { memoryDb } from '../helpers/db';
import { capturePlans } from '../helpers/plans';
import { insertCustomerRow, insertOrderRow, insertPaymentRow, insertRefundRow, insertStores } from './rollups-fixtures';

/** payments.summary against figures worked out by hand on a tiny shop (2026-02-01 … 02-10 and the 10 days before). */
let connection: Connection | null = null;
afterEach(() => {
  connection?.sqlite.close();
  connection = null;
});

const NOW = new Date('2026-02-20T12:00:00.000Z');

async function shop() {
  connection = await memoryDb();
  const { sqlite } = connection;
  insertStores(sqlite);
  insertCustomerRow(sqlite, 1, 1);
  sqlite.prepare(`UPDATE customers SET first_name = 'Ada', last_name = 'Byron' WHERE id = 1`).run();
  insertOrderRow(sqlite, { id: 1, customerId: 1, placedAt: '2026-02-02T10:00:00.000Z' });
  insertOrderRow(sqlite, { id: 2, customerId: null, placedAt: '2026-01-25T10:00:00.000Z' });
  insertOrderRow(sqlite, { id: 3, storeId: 2, currency: 'EUR', placedAt: '2026-02-03T10:00:00.000Z' });
  let id = 0;
  const pay = (p: Omit<Parameters<typeof insertPaymentRow>[1], 'id'>) => insertPaymentRow(sqlite, { id: ++id, ...p });
  // In the range (USD): card via stripe 10000 + 4000 (sale, capture), paypal 6000; an authorization is not a sale.
  pay({ orderId: 1, kind: 'sale', method: 'card', gateway: 'stripe', amountMinor: 10000, processedAt: '2026-02-02T10:00:00.000Z' });
  pay({ orderId: 1, kind: 'authorization', method: 'card', gateway: 'stripe', amountMinor: 4000, processedAt: '2026-02-03T10:00:00.000Z' });
  pay({ orderId: 1, kind: 'capture', method: 'card', gateway: 'stripe', amountMinor: 4000, processedAt: '2026-02-04T10:00:00.000Z' });
  pay({ orderId: 1, kind: 'sale', method: 'paypal', gateway: 'paypal', amountMinor: 6000, processedAt: '2026-02-10T23:59:59.000Z' });
  // a refund through the card: card's revenue is 14000 - 1500
  pay({ orderId: 1, kind: 'refund', method: 'card', gateway: 'stripe', amountMinor: 1500, processedAt: '2026-02-05T10:00:00.000Z' });
  // failed and pending
  pay({ orderId: 1, kind: 'sale', method: 'card', gateway: 'stripe', status: 'failure', amountMinor: 700,
    errorCode: 'card_declined', processedAt: '2026-02-06T10:00:00.000Z' });
  pay({ orderId: 1, kind: 'sale', method: 'paypal', gateway: 'paypal', status: 'error', amountMinor: 300, processedAt: '2026-02-07T10:00:00.000Z' });
  pay({ orderId: 1, kind: 'sale', method: 'card', gateway: 'stripe', status: 'pending', amountMinor: 900, processedAt: '2026-02-08T10:00:00.000Z' });
  // outside the range (the previous period 01-22 … 01-31), and another currency in the range
  pay({ orderId: 2, kind: 'sale', method: 'card', gateway: 'stripe', amountMinor: 5000, processedAt: '2026-01-25T10:00:00.000Z' });
  pay({ orderId: 2, kind: 'sale', method: 'card', gateway: 'stripe', status: 'failure', amountMinor: 200, processedAt: '2026-01-26T10:00:00.000Z' });
  pay({ orderId: 3, storeId: 2, currency: 'EUR', kind: 'sale', method: 'card', gateway: 'adyen', amountMinor: 99999,
    processedAt: '2026-02-03T10:00:00.000Z' });
  insertRefundRow(sqlite, { id: 1, orderId: 1, amountMinor: 1500, reason: 'damaged', refundedAt: '2026-02-05T10:00:00.000Z' });
  insertRefundRow(sqlite, { id: 2, orderId: 1, amountMinor: 500, reason: null, refundedAt: '2026-02-09T10:00:00.000Z' });
  insertRefundRow(sqlite, { id: 3, orderId: 2, amountMinor: 1000, reason: 'damaged', refundedAt: '2026-01-30T10:00:00.000Z' });
  return connection;
}

const summary = (c: Connection, input: unknown) => paymentsSummary(paymentsSummaryInput.parse(input), handlerContext(c, NOW));

describe('payments.summary', () => {
  it('sums sales, refunds, failed and pending payments of the range and the previous period', async () => {
    const result = summary(await shop(), { range: { from: '2026-02-01', to: '2026-02-10' } });
    expect(result.currency).toBe('USD');
    expect(result.currencies).toEqual(['USD', 'EUR']);
    expect(result.previousRange).toEqual({ from: '2026-01-22', to: '2026-01-31' });
    expect(result.current).toEqual({
      grossSalesMinor: 20000, refundedMinor: 2000, netRevenueMinor: 18000, refundRate: 0.1, refunds: 2,
      failedPayments: 2, failedMinor: 1000, pendingPayments: 1, pendingMinor: 900,
    });
    expect(result.previous).toEqual({
      grossSalesMinor: 5000, refundedMinor: 1000, netRevenueMinor: 4000, refundRate: 0.2, refunds: 1,
      failedPayments: 1, failedMinor: 200, pendingPayments: 0, pendingMinor: 0,
    });
  });

  it('splits revenue by method and gateway, less their refunds, and refunds by reason', async () => {
    const result = summary(await shop(), { range: { from: '2026-02-01', to: '2026-02-10' } });
    // card 10000 + 4000 - 1500 = 12500 of 18500; paypal 6000
    expect(result.byMethod).toEqual([
      { method: 'card', payments: 2, amountMinor: 12500, share: 12500 / 18500 },
      { method: 'paypal', payments: 1, amountMinor: 6000, share: 6000 / 18500 },
    ]);
    expect(result.byGateway).toEqual([
      { gateway: 'stripe', payments: 2, amountMinor: 12500, share: 12500 / 18500, failed: 1 },
      { gateway: 'paypal', payments: 1, amountMinor: 6000, share: 6000 / 18500, failed: 1 },
    ]);
    expect(result.refundsByReason).toEqual([
      { reason: 'damaged', refunds: 1, amountMinor: 1500 },
      { reason: '', refunds: 1, amountMinor: 500 },
    ]);
  });

  it('gives a day-by-day series with no gaps, and the latest payments needing follow-up', async () => {
    const result = summary(await shop(), { range: { from: '2026-02-01', to: '2026-02-10' } });
    expect(result.granularity).toBe('day');
    expect(result.series).toHaveLength(10);
    expect(result.series[0]).toEqual({ period: '2026-02-01', salesMinor: 0, refundedMinor: 0, failed: 0 });
    expect(result.series[3]).toEqual({ period: '2026-02-04', salesMinor: 4000, refundedMinor: 0, failed: 0 });
    expect(result.series[4]).toEqual({ period: '2026-02-05', salesMinor: 0, refundedMinor: 1500, failed: 0 });
    expect(result.series[9]).toEqual({ period: '2026-02-10', salesMinor: 6000, refundedMinor: 0, failed: 0 });
    expect(result.attention.map((a) => [a.paymentId, a.status])).toEqual([[8, 'pending'], [7, 'error'], [6, 'failure']]);
    expect(result.attention[2]).toEqual({
      paymentId: 6, orderId: 1, orderNumber: '#1001', customerName: 'Ada Byron', status: 'failure', method: 'card',
      gateway: 'stripe', amountMinor: 700, errorCode: 'card_declined', processedAt: '2026-02-06T10:00:00.000Z',
    });
  });

  it('reads all time by month, another currency when asked, and new payments as soon as they are written', async () => {
    const c = await shop();
    const all = summary(c, {});
    expect(all.range).toEqual({ from: null, to: null });
    expect(all.previous).toBeNull();
    expect(all.current.grossSalesMinor).toBe(25000);
    expect(all.series.map((p) => p.period)).toEqual(['2026-01-25', '2026-01-26', '2026-01-27', '2026-01-28', '2026-01-29',
      '2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02', '2026-02-03', '2026-02-04', '2026-02-05', '2026-02-06',
      '2026-02-07', '2026-02-08', '2026-02-09', '2026-02-10']);
    expect(summary(c, { currency: 'EUR' }).current.grossSalesMinor).toBe(99999);
    expect(summary(c, { storeId: 2 }).currency).toBe('EUR');
    insertPaymentRow(c.sqlite, { id: 100, orderId: 1, amountMinor: 1, processedAt: '2026-02-10T00:00:00.000Z' });
    expect(summary(c, {}).current.grossSalesMinor).toBe(25001);
  });

  it('finds the follow-up list through its partial index, not by scanning payments', async () => {
    const c = await shop();
    const plans = capturePlans(c.sqlite, (spied) =>
      paymentsSummary(paymentsSummaryInput.parse({ range: { from: '2026-02-01', to: '2026-02-10' } }),
        { ...handlerContext(c, NOW), sqlite: spied }), { selectsOnly: true });
    const attention = plans.find((plan) => plan.includes('payments_attention'));
    expect(attention).toMatch(/SEARCH p USING INDEX payments_attention/);
    expect(plans.join('\n')).not.toMatch(/SCAN (payments|p)\b/);
  });
});
