import type { Sqlite } from '../../src/main/db/connection';
import { insertStore } from '../helpers/fixtures';

/**
 * Hand-made shipments for the logistics tests: each test states the few
 * columns it reads; everything else gets a harmless default.
 */
export interface ShipmentSpec {
  id: number;
  orderId?: number;
  carrier?: string;
  status?: string;
  trackingNumber?: string | null;
  trackingUrl?: string | null;
  country?: string | null;
  region?: string | null;
  shippedAt?: string | null;
  originalEta?: string | null;
  eta?: string | null;
  deliveredAt?: string | null;
  lastEventAt?: string | null;
  createdAt?: string;
  disputedAt?: string | null;
  storeId?: number;
}

export function seedBasics(sqlite: Sqlite): void {
  insertStore(sqlite, 1);
  sqlite.prepare(`INSERT INTO staff (id, name, role, created_at) VALUES (1, 'Mia Owner', 'owner', '2026-01-01T00:00:00.000Z')`).run();
  sqlite.prepare(`INSERT INTO staff (id, name, role, active, created_at) VALUES (2, 'Gone Agent', 'agent', 0, '2026-01-01T00:00:00.000Z')`).run();
}

export function insertNamedCustomer(sqlite: Sqlite, id: number, first: string, last: string): void {
  sqlite
    .prepare(`INSERT INTO customers (id, store_id, external_id, email, first_name, last_name, created_at, updated_at)
              VALUES (?, 1, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`)
    .run(id, `c${id}`, `c${id}@example.com`, first, last);
}

export function insertPlainOrder(sqlite: Sqlite, id: number, placedAt: string, customerId: number | null = null,
  orderNumber = `#${1000 + id}`): void {
  sqlite
    .prepare(`INSERT INTO orders (id, store_id, external_id, order_number, customer_id, status, financial_status,
                fulfillment_status, currency, subtotal_minor, total_minor, placed_at, created_at, updated_at)
              VALUES (?, 1, ?, ?, ?, 'completed', 'paid', 'fulfilled', 'USD', 1000, 1000, ?, ?, ?)`)
    .run(id, `o${id}`, orderNumber, customerId, placedAt, placedAt, placedAt);
}

export function insertShipment(sqlite: Sqlite, s: ShipmentSpec): void {
  const created = s.createdAt ?? s.shippedAt ?? '2026-03-01T00:00:00.000Z';
  sqlite
    .prepare(`INSERT INTO shipments (id, order_id, store_id, external_id, carrier, service, tracking_number, tracking_url,
                status, destination_country, destination_region, shipped_at, original_estimated_delivery_at,
                estimated_delivery_at, delivered_at, last_event_at, disputed_at, created_at, updated_at)
              VALUES (@id, @orderId, @storeId, @ext, @carrier, 'Ground', @trackingNumber, @trackingUrl, @status, @country,
                @region, @shippedAt, @originalEta, @eta, @deliveredAt, @lastEventAt, @disputedAt, @created, @created)`)
    .run({
      id: s.id,
      orderId: s.orderId ?? s.id,
      storeId: s.storeId ?? 1,
      ext: `f${s.id}`,
      carrier: s.carrier ?? 'UPS',
      trackingNumber: s.trackingNumber === undefined ? `1Z${String(s.id).padStart(6, '0')}` : s.trackingNumber,
      trackingUrl: s.trackingUrl ?? null,
      status: s.status ?? (s.deliveredAt ? 'Delivered' : 'InTransit'),
      country: s.country === undefined ? 'US' : s.country,
      region: s.region === undefined ? 'CA' : s.region,
      shippedAt: s.shippedAt === undefined ? created : s.shippedAt,
      originalEta: s.originalEta ?? null,
      eta: s.eta === undefined ? (s.originalEta ?? null) : s.eta,
      deliveredAt: s.deliveredAt ?? null,
      lastEventAt: s.lastEventAt === undefined ? (s.deliveredAt ?? s.shippedAt ?? null) : s.lastEventAt,
      disputedAt: s.disputedAt ?? null,
      created,
    });
}

/** An order placed at `placedAt` and its one shipment (same id). */
export function insertOrderShipment(sqlite: Sqlite, placedAt: string, s: ShipmentSpec): void {
  insertPlainOrder(sqlite, s.orderId ?? s.id, placedAt);
  insertShipment(sqlite, s);
}
