import type { Sqlite } from '../../../db/connection';
import type { ProviderTracking } from './provider';

/**
 * Writes what the provider says about a shipment: its row and its events.
 *
 * Who owns what, so the provider and the marketplace's fulfilments
 * (sync/apply/order-children.ts) do not fight over a shipment:
 * - Once the provider follows a shipment it owns the sub-status, the tracking
 *   events, last_event_at and the current estimate; the original estimate is
 *   set once (by whichever source gives one first) and never moved.
 * - The status is the provider's tag, with two exceptions: 'Pending' (the
 *   provider has heard nothing from the carrier yet) never replaces a status
 *   the marketplace already gave, and a shipment stored as Delivered goes back
 *   to another status only when the provider has a scan newer than the delivery.
 * - Shipped and delivered times and the tracking link fill gaps only: a time
 *   the marketplace recorded stays.
 * Events are idempotent by tracking_events' UNIQUE (shipment_id, occurred_at, status).
 */

interface StoredShipment {
  status: string;
  sub_status: string | null;
  last_event_at: string | null;
  estimated_delivery_at: string | null;
  original_estimated_delivery_at: string | null;
  delivered_at: string | null;
  shipped_at: string | null;
  tracking_url: string | null;
}

export interface Applied {
  changed: boolean;
  newEvents: number;
}

const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a > b ? a : b);

function nextRow(stored: StoredShipment, t: ProviderTracking): StoredShipment {
  const latestScan = t.checkpoints.length > 0 ? t.checkpoints[t.checkpoints.length - 1]!.occurredAt : null;
  const providerKnowsNothing = t.status === 'Pending' && stored.status !== 'Pending';
  const staleAfterDelivery = stored.status === 'Delivered' && t.status !== 'Delivered'
    && !(latestScan !== null && stored.delivered_at !== null && latestScan > stored.delivered_at);
  const takeStatus = !providerKnowsNothing && !staleAfterDelivery;
  const status = takeStatus ? t.status : stored.status;
  return {
    status,
    sub_status: takeStatus ? t.subStatus : stored.sub_status,
    last_event_at: later(stored.last_event_at, latestScan),
    estimated_delivery_at: t.estimatedDeliveryAt ?? stored.estimated_delivery_at,
    original_estimated_delivery_at:
      stored.original_estimated_delivery_at ?? t.firstEstimatedDeliveryAt ?? t.estimatedDeliveryAt,
    delivered_at: status === 'Delivered' ? stored.delivered_at ?? t.deliveredAt ?? latestScan : stored.delivered_at,
    shipped_at: stored.shipped_at ?? t.pickedUpAt,
    tracking_url: stored.tracking_url ?? t.trackingUrl,
  };
}

const FIELDS: (keyof StoredShipment)[] = ['status', 'sub_status', 'last_event_at', 'estimated_delivery_at',
  'original_estimated_delivery_at', 'delivered_at', 'shipped_at', 'tracking_url'];

/** Applies one tracking to one shipment; the caller holds the transaction (one per page). */
export function applyTracking(sqlite: Sqlite, provider: string, shipmentId: number, t: ProviderTracking, nowIso: string): Applied {
  const stored = sqlite
    .prepare<[number], StoredShipment>(
      `SELECT status, sub_status, last_event_at, estimated_delivery_at, original_estimated_delivery_at, delivered_at,
         shipped_at, tracking_url FROM shipments WHERE id = ?`,
    )
    .get(shipmentId);
  if (!stored) return { changed: false, newEvents: 0 };

  let newEvents = 0;
  const insertEvent = sqlite.prepare(
    `INSERT INTO tracking_events (shipment_id, occurred_at, status, sub_status, location, message)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (shipment_id, occurred_at, status) DO NOTHING`,
  );
  for (const c of t.checkpoints) {
    newEvents += insertEvent.run(shipmentId, c.occurredAt, c.status, c.subStatus, c.location, c.message).changes;
  }

  const next = nextRow(stored, t);
  const changed = FIELDS.some((field) => next[field] !== stored[field]);
  if (changed) {
    sqlite
      .prepare(
        `UPDATE shipments SET status = ?, sub_status = ?, last_event_at = ?, estimated_delivery_at = ?,
           original_estimated_delivery_at = ?, delivered_at = ?, shipped_at = ?, tracking_url = ?,
           tracking_checked_at = ?, tracking_error = NULL, updated_at = ? WHERE id = ?`,
      )
      .run(next.status, next.sub_status, next.last_event_at, next.estimated_delivery_at, next.original_estimated_delivery_at,
        next.delivered_at, next.shipped_at, next.tracking_url, nowIso, nowIso, shipmentId);
  } else {
    sqlite.prepare('UPDATE shipments SET tracking_checked_at = ?, tracking_error = NULL WHERE id = ?').run(nowIso, shipmentId);
  }

  sqlite
    .prepare(
      `INSERT INTO tracking_follows (shipment_id, provider, remote_id, slug, remote_updated_at, followed_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (shipment_id) DO UPDATE SET provider = excluded.provider, remote_id = excluded.remote_id,
         slug = excluded.slug,
         remote_updated_at = CASE WHEN tracking_follows.remote_updated_at IS NULL
           OR excluded.remote_updated_at > tracking_follows.remote_updated_at
           THEN excluded.remote_updated_at ELSE tracking_follows.remote_updated_at END`,
    )
    .run(shipmentId, provider, t.remoteId, t.slug, t.updatedAt, nowIso);
  return { changed, newEvents };
}

/** A refusal about one shipment (a number the carrier does not know), kept so the merchant sees why. */
export function recordShipmentError(sqlite: Sqlite, shipmentId: number, message: string, nowIso: string): void {
  sqlite.prepare('UPDATE shipments SET tracking_checked_at = ?, tracking_error = ? WHERE id = ?').run(nowIso, message, shipmentId);
}

/** The provider no longer has the tracking (deleted on its side): the next full run follows the shipment afresh. */
export function forgetFollow(sqlite: Sqlite, shipmentId: number): void {
  sqlite.prepare('DELETE FROM tracking_follows WHERE shipment_id = ?').run(shipmentId);
}
