import type { RemoteCustomer, RemoteOrder, RemoteOrderLine, RemoteProduct, RemoteRecord } from '../../src/main/sync/model';
import type { Sqlite } from '../../src/main/db/connection';

/** Records as a connector hands them over, with figures that add up unless a test breaks them. */
export const NOW = new Date('2026-03-01T12:00:00.000Z');

export function insertConnectedStore(sqlite: Sqlite, id = 1): void {
  sqlite.prepare(`INSERT INTO stores (id, platform, name, currency, created_at, updated_at)
    VALUES (?, 'shopify', 'Test shop', 'USD', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`).run(id);
}

export function remoteCustomer(externalId: string, overrides: Partial<RemoteCustomer> = {}): RemoteCustomer {
  return {
    externalId, email: `${externalId}@example.com`, phone: null, firstName: 'Ada', lastName: 'Lovelace',
    country: 'GB', region: null, city: 'London', marketingConsent: true, tags: ['vip'],
    createdAt: '2026-01-02T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z', ...overrides,
  };
}

export function remoteProduct(externalId: string, overrides: Partial<RemoteProduct> = {}): RemoteProduct {
  return {
    externalId, title: `Product ${externalId}`, sku: `SKU-${externalId}`, category: 'Mugs', brand: 'Acme', tags: [],
    priceMinor: 1500, currency: 'USD', inventoryQuantity: 10, status: 'active', createdAt: null,
    updatedAt: '2026-01-01T00:00:00Z', ...overrides,
  };
}

export function remoteLine(externalId: string, overrides: Partial<RemoteOrderLine> = {}): RemoteOrderLine {
  return {
    externalId, productExternalId: 'p1', title: 'Blue mug', sku: 'MUG-1', quantity: 2, unitPriceMinor: 1500,
    discountMinor: 0, totalMinor: 3000, ...overrides,
  };
}

/** Two lines of 30.00 and 20.00, 5.00 off, 4.00 shipping, 3.00 tax: 52.00, paid. */
export function remoteOrder(externalId: string, overrides: Partial<RemoteOrder> = {}): RemoteOrder {
  return {
    externalId, orderNumber: `#${externalId}`, customerExternalId: 'c1', customer: null, channel: 'online',
    status: 'open', financialStatus: 'paid', fulfillmentStatus: 'unfulfilled', currency: 'USD',
    subtotalMinor: 5000, discountMinor: 500, shippingMinor: 400, taxMinor: 300, totalMinor: 5200, refundedMinor: 0,
    paymentMethod: 'card', shippingCountry: 'GB', shippingRegion: null, tags: ['web'],
    placedAt: '2026-02-01T10:00:00Z', cancelledAt: null, updatedAt: '2026-02-01T10:05:00Z',
    lines: [
      remoteLine(`${externalId}-l1`),
      remoteLine(`${externalId}-l2`, { productExternalId: 'p2', title: 'Red plate', sku: 'PLATE', quantity: 1,
        unitPriceMinor: 2000, totalMinor: 2000 }),
    ],
    payments: [{
      externalId: `${externalId}-t1`, kind: 'sale', method: 'card', gateway: 'shopify_payments', status: 'success',
      amountMinor: 5200, currency: 'USD', errorCode: null, processedAt: '2026-02-01T10:00:05Z',
    }],
    refunds: [],
    shipments: [],
    ...overrides,
  };
}

export const asOrders = (...orders: RemoteOrder[]): RemoteRecord[] => orders.map((record) => ({ resource: 'orders', record }));
