import { describe, expect, it } from 'vitest';
import { customerProblem, orderProblem, productProblem } from '../../src/main/sync/apply/validate';
import type { RemoteOrder } from '../../src/main/sync/model';
import { RECORD_PROBLEMS } from '../fixtures/sync-record-problems';
import { remoteCustomer, remoteLine, remoteOrder, remoteProduct } from './sync-apply-fixtures';

/**
 * The boundary check's sentences, made from records broken one way each, are
 * word for word the fixture the renderer says again in Chinese
 * (tests/renderer/sync-record-problems.test.ts): a change of wording here
 * must be made there too.
 */
const broken = (overrides: Partial<RemoteOrder>) => orderProblem(remoteOrder('o1', overrides))!;
const line = remoteLine('l1');
const payment = remoteOrder('o1').payments[0]!;
const shipment = { externalId: 's1', carrier: 'DHL', service: null, trackingNumber: null, trackingUrl: null,
  status: 'InTransit' as const, shippedAt: null, estimatedDeliveryAt: null, deliveredAt: null, updatedAt: '2026-02-01T12:00:00Z' };
const refund = { externalId: 'r1', amountMinor: 100, currency: 'USD', reason: null, note: null, refundedAt: '2026-02-01T12:00:00Z' };

const MADE: string[] = [
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
];

describe('why a record is set aside', () => {
  it('is said in the words the UI knows, one sentence per way a record can be broken', () => {
    expect(MADE).toEqual(RECORD_PROBLEMS);
  });
});
