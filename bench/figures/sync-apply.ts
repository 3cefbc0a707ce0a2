import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openConnection, type Connection, type Sqlite } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
import { recomputeAllRfm } from '../../src/main/domain/customers/rfm';
import { applyRecords } from '../../src/main/sync/apply';
import { beginBulkApply, finishBulkApply } from '../../src/main/sync/apply/deferred-indexes';
import type { RemoteCustomer, RemoteOrder, RemoteProduct, RemoteRecord } from '../../src/main/sync/model';
import { round } from '../harness';

/**
 * How fast a first sync writes orders: 30,000 Shopify-like orders (5 lines, a
 * payment each; some shipped, some refunded, most with a known customer) built
 * in memory and applied in pages of 250, the engine's page size, to a fresh
 * migrated file database with its catalogue and customers already synced
 * (and their RFM rows computed, so each page's RFM refresh does real work).
 * It is a first full sync, so it runs in bulk mode as the engine does: the
 * indexes the apply never reads and the rollups' change marks are dropped when
 * it starts; when it ends the indexes are rebuilt, the order sequences checked,
 * the marks recreated, RFM recomputed, all timed with the apply. The rollups
 * are rebuilt then too when they had been built before; on this fresh database
 * (as on a new profile's first sync) a full rebuild is already pending, and the
 * dashboards' next refresh does it, as it did after the marks this apply wrote
 * before they were paused (outside the timing, then as now).
 * The same rows inserted raw (plain prepared INSERTs, one transaction per
 * page, no lookups, no loyalty), in the same bulk mode with its rebuild timed
 * too, give the ceiling. The budget: at least
 * 20,000 orders a second with their lines.
 */
const ORDERS = 30_000;
const PAGE = 250;
const LINES = 5;
const PRODUCTS = 800;
const CUSTOMERS = 12_000;
const START_MS = Date.parse('2024-01-01T00:00:00Z');

