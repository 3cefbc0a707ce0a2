import type { HandlerContext } from '../../../src/main/core/handler';
import type { Connection } from '../../../src/main/db/connection';
import { installTracking } from '../../../src/main/domain/logistics/tracking/runtime';
import { handlerContext } from '../../helpers/context';
import { memoryDb } from '../../helpers/db';

/**
 * A connected (non-demo) store with a few orders and shipments for tracking
 * tests, and a handler context whose tracking runtime retries quickly.
 */
export interface TrackingShop {
  connection: Connection;
  ctx: HandlerContext;
  events: { event: string; payload: { areas?: string[] } }[];
  addShipment(spec: ShipmentSpec): number;
  close(): void;
}

export interface ShipmentSpec {
  id: number;
  trackingNumber: string | null;
  carrier?: string;
  status?: string;
  originalEstimate?: string | null;
  estimate?: string | null;
  shippedAt?: string | null;
  storeId?: number;
}

const T0 = '2026-03-01T00:00:00.000Z';

export async function trackingShop(now = new Date('2026-03-10T12:00:00.000Z')): Promise<TrackingShop> {
  const connection = await memoryDb();
  const { sqlite } = connection;
  sqlite.prepare(`INSERT INTO stores (id, platform, name, currency, shop_url, created_at, updated_at)
    VALUES (1, 'shopify', 'Hillside Tea', 'USD', 'https://hillside.example', ?, ?),
           (2, 'demo', 'Demo shop', 'USD', NULL, ?, ?)`).run(T0, T0, T0, T0);
  sqlite.prepare(`INSERT INTO staff (id, name, role, created_at) VALUES (1, 'Olive Owner', 'manager', ?)`).run(T0);
  const events: TrackingShop['events'] = [];
  const ctx = handlerContext(connection, now, events as unknown[]);
  installTracking(ctx, { timing: { attempts: 5, backoffBaseMs: 5, backoffMaxMs: 40, random: () => 0.5, overlapMs: 60_000 } });
  return {
    connection, ctx, events,
    addShipment(spec) {
      const storeId = spec.storeId ?? 1;
      sqlite.prepare(`INSERT INTO orders (id, store_id, external_id, order_number, status, financial_status, fulfillment_status,
          currency, subtotal_minor, total_minor, refunded_minor, placed_at, created_at, updated_at)
        VALUES (?, ?, ?, ?, 'completed', 'paid', 'fulfilled', 'USD', 1000, 1000, 0, ?, ?, ?)`)
        .run(spec.id, storeId, `o${spec.id}`, `#${1000 + spec.id}`, T0, T0, T0);
      sqlite.prepare(`INSERT INTO shipments (id, order_id, store_id, external_id, carrier, tracking_number, status,
          shipped_at, original_estimated_delivery_at, estimated_delivery_at, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(spec.id, spec.id, storeId, `f${spec.id}`, spec.carrier ?? 'UPS', spec.trackingNumber, spec.status ?? 'InTransit',
          spec.shippedAt === undefined ? '2026-03-08T09:00:00.000Z' : spec.shippedAt, spec.originalEstimate ?? null,
          spec.estimate ?? spec.originalEstimate ?? null, T0, T0);
      return spec.id;
    },
    close: () => connection.close(),
  };
}
