import type { OrderShipment, OrderShipmentPush } from '../../../shared/contract';
import type { Sqlite } from '../../db/connection';

/**
 * Where each shipment made in Backroom (external_id `local:…`) went: its
 * outbox message (`shipment:<id>:create`) and the store's name, or 'local'
 * when the store has no marketplace. One indexed read per order (the outbox's
 * unique key), only when the order has such shipments.
 */
export interface ShipmentPushes {
  storeName: string;
  byShipment: Map<number, { status: string; lastError: string | null }>;
}

export function localShipmentPushes(sqlite: Sqlite, orderId: number): ShipmentPushes | null {
  const ids = sqlite
    .prepare<[number], number>("SELECT id FROM shipments WHERE order_id = ? AND external_id LIKE 'local:%'")
    .pluck()
    .all(orderId);
  if (ids.length === 0) return null;
  const store = sqlite
    .prepare<[number], { name: string }>('SELECT s.name FROM stores s JOIN orders o ON o.store_id = s.id WHERE o.id = ?')
    .get(orderId)!;
  const message = sqlite.prepare<[string], { status: string; lastError: string | null }>(
    'SELECT status, last_error AS lastError FROM outbox WHERE idempotency_key = ?',
  );
  const byShipment = new Map<number, { status: string; lastError: string | null }>();
  for (const id of ids) {
    const row = message.get(`shipment:${id}:create`);
    if (row) byShipment.set(id, row);
  }
  return { storeName: store.name, byShipment };
}

export function withPush(shipment: OrderShipment, externalId: string, pushes: ShipmentPushes | null): OrderShipment {
  if (!pushes || !externalId.startsWith('local:')) return shipment;
  const row = pushes.byShipment.get(shipment.id);
  let push: OrderShipmentPush;
  if (row) {
    push = { state: row.status as 'pending', storeName: pushes.storeName, lastError: row.lastError };
  } else {
    // No message: made while the store was a demo or CSV store (or before it was connected).
    push = { state: 'local' };
  }
  return { ...shipment, push };
}
