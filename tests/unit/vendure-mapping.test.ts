import { describe, expect, it } from 'vitest';
import { mapCustomer, mapProduct } from '../../src/main/sync/connectors/vendure/map-catalog';
import { mapOrder } from '../../src/main/sync/connectors/vendure/map-order';
import { MappingError } from '../../src/main/sync/connectors/vendure/fields';
import { customerProblem, orderProblem, productProblem } from '../../src/main/sync/apply/validate';
import { recorded } from './vendure-fake';

type Raw = Record<string, any>;
const orders = recorded<Raw>('orders').items;
const byState = (state: string, extra: (o: Raw) => boolean = () => true): Raw => {
  const order = orders.find((o) => o.state === state && extra(o));
  if (!order) throw new Error(`The recorded fixture has no ${state} order.`);
  return structuredClone(order);
};

describe('Vendure mapping: orders recorded from the real server', () => {
  it('maps every recorded order to one the apply step accepts, adding up to Vendure\'s own totalWithTax', () => {
    expect(orders.length).toBeGreaterThan(5);
    for (const raw of orders) {
      const order = mapOrder(raw);
      expect(orderProblem(order)).toBeNull();
      expect(order.totalMinor).toBe(raw.totalWithTax);
      expect(order.subtotalMinor - order.discountMinor + order.shippingMinor).toBe(raw.totalWithTax);
      expect(order.taxMinor).toBe(raw.totalWithTax - raw.total);
      expect(order.orderNumber).toBe(raw.code);
      expect(order.customerExternalId).toBe(raw.customer.id);
    }
  });

  it('reads Vendure\'s states as status, payment and fulfilment', () => {
    const statuses = (state: string) => {
      const o = mapOrder(byState(state, (raw) => raw.payments.every((p: Raw) => p.refunds.length === 0)));
      return [o.status, o.financialStatus, o.fulfillmentStatus];
    };
    expect(statuses('PaymentAuthorized')).toEqual(['open', 'authorized', 'unfulfilled']);
    expect(statuses('PaymentSettled')).toEqual(['open', 'paid', 'unfulfilled']);
    expect(statuses('Shipped')).toEqual(['open', 'paid', 'fulfilled']);
    expect(statuses('Delivered')).toEqual(['completed', 'paid', 'fulfilled']);
    expect(statuses('Cancelled')).toEqual(['cancelled', 'voided', 'unfulfilled']);
  });

  it('an unknown (custom) state reads as open, with payment and fulfilment from the order\'s parts', () => {
    const raw = byState('Shipped');
    raw.state = 'AwaitingPickup';
    const order = mapOrder(raw);
    expect([order.status, order.financialStatus, order.fulfillmentStatus]).toEqual(['open', 'paid', 'partial']);
  });

  it('a cancelled order keeps no cancelled lines (quantity 0) and says when it was cancelled', () => {
    const raw = byState('Cancelled');
    expect(raw.lines.every((line: Raw) => line.quantity === 0)).toBe(true);
    const order = mapOrder(raw);
    expect(order.lines).toEqual([]);
    expect(order.cancelledAt).toBe(new Date(raw.updatedAt).toISOString());
  });

  it('lines carry the variant\'s SKU, the product id, prices with tax and the promotion discount', () => {
    const raw = byState('Shipped');
    const order = mapOrder(raw);
    const line = raw.lines[0];
    expect(order.lines[0]).toEqual({
      externalId: line.id, productExternalId: line.productVariant.product.id, title: line.productVariant.name,
      sku: line.productVariant.sku, quantity: line.quantity, unitPriceMinor: line.unitPriceWithTax,
      discountMinor: line.linePriceWithTax - line.proratedLinePriceWithTax, totalMinor: line.proratedLinePriceWithTax,
    });
    expect(order.taxesIncluded).toBe(true);
  });

  it('a refund (Pending with the dummy handler) makes the order partially refunded; a Failed one does not count', () => {
    const raw = byState('Delivered', (o) => o.payments.some((p: Raw) => p.refunds.length > 0));
    const refund = raw.payments.flatMap((p: Raw) => p.refunds)[0];
    const order = mapOrder(raw);
    expect(order.financialStatus).toBe('partially_refunded');
    expect(order.refundedMinor).toBe(refund.total);
    expect(order.refunds[0]).toMatchObject({ externalId: refund.id, amountMinor: refund.total, reason: refund.reason });
    for (const payment of raw.payments) for (const r of payment.refunds) r.state = 'Failed';
    const failed = mapOrder(raw);
    expect([failed.refundedMinor, failed.financialStatus, failed.refunds]).toEqual([0, 'paid', []]);
  });

  it('fulfilments become shipments; their change is the order\'s change, as Vendure leaves Order.updatedAt alone', () => {
    const raw = byState('Delivered', (o) => o.fulfillments.length > 0);
    const fulfilment = raw.fulfillments[0];
    expect(Date.parse(fulfilment.updatedAt)).toBeGreaterThan(Date.parse(raw.updatedAt));
    const order = mapOrder(raw);
    expect(order.shipments[0]).toMatchObject({
      externalId: fulfilment.id, carrier: fulfilment.method, trackingNumber: fulfilment.trackingCode, status: 'Delivered',
      deliveredAt: new Date(fulfilment.updatedAt).toISOString(),
    });
    expect(order.updatedAt).toBe(new Date(fulfilment.updatedAt).toISOString());
    raw.fulfillments[0].state = 'Cancelled';
    expect(mapOrder(raw).shipments).toEqual([]);
  });

  it('payments: Authorized is an authorization, Settled a sale, both successful', () => {
    const authorized = mapOrder(byState('PaymentAuthorized')).payments[0]!;
    const settled = mapOrder(byState('PaymentSettled')).payments[0]!;
    expect([authorized.kind, authorized.status]).toEqual(['authorization', 'success']);
    expect([settled.kind, settled.status]).toEqual(['sale', 'success']);
  });

  it('a malformed order throws a MappingError with the reason (quarantined by the page)', () => {
    const noPlacedAt = byState('Shipped');
    noPlacedAt.orderPlacedAt = null;
    expect(() => mapOrder(noPlacedAt)).toThrow(new MappingError('The order is in state Shipped but has no orderPlacedAt.'));
    const badMoney = byState('Shipped');
    badMoney.totalWithTax = '12.50';
    expect(() => mapOrder(badMoney)).toThrow(/totalWithTax is not a whole number of minor units/);
    const badLine = byState('Shipped');
    badLine.lines[0].quantity = -1;
    expect(() => mapOrder(badLine)).toThrow(/Line 1's quantity/);
  });
});

describe('Vendure mapping: products and customers recorded from the real server', () => {
  it('a product: first variant\'s SKU and price with tax, stock of all variants, category and brand from facets', () => {
    const raw = structuredClone(recorded<Raw>('products').items[0]!);
    const product = mapProduct(raw, 'EUR');
    expect(productProblem(product)).toBeNull();
    expect(product).toMatchObject({
      externalId: raw.id, title: raw.name, sku: raw.variants[0].sku, priceMinor: raw.variants[0].priceWithTax,
      currency: raw.variants[0].currencyCode, status: 'active',
      inventoryQuantity: raw.variants.reduce((sum: number, v: Raw) => sum + v.stockOnHand, 0),
      category: raw.facetValues.find((v: Raw) => v.facet.code === 'category').name,
      brand: raw.facetValues.find((v: Raw) => v.facet.code === 'brand').name,
    });
    raw.variants[1].updatedAt = '2030-01-01T00:00:00.000Z';
    expect(mapProduct(raw, 'EUR').updatedAt).toBe('2030-01-01T00:00:00.000Z');
    raw.enabled = false;
    expect(mapProduct(raw, 'EUR').status).toBe('draft');
  });

  it('a customer: email, names, the default shipping address\'s country and city; no consent field means no consent', () => {
    const raw = structuredClone(recorded<Raw>('customers').items[0]!);
    const customer = mapCustomer(raw);
    expect(customerProblem(customer)).toBeNull();
    const address = raw.addresses[0];
    expect(customer).toMatchObject({
      externalId: raw.id, email: raw.emailAddress, firstName: raw.firstName, lastName: raw.lastName,
      country: address.country.code, city: address.city, region: address.province || null, marketingConsent: false,
    });
    raw.emailAddress = 'not-an-address';
    expect(() => mapCustomer(raw)).toThrow(/is not an address/);
  });
});
