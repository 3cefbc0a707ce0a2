import { describe, expect, it } from 'vitest';
import { mapOrder, type ShopifyOrderNode } from '../../src/main/sync/connectors/shopify/map-order';
import { mapProduct } from '../../src/main/sync/connectors/shopify/map-catalog';
import { decimalToMinor, MappingError, minorToDecimal } from '../../src/main/sync/connectors/shopify/money';

const bag = (amount: string, currencyCode = 'USD') => ({ shopMoney: { amount, currencyCode } });

function order(overrides: Partial<ShopifyOrderNode> = {}): ShopifyOrderNode {
  return {
    id: 'gid://shopify/Order/5001', name: '#1042', createdAt: '2026-03-01T10:00:00Z', processedAt: '2026-03-01T09:59:00Z',
    updatedAt: '2026-03-04T08:00:00Z', cancelledAt: null, closed: false, currencyCode: 'USD', sourceName: 'web',
    displayFinancialStatus: 'PARTIALLY_REFUNDED', displayFulfillmentStatus: 'PARTIALLY_FULFILLED', tags: ['gift'],
    paymentGatewayNames: ['shopify_payments'],
    // Shopify's subtotal is after discounts: 2 × 20.00 − 4.50 = 35.50; total 35.50 + 5.99 + 3.20 = 44.69.
    subtotalPriceSet: bag('35.5'), totalDiscountsSet: bag('4.5'), totalShippingPriceSet: bag('5.99'), totalTaxSet: bag('3.2'),
    totalPriceSet: bag('44.69'), totalRefundedSet: bag('10.0'), shippingAddress: { countryCodeV2: 'CA', provinceCode: 'ON' },
    customer: null,
    transactions: [
      { id: 'gid://shopify/OrderTransaction/1', kind: 'AUTHORIZATION', status: 'SUCCESS', gateway: 'shopify_payments', processedAt: '2026-03-01T09:59:00Z', errorCode: null, amountSet: bag('44.69') },
      { id: 'gid://shopify/OrderTransaction/2', kind: 'CAPTURE', status: 'SUCCESS', gateway: 'shopify_payments', processedAt: '2026-03-01T10:05:00Z', errorCode: null, amountSet: bag('44.69') },
      { id: 'gid://shopify/OrderTransaction/3', kind: 'REFUND', status: 'FAILURE', gateway: 'shopify_payments', processedAt: '2026-03-03T10:00:00Z', errorCode: 'CARD_DECLINED', amountSet: bag('10.0') },
      { id: 'gid://shopify/OrderTransaction/4', kind: 'SUGGESTED_REFUND', status: 'SUCCESS', gateway: 'shopify_payments', processedAt: null, errorCode: null, amountSet: bag('1.0') },
    ],
    refunds: [{ id: 'gid://shopify/Refund/9', createdAt: '2026-03-03T10:00:00Z', note: 'Scratched', totalRefundedSet: bag('10.0') }],
    fulfillments: [
      { id: 'gid://shopify/Fulfillment/7', status: 'SUCCESS', displayStatus: 'OUT_FOR_DELIVERY', createdAt: '2026-03-02T12:00:00Z', updatedAt: '2026-03-04T07:00:00Z',
        deliveredAt: null, estimatedDeliveryAt: '2026-03-04T18:00:00Z',
        trackingInfo: [{ company: 'UPS', number: '1Z999', url: 'https://ups.example/1Z999' }, { company: 'UPS', number: '1Z998', url: null }] },
      { id: 'gid://shopify/Fulfillment/8', status: 'CANCELLED', displayStatus: 'CANCELED', createdAt: '2026-03-02T11:00:00Z', updatedAt: '2026-03-02T11:30:00Z',
        deliveredAt: null, estimatedDeliveryAt: null, trackingInfo: [] },
    ],
    lineItems: { edges: [{ node: { id: 'gid://shopify/LineItem/11', title: 'Oolong', sku: 'OOL-1', quantity: 2, product: { id: 'gid://shopify/Product/3' },
      originalUnitPriceSet: bag('20.0'), totalDiscountSet: bag('4.5'), discountedTotalSet: bag('35.5') } }] },
    ...overrides,
  };
}

