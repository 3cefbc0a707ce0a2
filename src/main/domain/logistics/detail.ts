import type { ShipmentDetail, TrackingEvent } from '../../../shared/contract/logistics';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { SHIPMENT_COLUMNS, SHIPMENT_JOINS, toShipmentRow, type SelectedShipment } from './shipment-row';

/** A ticket still being worked: not solved or closed, and not merged into another. */
export const OPEN_TICKET = "t.status NOT IN ('solved','closed') AND t.merged_into_id IS NULL";

interface TrackingColumns {
  trackingCheckedAt: string | null;
  trackingError: string | null;
}

/** `shipments.get`: the shipment, its scans newest first, its open tickets and what the tracking provider last said. */
export function loadShipmentDetail(sqlite: Sqlite, id: number): ShipmentDetail {
  const row = sqlite
    .prepare<[number], SelectedShipment & TrackingColumns>(
      `SELECT ${SHIPMENT_COLUMNS}, s.tracking_checked_at AS trackingCheckedAt, s.tracking_error AS trackingError
         FROM shipments s ${SHIPMENT_JOINS}
        WHERE s.id = ?`,
    )
    .get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no shipment with id ${id}.`);
  const events = sqlite
    .prepare<[number], TrackingEvent>(
      `SELECT id, occurred_at AS occurredAt, status, sub_status AS subStatus, location, message
         FROM tracking_events WHERE shipment_id = ?
        ORDER BY occurred_at DESC, id DESC`,
    )
    .all(id);
  const tickets = sqlite
    .prepare<[number], { id: number; subject: string; status: string }>(
      `SELECT t.id, t.subject, t.status FROM tickets t WHERE t.shipment_id = ? AND ${OPEN_TICKET} ORDER BY t.id`,
    )
    .all(id);
  // The provider follows parcels only while it is switched on: a disabled one is not "tracking" this one.
  const provider = sqlite
    .prepare<[], string>('SELECT provider FROM tracking_provider WHERE id = 1 AND enabled = 1')
    .pluck()
    .get();
  return {
    ...toShipmentRow(row),
    events,
    tickets,
    tracking: { provider: provider ?? null, lastCheckedAt: row.trackingCheckedAt, lastError: row.trackingError },
  };
}
