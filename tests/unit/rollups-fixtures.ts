import type { Sqlite } from '../../src/main/db/connection';

/**
 * Raw rows for the rollup tests: a small random shop whose orders, payments,
 * refunds, shipments, tickets and returns change the way sync and the desk
 * change them, so the rollups' marks are exercised by realistic writes.
 */

export { mulberry32 as rng } from '../helpers/random';

const T0 = '2026-01-01T00:00:00.000Z';

export function insertStores(sqlite: Sqlite): void {
  const store = sqlite.prepare(`INSERT INTO stores (id, platform, name, currency, created_at, updated_at)
    VALUES (?, 'demo', ?, ?, ?, ?)`);
  store.run(1, 'Store 1', 'USD', T0, T0);
  store.run(2, 'Store 2', 'EUR', T0, T0);
}

export function insertCustomerRow(sqlite: Sqlite, id: number, storeId: number): void {
  sqlite.prepare(`INSERT INTO customers (id, store_id, external_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`)
    .run(id, storeId, `c${id}`, T0, T0);
}

export interface OrderRow {
  id: number;
  storeId?: number;
  customerId?: number | null;
  status?: 'open' | 'completed' | 'cancelled';
  currency?: string;
  channel?: string;
  paymentMethod?: string | null;
  totalMinor?: number;
  refundedMinor?: number;
  placedAt: string;
}

export function insertOrderRow(sqlite: Sqlite, o: OrderRow): void {
  const total = o.totalMinor ?? 1000;
  sqlite.prepare(`INSERT INTO orders (id, store_id, external_id, order_number, customer_id, channel, status, financial_status,
      fulfillment_status, currency, subtotal_minor, discount_minor, shipping_minor, tax_minor, total_minor, refunded_minor,
      payment_method, placed_at, cancelled_at, created_at, updated_at)
    VALUES (@id, @store, @ext, @number, @customer, @channel, @status, 'paid', 'unfulfilled', @currency, @total, @discount,
      @shipping, @tax, @total, @refunded, @method, @placed, @cancelled, @placed, @placed)`).run({
    id: o.id, store: o.storeId ?? 1, ext: `o${o.id}`, number: `#${1000 + o.id}`, customer: o.customerId ?? null,
    channel: o.channel ?? 'online', status: o.status ?? 'completed', currency: o.currency ?? 'USD', total,
    discount: total % 7, shipping: total % 11, tax: total % 13, refunded: o.refundedMinor ?? 0,
    method: o.paymentMethod === undefined ? 'card' : o.paymentMethod, placed: o.placedAt,
    cancelled: o.status === 'cancelled' ? o.placedAt : null,
  });
}

/** customer_order_seq as sync numbers it (by placement, then id). */
export function renumber(sqlite: Sqlite, customerIds: (number | null)[]): void {
  const ids = customerIds.filter((id): id is number => id !== null);
  if (ids.length === 0) return;
  sqlite.prepare(`UPDATE orders SET customer_order_seq = ranked.seq
    FROM (SELECT id, row_number() OVER (PARTITION BY customer_id ORDER BY placed_at, id) AS seq
            FROM orders WHERE customer_id IN (SELECT value FROM json_each(?))) AS ranked
    WHERE orders.id = ranked.id AND orders.customer_order_seq IS NOT ranked.seq`).run(JSON.stringify(ids));
}

export interface PaymentRow {
  id: number; orderId: number; storeId?: number; kind?: string; method?: string; gateway?: string; status?: string;
  amountMinor: number; currency?: string; processedAt: string; errorCode?: string | null;
}

export function insertPaymentRow(sqlite: Sqlite, p: PaymentRow): void {
  sqlite.prepare(`INSERT INTO payments (id, order_id, store_id, external_id, kind, method, gateway, status, amount_minor,
      currency, error_code, processed_at)
    VALUES (@id, @order, @store, @ext, @kind, @method, @gateway, @status, @amount, @currency, @error, @at)`).run({
    id: p.id, order: p.orderId, store: p.storeId ?? 1, ext: `p${p.id}`, kind: p.kind ?? 'sale', method: p.method ?? 'card',
    gateway: p.gateway ?? 'stripe', status: p.status ?? 'success', amount: p.amountMinor, currency: p.currency ?? 'USD',
    error: p.errorCode ?? null, at: p.processedAt,
  });
}

export interface RefundRow {
  id: number; orderId: number; storeId?: number; amountMinor: number; currency?: string; reason?: string | null;
  refundedAt: string;
}

export function insertRefundRow(sqlite: Sqlite, r: RefundRow): void {
  sqlite.prepare(`INSERT INTO refunds (id, order_id, store_id, external_id, amount_minor, currency, reason, refunded_at)
    VALUES (@id, @order, @store, @ext, @amount, @currency, @reason, @at)`).run({
    id: r.id, order: r.orderId, store: r.storeId ?? 1, ext: `r${r.id}`, amount: r.amountMinor,
    currency: r.currency ?? 'USD', reason: r.reason === undefined ? null : r.reason, at: r.refundedAt,
  });
}

export interface ShipmentRow {
  id: number; orderId: number; storeId?: number; carrier?: string; status?: string; country?: string | null;
  region?: string | null; shippedAt?: string | null; originalEstimate?: string | null; estimate?: string | null;
  deliveredAt?: string | null; createdAt?: string; disputedAt?: string | null;
}

export function insertShipmentRow(sqlite: Sqlite, s: ShipmentRow): void {
  const created = s.createdAt ?? s.shippedAt ?? T0;
  sqlite.prepare(`INSERT INTO shipments (id, order_id, store_id, external_id, carrier, status, destination_country,
      destination_region, shipped_at, original_estimated_delivery_at, estimated_delivery_at, delivered_at, disputed_at,
      created_at, updated_at)
    VALUES (@id, @order, @store, @ext, @carrier, @status, @country, @region, @shipped, @original, @estimate, @delivered,
      @disputed, @created, @created)`).run({
    id: s.id, order: s.orderId, store: s.storeId ?? 1, ext: `s${s.id}`, carrier: s.carrier ?? 'UPS',
    status: s.status ?? 'InTransit', country: s.country === undefined ? 'US' : s.country,
    region: s.region === undefined ? 'CA' : s.region, shipped: s.shippedAt ?? null, original: s.originalEstimate ?? null,
    estimate: s.estimate ?? null, delivered: s.deliveredAt ?? null, disputed: s.disputedAt ?? null, created,
  });
}

/** Every row of a table in a stable order: two databases' rollups compare as plain arrays. */
export function tableRows(sqlite: Sqlite, table: string): unknown[][] {
  const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[])
    .map((c) => `"${c.name}"`);
  return sqlite.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${columns.join(', ')}`).raw().all() as unknown[][];
}