describe('Shopify mapping', () => {
  it('turns decimal strings into minor units by the currency: cents, yen, dinar', () => {
    expect(decimalToMinor('12.3', 'USD', 'x')).toBe(1230);
    expect(decimalToMinor('10.0', 'USD', 'x')).toBe(1000);
    expect(decimalToMinor('1000.0', 'JPY', 'x')).toBe(1000);
    expect(decimalToMinor('1.234', 'KWD', 'x')).toBe(1234);
    expect(() => decimalToMinor('12.345', 'USD', 'The total')).toThrow(new MappingError('The total "12.345" is not a USD amount with at most 2 decimals.'));
    expect(() => decimalToMinor('1000.5', 'JPY', 'x')).toThrow(MappingError);
    expect([minorToDecimal(1230, 'USD'), minorToDecimal(500, 'JPY'), minorToDecimal(-5, 'USD')]).toEqual(['12.30', '500', '-0.05']);
  });

  it('maps an order: money, statuses, lines, payments, refunds and tracked shipments', () => {
    const mapped = mapOrder(order());
    expect(mapped).toMatchObject({
      externalId: 'gid://shopify/Order/5001', orderNumber: '#1042', channel: 'online', status: 'open',
      financialStatus: 'partially_refunded', fulfillmentStatus: 'partial', currency: 'USD',
      subtotalMinor: 4000, discountMinor: 450, shippingMinor: 599, taxMinor: 320, totalMinor: 4469, refundedMinor: 1000,
      paymentMethod: 'shopify_payments', shippingCountry: 'CA', shippingRegion: 'ON', tags: ['gift'],
      placedAt: '2026-03-01T09:59:00.000Z', updatedAt: '2026-03-04T08:00:00.000Z', customerExternalId: null,
    });
    expect(mapped.lines).toEqual([{ externalId: 'gid://shopify/LineItem/11', productExternalId: 'gid://shopify/Product/3', title: 'Oolong',
      sku: 'OOL-1', quantity: 2, unitPriceMinor: 2000, discountMinor: 450, totalMinor: 3550 }]);
    expect(mapped.payments.map((p) => [p.kind, p.status, p.amountMinor, p.errorCode])).toEqual([
      ['authorization', 'success', 4469, null], ['capture', 'success', 4469, null], ['refund', 'failure', 1000, 'CARD_DECLINED'],
    ]);
    expect(mapped.refunds).toEqual([{ externalId: 'gid://shopify/Refund/9', amountMinor: 1000, currency: 'USD', reason: null,
      note: 'Scratched', refundedAt: '2026-03-03T10:00:00.000Z' }]);
    expect(mapped.shipments).toEqual([
      { externalId: 'gid://shopify/Fulfillment/7', carrier: 'UPS', service: null, trackingNumber: '1Z999', trackingUrl: 'https://ups.example/1Z999',
        status: 'OutForDelivery', shippedAt: '2026-03-02T12:00:00.000Z', estimatedDeliveryAt: '2026-03-04T18:00:00.000Z', deliveredAt: null,
        updatedAt: '2026-03-04T07:00:00.000Z' },
      expect.objectContaining({ externalId: 'gid://shopify/Fulfillment/7#1', trackingNumber: '1Z998', trackingUrl: null }),
    ]);
  });

  it('maps the order states Shopify reports', () => {
    expect(mapOrder(order({ cancelledAt: '2026-03-02T00:00:00Z', displayFinancialStatus: 'VOIDED' }))).toMatchObject({ status: 'cancelled', financialStatus: 'voided', cancelledAt: '2026-03-02T00:00:00.000Z' });
    expect(mapOrder(order({ closed: true, displayFinancialStatus: 'PAID', displayFulfillmentStatus: 'FULFILLED' }))).toMatchObject({ status: 'completed', financialStatus: 'paid', fulfillmentStatus: 'fulfilled' });
    expect(mapOrder(order({ displayFinancialStatus: 'AUTHORIZED', displayFulfillmentStatus: 'RESTOCKED', sourceName: 'pos' }))).toMatchObject({ financialStatus: 'authorized', fulfillmentStatus: 'returned', channel: 'pos' });
    expect(mapOrder(order({ displayFinancialStatus: 'REFUNDED', displayFulfillmentStatus: 'ON_HOLD' }))).toMatchObject({ financialStatus: 'refunded', fulfillmentStatus: 'unfulfilled' });
  });

  it('refuses an order whose amounts are in another currency than the order', () => {
    expect(() => mapOrder(order({ totalPriceSet: bag('44.69', 'EUR') }))).toThrow('The order total is in EUR, not the order\'s USD.');
  });

  it('maps a product with its first variant price in the shop currency', () => {
    expect(mapProduct({ id: 'gid://shopify/Product/3', title: 'Oolong', productType: '', vendor: 'Leaf', tags: [], status: 'DRAFT',
      totalInventory: 4, createdAt: null, updatedAt: '2026-01-01T00:00:00Z', variants: { edges: [{ node: { sku: 'OOL', price: '1500.0' } }] } }, 'JPY'))
      .toMatchObject({ priceMinor: 1500, currency: 'JPY', status: 'draft', category: null, brand: 'Leaf', sku: 'OOL', inventoryQuantity: 4 });
  });
});
