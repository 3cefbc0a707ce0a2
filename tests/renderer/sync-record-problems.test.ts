import { describe, expect, it } from 'vitest';
import { customerProblem, orderProblem, productProblem } from '../../src/main/sync/apply/validate';
import type { RemoteOrder } from '../../src/main/sync/model';
import { syncMessage } from '../../src/renderer/src/features/sync/messages';
import { recordProblem } from '../../src/renderer/src/features/sync/record-problems';
import { translate, type MessageKey } from '../../src/renderer/src/i18n/dictionary';
import { createFormatters } from '../../src/renderer/src/i18n/format';
import { remoteCustomer, remoteLine, remoteOrder, remoteProduct } from '../unit/sync-apply-fixtures';

/**
 * Why a record was set aside, said again in Chinese: every sentence here is
 * the core's own, made by its boundary check (sync/apply/validate.ts) from a
 * record broken one way, so a change of wording there fails here.
 */
const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('zh-CN', key, vars);

const broken = (overrides: Partial<RemoteOrder>) => orderProblem(remoteOrder('o1', overrides))!;
const line = remoteLine('l1');
const payment = remoteOrder('o1').payments[0]!;
const shipment = { externalId: 's1', carrier: 'DHL', service: null, trackingNumber: null, trackingUrl: null,
  status: 'InTransit' as const, shippedAt: null, estimatedDeliveryAt: null, deliveredAt: null, updatedAt: '2026-02-01T12:00:00Z' };
const refund = { externalId: 'r1', amountMinor: 100, currency: 'USD', reason: null, note: null, refundedAt: '2026-02-01T12:00:00Z' };

const REASONS: string[] = [
  broken({ externalId: '' }),
  broken({ orderNumber: '' }),
  broken({ placedAt: '' }),
  broken({ updatedAt: 'yesterday' }),
  broken({ cancelledAt: '2026-02-01 10:00' }),
  broken({ status: 'archived' as RemoteOrder['status'] }),
  broken({ financialStatus: 'owed' as RemoteOrder['financialStatus'] }),
  broken({ currency: 'dollars' }),
  broken({ subtotalMinor: 12.5 }),
  broken({ taxMinor: -3 }),
  broken({ tags: 'vip' as unknown as string[] }),
  broken({ totalMinor: 9999 }),
  broken({ taxesIncluded: true, totalMinor: 9999 } as Partial<RemoteOrder>),
  broken({ lines: 'none' as unknown as RemoteOrder['lines'] }),
  broken({ lines: [{ ...line, quantity: 0 }] , subtotalMinor: 0, discountMinor: 0, shippingMinor: 0, taxMinor: 0, totalMinor: 0 }),
  broken({ lines: [{ ...line, externalId: '' }] }),
  broken({ lines: [{ ...line, title: '' }] }),
  broken({ lines: [{ ...line, unitPriceMinor: -1 }] }),
  broken({ lines: [line, { ...line }] }),
  broken({ payments: [{ ...payment, method: '' }] }),
  broken({ payments: [{ ...payment, gateway: '' }] }),
  broken({ payments: [{ ...payment, kind: 'gift' as typeof payment.kind }] }),
  broken({ payments: [{ ...payment, processedAt: 'soon' }] }),
  broken({ refunds: [{ ...refund, currency: 'usd' }] }),
  broken({ refunds: [{ ...refund, refundedAt: '' }] }),
  broken({ shipments: [{ ...shipment, carrier: '' }] }),
  broken({ shipments: [{ ...shipment, status: 'Lost' as typeof shipment.status }] }),
  broken({ shipments: [{ ...shipment, estimatedDeliveryAt: 'next week' }] }),
  broken({ customer: remoteCustomer('c1', { marketingConsent: 'yes' as unknown as boolean }) }),
  productProblem(remoteProduct('p1', { title: '' }))!,
  productProblem(remoteProduct('p1', { inventoryQuantity: 2.5 }))!,
  productProblem(remoteProduct('p1', { priceMinor: -5 }))!,
  customerProblem(remoteCustomer('c1', { updatedAt: '' }))!,
  'The order could not be applied: This idempotency key was already used for a different posting.',
  'The database refused the product (CHECK constraint failed: price_minor >= 0).',
  'The record is empty.',
];

describe('why a record was set aside, in Chinese', () => {
  it('says every kind of problem the boundary check finds in Chinese, with the record\'s own values kept', () => {
    expect(new Set(REASONS).size).toBe(REASONS.length);
    for (const reason of REASONS) {
      expect(reason, 'a record broken one way has a problem').toEqual(expect.any(String));
      const shown = recordProblem(t, reason);
      expect(shown, reason).not.toBeNull();
      expect(shown, reason).not.toMatch(/\{\w+\}/);
      expect(shown, reason).not.toMatch(/\b(is|are|has|have|not|the|The|Line|Payment|Refund|Shipment|missing|negative)\b/);
    }
  });

  it('names the field as the merchant knows it, and says the sum that does not add up', () => {
    expect(recordProblem(t, broken({ lines: [{ ...line, unitPriceMinor: -1 }] }))).toBe('第 1 行（Blue mug）的单价为负数（-1）。');
    expect(recordProblem(t, broken({ totalMinor: 9999 })))
      .toBe('总额 9999 对不上：小计 5000 − 折扣 500 + 运费 400 + 税费 300 = 5200（USD 的最小货币单位）。');
    expect(recordProblem(t, broken({ customer: remoteCustomer('c1', { marketingConsent: 'yes' as unknown as boolean }) })))
      .toBe('订单中的客户：营销同意既不是“是”也不是“否”。');
  });

  it('is said inside the run log\'s line, and left as it is when it is new', () => {
    const zh = { locale: 'zh-CN' as const, t, format: createFormatters('zh-CN') };
    expect(syncMessage(zh, `Skipped o1: ${broken({ orderNumber: '' })}`)).toBe('已跳过 o1：订单没有订单号。');
    expect(recordProblem(t, 'Line 2 (Mug)\'s colour is missing.')).toBeNull();
    expect(syncMessage(zh, 'Skipped o1: Something new.')).toBe('已跳过 o1：Something new.');
  });
});
