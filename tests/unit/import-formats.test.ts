import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/main/db/connection';
import { runImport } from '../../src/main/sync/import/run';
import { memoryDb } from '../helpers/db';
import { insertStore } from '../helpers/fixtures';
import { STAFF_ID, addStaff, count, fixture, importContext, storedLines, storedOrder } from './import-fixtures';

let connection: Connection;

beforeEach(async () => {
  connection = await memoryDb();
  addStaff(connection);
});
afterEach(() => connection.close());

describe('Shopify orders export', () => {
  it('imports orders with their lines, totals in cents, statuses and customers into a new CSV store', () => {
    const { ctx, events } = importContext(connection);
    const result = runImport({ staffId: STAFF_ID, format: 'shopify_orders', csv: fixture('shopify-orders.csv'), fileName: 'orders_export_1.csv' }, ctx);

    expect(result).toMatchObject({ created: 4, updated: 0, unchanged: 0, problems: [] });
    const store = connection.sqlite.prepare('SELECT platform, name, currency FROM stores WHERE id = ?').get(result.storeId);
    expect(store).toEqual({ platform: 'csv', name: 'orders_export_1', currency: 'USD' });

    const first = storedOrder(connection, result.storeId, '#1001');
    expect(first).toMatchObject({
      external_id: 'gid://shopify/Order/5123456789001', status: 'completed', financial_status: 'paid',
      fulfillment_status: 'fulfilled', currency: 'USD', subtotal_minor: 11000, discount_minor: 0, shipping_minor: 500,
      tax_minor: 880, total_minor: 12380, refunded_minor: 0, payment_method: 'Shopify Payments', shipping_country: 'US',
      shipping_region: 'NY', channel: 'online', placed_at: '2026-03-02T15:15:00.000Z',
    });
    expect(JSON.parse(first.remote_tags)).toEqual(['vip', 'spring']);
    expect(storedLines(connection, first.id)).toEqual([
      { title: 'Linen Shirt - M', sku: 'LS-M', quantity: 2, unit: 4500, discount: 0, total: 9000 },
      { title: 'Canvas Tote', sku: 'CT-1', quantity: 1, unit: 2000, discount: 0, total: 2000 },
    ]);
    expect(count(connection, 'payments', 'order_id = ? AND amount_minor = 12380', first.id)).toBe(1);

    // Shopify's Subtotal is after discounts: the stored one is before them, so the order adds up.
    expect(storedOrder(connection, result.storeId, '#1002')).toMatchObject({
      financial_status: 'partially_refunded', subtotal_minor: 4500, discount_minor: 500, total_minor: 4000, refunded_minor: 1500,
    });
    expect(storedLines(connection, storedOrder(connection, result.storeId, '#1002').id)).toEqual([
      { title: 'Beeswax Candle', sku: 'BC-3', quantity: 3, unit: 1500, discount: 500, total: 4000 },
    ]);
    expect(storedOrder(connection, result.storeId, '#1003')).toMatchObject({
      status: 'cancelled', financial_status: 'voided', fulfillment_status: 'unfulfilled', cancelled_at: '2026-03-04T17:00:00.000Z',
      customer_id: first.customer_id,
    });
    expect(storedOrder(connection, result.storeId, '#1004')).toMatchObject({
      status: 'open', financial_status: 'pending', channel: 'pos', customer_id: null,
    });

    const customers = connection.sqlite
      .prepare('SELECT email, first_name, last_name, marketing_consent FROM customers WHERE store_id = ? ORDER BY email')
      .all(result.storeId);
    expect(customers).toEqual([
      { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', marketing_consent: 1 },
      { email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper', marketing_consent: 0 },
    ]);
    expect(events).toContainEqual({ event: 'data.changed', payload: { areas: ['orders', 'customers', 'sync'] } });
  });
});

describe('WooCommerce orders export', () => {
  it('reads the Order Export labels, repeated order columns and shop-local times', () => {
    insertStore(connection.sqlite, 3, 'EUR');
    connection.sqlite.prepare(`UPDATE stores SET platform = 'woocommerce', timezone = 'Europe/Paris' WHERE id = 3`).run();
    const { ctx } = importContext(connection);
    const result = runImport({ staffId: STAFF_ID, storeId: 3, format: 'woocommerce_orders', csv: fixture('woocommerce-orders.csv') }, ctx);

    expect(result).toMatchObject({ storeId: 3, created: 4, updated: 0, unchanged: 0, problems: [] });
    const completed = storedOrder(connection, 3, '4101');
    expect(completed).toMatchObject({
      external_id: '4101', status: 'completed', financial_status: 'paid', fulfillment_status: 'fulfilled', currency: 'EUR',
      subtotal_minor: 5200, shipping_minor: 490, tax_minor: 1040, total_minor: 6730,
      // 14:22:31 in Paris in March (UTC+1)
      placed_at: '2026-03-05T13:22:31.000Z', payment_method: 'Credit Card (Stripe)', shipping_country: 'FR',
    });
    expect(storedLines(connection, completed.id)).toEqual([
      { title: 'Ceramic Mug', sku: 'MUG-01', quantity: 2, unit: 1800, discount: 0, total: 3600 },
      { title: 'Pour-over Stand', sku: 'POS-02', quantity: 1, unit: 1600, discount: 0, total: 1600 },
    ]);
    expect(storedOrder(connection, 3, '4102')).toMatchObject({ status: 'open', financial_status: 'paid', discount_minor: 240, total_minor: 3180 });
    expect(storedOrder(connection, 3, '4103')).toMatchObject({ financial_status: 'refunded', refunded_minor: 2500 });
    expect(storedOrder(connection, 3, '4104')).toMatchObject({ status: 'open', financial_status: 'pending' });
    expect(storedOrder(connection, 3, '4103').customer_id).toBe(completed.customer_id);
    expect(count(connection, 'customers', 'store_id = 3')).toBe(3);
  });

  it("reads the official CSV Export's column keys and takes the new store's currency from the file", () => {
    const { ctx } = importContext(connection);
    const result = runImport({ staffId: STAFF_ID, format: 'woocommerce_orders', csv: fixture('woocommerce-orders-keys.csv'), fileName: 'woocommerce-orders-keys.csv' }, ctx);
    expect(result).toMatchObject({ created: 2, problems: [] });
    expect(connection.sqlite.prepare('SELECT currency FROM stores WHERE id = ?').pluck().get(result.storeId)).toBe('GBP');
    const chess = storedOrder(connection, result.storeId, '88');
    expect(chess).toMatchObject({ status: 'completed', total_minor: 3500, shipping_minor: 500, subtotal_minor: 3000 });
    expect(storedLines(connection, chess.id)).toEqual([{ title: 'Chess Set', sku: 'CHESS', quantity: 1, unit: 3000, discount: 0, total: 3000 }]);
    expect(storedOrder(connection, result.storeId, '89')).toMatchObject({ status: 'cancelled', financial_status: 'voided' });
  });
});

describe('generic mapping', () => {
  const mapping = {
    columns: {
      Bestellnummer: 'orderNumber', Datum: 'placedAt', Kunde: 'customerName', 'E-Mail': 'email', Artikel: 'lineTitle',
      Menge: 'lineQuantity', Preis: 'linePrice', Gesamt: 'total', Status: 'status',
    },
    dateFormat: 'dmy' as const,
    decimalSeparator: ',' as const,
    currency: 'EUR',
  };

  it('reads day-month-year dates and comma decimals, and reports the impossible date by row', () => {
    const { ctx } = importContext(connection);
    const result = runImport({ staffId: STAFF_ID, format: 'generic_orders', csv: fixture('generic-orders-dmy.csv'), mapping }, ctx);

    expect(result).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.row).toBe(6);
    expect(result.problems[0]?.message).toMatch(/^Row 6: .*30\/02\/2026.*not a real date.*order A-4 was not imported\.$/);

    const a1 = storedOrder(connection, result.storeId, 'A-1');
    expect(a1).toMatchObject({ placed_at: '2026-01-31T09:30:00.000Z', total_minor: 2500, currency: 'EUR', status: 'completed' });
    expect(storedLines(connection, a1.id)).toEqual([{ title: 'Kaffee', sku: null, quantity: 2, unit: 1250, discount: 0, total: 2500 }]);
    expect(storedOrder(connection, result.storeId, 'A-2')).toMatchObject({
      placed_at: '2026-02-01T00:00:00.000Z', total_minor: 123450, status: 'open', financial_status: 'paid',
    });
    const a3 = storedOrder(connection, result.storeId, 'A-3');
    expect(a3.total_minor).toBe(1940);
    expect(storedLines(connection, a3.id).map((line) => [line.title, line.total])).toEqual([['Kaffee', 1250], ['Milchkännchen', 690]]);
    expect(a3.customer_id).toBe(a1.customer_id);
    expect(connection.sqlite.prepare('SELECT first_name, last_name FROM customers WHERE id = ?').get(a1.customer_id))
      .toEqual({ first_name: 'Jean', last_name: 'Dupont' });
  });

  it('accepts the mapping written field → column as well', () => {
    const { ctx } = importContext(connection);
    const flipped = { ...mapping, columns: Object.fromEntries(Object.entries(mapping.columns).map(([column, field]) => [field, column])) };
    const result = runImport({ staffId: STAFF_ID, format: 'generic_orders', csv: fixture('generic-orders-dmy.csv'), mapping: flipped }, ctx);
    expect(result.created).toBe(3);
  });
});
