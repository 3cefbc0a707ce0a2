import type { Sqlite } from '../../db/connection';
import type { RemoteOrder } from '../model';
import { prepared } from './statements';

/**
 * Refunds and shipments deleted on the platform, when their order is applied
 * again: the order's current lists are the truth, so a row the platform no
 * longer lists goes here too. Only rows the sync wrote are considered (a
 * remote time, no `local:` id): refunds made here (orders.refund) and anything
 * another area created stay whatever the platform says.
 *
 * A row that local data hangs off is kept and marked removed_remotely_at instead:
 * - a refund a return links to (returns.refund_id), or whose points reversal
 *   posted (`refund:<id>:reverse`). The ledger is append-only and that key names
 *   the row: the reversal stands, the refund keeps counting in the order's
 *   refunded-so-far sum that later reversals subtract from, so the points are
 *   neither given back nor taken twice, and deleting the row would leave an
 *   entry pointing at nothing;
 * - a shipment a ticket links to, or with tracking events (the tracking
 *   provider's history would cascade away with it).
 * A marked row the platform lists again is unmarked by its upsert (order-children.ts).
 */
const REMOVED_REFUNDS = `SELECT r.id,
    EXISTS (SELECT 1 FROM returns WHERE order_id = r.order_id AND refund_id = r.id)
      OR EXISTS (SELECT 1 FROM points_ledger WHERE idempotency_key = 'refund:' || r.id || ':reverse') AS kept
  FROM refunds r
  WHERE r.order_id = ? AND r.remote_updated_at IS NOT NULL AND r.external_id NOT LIKE 'local:%'
    AND r.removed_remotely_at IS NULL AND r.external_id NOT IN (SELECT value FROM json_each(?))`;
const REMOVED_SHIPMENTS = `SELECT s.id,
    EXISTS (SELECT 1 FROM tracking_events WHERE shipment_id = s.id)
      OR EXISTS (SELECT 1 FROM tickets WHERE shipment_id = s.id) AS kept
  FROM shipments s
  WHERE s.order_id = ? AND s.remote_updated_at IS NOT NULL AND s.external_id NOT LIKE 'local:%'
    AND s.removed_remotely_at IS NULL AND s.external_id NOT IN (SELECT value FROM json_each(?))`;
const MARK_REFUND = 'UPDATE refunds SET removed_remotely_at = ? WHERE id = ?';
const DELETE_REFUND = 'DELETE FROM refunds WHERE id = ?';
const MARK_SHIPMENT = 'UPDATE shipments SET removed_remotely_at = ?, updated_at = ? WHERE id = ?';
const DELETE_SHIPMENT = 'DELETE FROM shipments WHERE id = ?';
const idsJson = (items: readonly { externalId: string }[]): string => JSON.stringify(items.map((i) => i.externalId));

/**
 * Both lookups go through refunds_order / shipments_order: an order's few rows, never a scan.
 * Answers whether a shipment was deleted.
 */
export function mirrorRemovedChildren(sqlite: Sqlite, nowIso: string, orderId: number, o: RemoteOrder): boolean {
  let deletedShipment = false;
  for (const row of prepared(sqlite, REMOVED_REFUNDS).all(orderId, idsJson(o.refunds)) as { id: number; kept: number }[]) {
    if (row.kept) prepared(sqlite, MARK_REFUND).run(nowIso, row.id);
    else prepared(sqlite, DELETE_REFUND).run(row.id);
  }
  for (const row of prepared(sqlite, REMOVED_SHIPMENTS).all(orderId, idsJson(o.shipments)) as { id: number; kept: number }[]) {
    if (row.kept) prepared(sqlite, MARK_SHIPMENT).run(nowIso, nowIso, row.id);
    else {
      prepared(sqlite, DELETE_SHIPMENT).run(row.id);
      deletedShipment = true;
    }
  }
  return deletedShipment;
}