/** A small deterministic generator (LCG): the same orders every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

function products(): RemoteProduct[] {
  const next = random(7);
  return Array.from({ length: PRODUCTS }, (_, i) => ({
    externalId: `gid://shopify/Product/${100000 + i}`, title: `Product ${i}`, sku: `SKU-${i}`, category: 'Home',
    brand: 'Acme', tags: [], priceMinor: 500 + Math.floor(next() * 9500), currency: 'USD', inventoryQuantity: 50,
    status: 'active', createdAt: iso(START_MS), updatedAt: iso(START_MS + i * 1000),
  }));
}

function customers(): RemoteCustomer[] {
  return Array.from({ length: CUSTOMERS }, (_, i) => ({
    externalId: `gid://shopify/Customer/${500000 + i}`, email: `buyer${i}@example.com`, phone: null,
    firstName: 'Sam', lastName: `Buyer ${i}`, country: 'US', region: 'CA', city: 'Oakland', marketingConsent: i % 3 === 0,
    tags: [], createdAt: iso(START_MS), updatedAt: iso(START_MS + i * 1000),
  }));
}

function order(i: number, next: () => number, catalogue: readonly RemoteProduct[]): RemoteOrder {
  const id = `gid://shopify/Order/${9_000_000 + i}`;
  const placedMs = START_MS + i * 60_000;
  const lines = Array.from({ length: LINES }, (_, l) => {
    const product = catalogue[Math.floor(next() * catalogue.length)]!;
    const quantity = 1 + Math.floor(next() * 3);
    const discount = next() < 0.2 ? 100 : 0;
    return {
      externalId: `gid://shopify/LineItem/${(9_000_000 + i) * 10 + l}`, productExternalId: product.externalId,
      title: product.title, sku: product.sku, quantity, unitPriceMinor: product.priceMinor, discountMinor: discount,
      totalMinor: product.priceMinor * quantity - discount,
    };
  });
  const subtotal = lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
  const discount = lines.reduce((sum, line) => sum + line.discountMinor, 0);
  const shipping = 499;
  const tax = Math.round((subtotal - discount) * 0.08);
  const total = subtotal - discount + shipping + tax;
  const refunded = next() < 0.05;
  const shipped = next() < 0.6;
  const guest = next() < 0.1;
  const at = iso(placedMs);
  return {
    externalId: id, orderNumber: `#${1000 + i}`,
    customerExternalId: guest ? null : `gid://shopify/Customer/${500000 + Math.floor(next() * CUSTOMERS)}`,
    customer: null, channel: 'online', status: shipped ? 'completed' : 'open',
    financialStatus: refunded ? 'partially_refunded' : 'paid', fulfillmentStatus: shipped ? 'fulfilled' : 'unfulfilled',
    currency: 'USD', subtotalMinor: subtotal, discountMinor: discount, shippingMinor: shipping, taxMinor: tax,
    totalMinor: total, refundedMinor: refunded ? 1000 : 0, paymentMethod: 'card', shippingCountry: 'US',
    shippingRegion: 'CA', tags: i % 10 === 0 ? ['wholesale'] : [], placedAt: at, cancelledAt: null,
    updatedAt: iso(placedMs + 3_600_000),
    lines,
    payments: [{ externalId: `gid://shopify/OrderTransaction/${9_000_000 + i}`, kind: 'sale', method: 'card',
      gateway: 'shopify_payments', status: 'success', amountMinor: total, currency: 'USD', errorCode: null,
      processedAt: at }],
    refunds: refunded ? [{ externalId: `gid://shopify/Refund/${9_000_000 + i}`, amountMinor: 1000, currency: 'USD',
      reason: 'damaged', note: null, refundedAt: iso(placedMs + 3_000_000) }] : [],
    shipments: shipped ? [{ externalId: `gid://shopify/Fulfillment/${9_000_000 + i}`, carrier: 'UPS', service: 'Ground',
      trackingNumber: `1Z${9_000_000 + i}`, trackingUrl: null, status: 'Delivered', shippedAt: iso(placedMs + 86_400_000),
      estimatedDeliveryAt: iso(placedMs + 4 * 86_400_000), deliveredAt: iso(placedMs + 3 * 86_400_000),
      updatedAt: iso(placedMs + 3 * 86_400_000) }] : [],
  };
}

async function freshDatabase(dir: string, name: string): Promise<Connection> {
  const connection = openConnection(join(dir, name));
  await migrate(connection);
  connection.sqlite.prepare(`INSERT INTO stores (id, platform, name, currency, created_at, updated_at)
    VALUES (1, 'shopify', 'Bench shop', 'USD', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`).run();
  return connection;
}

function pages<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += PAGE) out.push(items.slice(i, i + PAGE));
  return out;
}

/** The ceiling: the same order rows written by plain INSERTs, nothing looked up, nothing checked. */
function insertRaw(sqlite: Sqlite, orders: readonly RemoteOrder[], customerIds: Map<string, number>,
  productIds: Map<string, number>): number {
  const insertOrder = sqlite.prepare(`INSERT INTO orders (store_id, external_id, order_number, customer_id, channel, status,
    financial_status, fulfillment_status, currency, subtotal_minor, discount_minor, shipping_minor, tax_minor, total_minor,
    refunded_minor, payment_method, shipping_country, shipping_region, remote_tags, placed_at, cancelled_at,
    remote_updated_at, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLine = sqlite.prepare(`INSERT INTO order_lines (order_id, store_id, external_id, product_id, title, sku,
    quantity, unit_price_minor, discount_minor, total_minor) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertPayment = sqlite.prepare(`INSERT INTO payments (order_id, store_id, external_id, kind, method, gateway, status,
    amount_minor, currency, error_code, processed_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertRefund = sqlite.prepare(`INSERT INTO refunds (order_id, store_id, external_id, amount_minor, currency, reason,
    note, refunded_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?)`);
  const insertShipment = sqlite.prepare(`INSERT INTO shipments (order_id, store_id, external_id, carrier, service,
    tracking_number, tracking_url, status, shipped_at, estimated_delivery_at, delivered_at, remote_updated_at, created_at,
    updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const now = new Date().toISOString();
  let rows = 0;
  const writePage = sqlite.transaction((page: readonly RemoteOrder[]) => {
    for (const o of page) {
      const customerId = o.customerExternalId ? customerIds.get(o.customerExternalId) ?? null : null;
      const orderId = Number(insertOrder.run(o.externalId, o.orderNumber, customerId, o.channel, o.status,
        o.financialStatus, o.fulfillmentStatus, o.currency, o.subtotalMinor, o.discountMinor, o.shippingMinor,
        o.taxMinor, o.totalMinor, o.refundedMinor, o.paymentMethod, o.shippingCountry, o.shippingRegion,
        JSON.stringify(o.tags), o.placedAt, o.cancelledAt, o.updatedAt, now, now).lastInsertRowid);
      for (const l of o.lines) {
        insertLine.run(orderId, l.externalId, productIds.get(l.productExternalId ?? '') ?? null, l.title, l.sku,
          l.quantity, l.unitPriceMinor, l.discountMinor, l.totalMinor);
      }
      for (const p of o.payments) {
        insertPayment.run(orderId, p.externalId, p.kind, p.method, p.gateway, p.status, p.amountMinor, p.currency,
          p.errorCode, p.processedAt);
      }
      for (const r of o.refunds) insertRefund.run(orderId, r.externalId, r.amountMinor, r.currency, r.reason, r.note, r.refundedAt);
      for (const s of o.shipments) {
        insertShipment.run(orderId, s.externalId, s.carrier, s.service, s.trackingNumber, s.trackingUrl, s.status,
          s.shippedAt, s.estimatedDeliveryAt, s.deliveredAt, s.updatedAt, now, now);
      }
      rows += 1 + o.lines.length + o.payments.length + o.refunds.length + o.shipments.length;
    }
  });
  for (const page of pages(orders)) writePage(page);
  return rows;
}

function idsByExternalId(sqlite: Sqlite, table: 'customers' | 'products'): Map<string, number> {
  const rows = sqlite.prepare(`SELECT external_id AS e, id FROM ${table}`).all() as { e: string; id: number }[];
  return new Map(rows.map((r) => [r.e, r.id]));
}

export async function measureApply(log: (line: string) => void): Promise<{
  apply_orders_per_s: number;
  /** The pages alone, without the finish of the bulk mode (shown beside, never instead: the finish is part of the work). */
  apply_pages_orders_per_s: number;
  raw_insert_rows_per_s: number;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'backroom-sync-apply-'));
  const catalogue = products();
  const next = random(42);
  const orders = Array.from({ length: ORDERS }, (_, i) => order(i, next, catalogue));
  const now = new Date();
  try {
    const target = await freshDatabase(dir, 'apply.sqlite');
    const setup: RemoteRecord[] = [
      ...catalogue.map((record) => ({ resource: 'products' as const, record })),
      ...customers().map((record) => ({ resource: 'customers' as const, record })),
    ];
    for (const page of pages(setup)) applyRecords(target.sqlite, 1, page, [], { runId: null, now });
    recomputeAllRfm(target.sqlite, now);

    const started = performance.now();
    const bulk = beginBulkApply(target.sqlite, 1, 'orders', { now, expectedRecords: ORDERS });
    if (!bulk) throw new Error('sync-apply bench: the first sync of the orders did not take the bulk path.');
    let created = 0;
    for (const page of pages(orders)) {
      created += applyRecords(target.sqlite, 1, page.map((record) => ({ resource: 'orders', record })), [],
        { runId: null, now }).created;
    }
    const rebuildStarted = performance.now();
    const rebuilt = finishBulkApply(target.sqlite);
    const applySeconds = (performance.now() - started) / 1000;
    const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
    const customerIds = idsByExternalId(target.sqlite, 'customers');
    const productIds = idsByExternalId(target.sqlite, 'products');
    const earned = (target.sqlite.prepare("SELECT count(*) AS n FROM points_ledger WHERE entry_type = 'earn'").get() as
      { n: number }).n;
    target.close();
    if (created !== ORDERS) throw new Error(`sync-apply bench: ${created} of ${ORDERS} orders were created.`);

    const raw = await freshDatabase(dir, 'raw.sqlite');
    raw.sqlite.prepare(`INSERT INTO customers (id, store_id, external_id, created_at, updated_at)
      SELECT value, 1, key, '', '' FROM json_each(?)`).run(JSON.stringify(Object.fromEntries(customerIds)));
    raw.sqlite.prepare(`INSERT INTO products (id, store_id, external_id, title, price_minor, currency, created_at, updated_at)
      SELECT value, 1, key, key, 0, 'USD', '', '' FROM json_each(?)`).run(JSON.stringify(Object.fromEntries(productIds)));
    const rawStarted = performance.now();
    beginBulkApply(raw.sqlite, 1, 'orders', { now, expectedRecords: ORDERS });
    const rows = insertRaw(raw.sqlite, orders, customerIds, productIds);
    finishBulkApply(raw.sqlite, now);
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    raw.close();

    const figures = {
      apply_orders_per_s: Math.round(ORDERS / applySeconds),
      apply_pages_orders_per_s: Math.round(ORDERS / (applySeconds - rebuildSeconds)),
      raw_insert_rows_per_s: Math.round(rows / rawSeconds),
    };
    log(`sync apply: ${ORDERS.toLocaleString('en-US')} orders (${rows.toLocaleString('en-US')} rows, ` +
      `${earned.toLocaleString('en-US')} earning points) in ${round(applySeconds, 2)} s = ` +
      `${figures.apply_orders_per_s.toLocaleString('en-US')} orders/s, ` +
      `${Math.round(rows / applySeconds).toLocaleString('en-US')} rows/s, of which ${round(rebuildSeconds, 2)} s finishing ` +
      `the bulk mode (${rebuilt.length} deferred indexes rebuilt, order sequences checked, rollup marks back, RFM recomputed)`);
    log(`raw inserts of the same rows (bulk mode too): ${round(rawSeconds, 2)} s = ${figures.raw_insert_rows_per_s.toLocaleString('en-US')} rows/s`);
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
