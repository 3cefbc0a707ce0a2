import type { Sqlite } from '../../db/connection';
import { prepared } from './statements';

/**
 * A fulfilment the marketplace lists that Backroom made itself: staff added
 * the tracking here (shipments.create, external_id `local:<requestKey>`), the
 * outbox pushed it, and now the platform lists it under its own id. Rather
 * than insert a second shipment, the local row takes the remote id, so the
 * normal update path (remote time newer than none) refreshes it from then on
 * and its lines, tickets and tracking history stay attached.
 *
 * Matched on the order and the tracking number compared without case or
 * spacing (the platforms keep what we sent, some upper-case it). A remote
 * fulfilment without a tracking number is never adopted: nothing ties it to ours.
 */
const FIND_LOCAL = `SELECT id, tracking_number AS trackingNumber FROM shipments
  WHERE order_id = ? AND store_id = ? AND external_id LIKE 'local:%' AND tracking_number IS NOT NULL
  ORDER BY id`;
const ADOPT = 'UPDATE shipments SET external_id = ?, updated_at = ? WHERE id = ?';

const trackingKey = (n: string): string => n.replace(/\s+/g, '').toUpperCase();

export function adoptLocalShipment(sqlite: Sqlite, storeId: number, orderId: number, trackingNumber: string | null,
  externalId: string, nowIso: string): { id: number } | undefined {
  if (!trackingNumber || trackingKey(trackingNumber) === '') return undefined;
  const key = trackingKey(trackingNumber);
  // An order's few shipments through shipments_order: never a scan.
  const local = (prepared(sqlite, FIND_LOCAL).all(orderId, storeId) as { id: number; trackingNumber: string }[])
    .find((s) => trackingKey(s.trackingNumber) === key);
  if (!local) return undefined;
  prepared(sqlite, ADOPT).run(externalId, nowIso, local.id);
  return { id: local.id };
}
